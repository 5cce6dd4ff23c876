#!/usr/bin/env bash
# The statistics benchmark: 1,000,000 residency applications with their decisions beside the demo's other data,
# then a release built from them, and the public dashboard and a CSV download over HTTP. Not a test: it measures
# and reports. What the numbers mean: docs/benchmarks.md.
#
#   bench/statistics.sh [--applications N] [--no-docs]
#
# Needs a JDK 17 (java, javac, jar). Builds the jar when target/ has none or it is older than the sources.
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/lib.sh
applications=1000000
write_docs=true
while [ $# -gt 0 ]; do
	case "$1" in
		--applications) applications=$2; shift ;;
		--no-docs) write_docs=false ;;
		-h|--help) sed -n '2,7p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
		*) echo "Unknown option $1 (see --help)" >&2; exit 2 ;;
	esac
	shift
done

bench_prepare statistics bench/StatisticsBench.java
log "Running with $applications applications (log: $run_dir/bench.log)"
load_before=$(cut -d' ' -f1-3 /proc/loadavg)
java -Xmx1g -cp "$run_dir/classes:$cp" org.hearth.statistics.StatisticsBench "$data" "$applications" >"$run_dir/bench.log" 2>&1 || {
	tail -n 40 "$run_dir/bench.log" >&2
	exit 1
}
load_after=$(cut -d' ' -f1-3 /proc/loadavg)
section=$(cat <<MD

## $(date -u +%Y-%m-%d) — statistics: a release from 1,000,000 applications and the public dashboard, $(nproc) CPUs, commit $commit

Machine: $(nproc) × $(grep -m1 'model name' /proc/cpuinfo | sed 's/.*: //'), $(java -version 2>&1 | head -n 1); load
average $load_before before, $load_after after. Run: \`bench/statistics.sh --applications $applications\`; Hearth in the
benchmark's JVM (-Xmx1g) with the demo data of every other module, embedded PostgreSQL, the HTTP client in the same JVM.
Seeded by SQL ($(r seed.seconds) s): $(r seed.applications) residency applications over two years and $(r seed.decisions)
first decisions, then VACUUM ANALYZE. The dashboard and the downloads read the stored release (one row, $(r release.kb) KB
of JSON, kept in memory while it is the latest); building a release is the only step that reads the history.
Latencies p50 / p95 / p99 / max over $(r dashboard.http.runs) runs after a warm-up of a fifth as many.

| Requirement | Target | Measured | Verdict |
|---|---|---|---|
| The public dashboard over HTTP, in Armenian ($(r dashboard.http-kb) KB, 9 charts and tables) | < 100 ms at p95 | $(r dashboard.http.p50) / $(r dashboard.http.p95) / $(r dashboard.http.p99) / $(r dashboard.http.max) ms | $(verdict "$(r dashboard.http.p95)" '<' 100) |
| A CSV download (26 weeks × 7 statuses, $(r csv.http-kb) KB) | — | $(r csv.http.p50) / $(r csv.http.p95) / $(r csv.http.p99) / $(r csv.http.max) ms | — |
| The latest release, from PostgreSQL | — | $(r latest.db.p50) / $(r latest.db.p95) / $(r latest.db.p99) / $(r latest.db.max) ms | — |
| Building and storing a release ($(r release.tables) tables, suppression included) | once a week | $(r release.seconds) s; rebuilt $(r build.db.runs) times: $(r build.db.p50) / $(r build.db.max) ms (p50 / max) | — |
| For comparison: the data dictionary (no query, $(r baseline.http-kb) KB) | — | $(r baseline.http.p50) / $(r baseline.http.p95) / $(r baseline.http.p99) / $(r baseline.http.max) ms | — |
| Memory | — | peak heap $(r heap.peak-mb) MB of $(r heap.max-mb) MB (seeding included) | — |
MD
)
echo "$section"
if $write_docs; then
	echo "$section" >> docs/benchmarks.md
	log "Appended to docs/benchmarks.md"
fi
