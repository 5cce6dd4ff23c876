#!/usr/bin/env bash
# The aid benchmark: 1,000,000 ledger movements over 50 warehouses and 2,000 facilities, then stock on hand for a
# warehouse and the coordinator's dashboard, from PostgreSQL and as pages over HTTP. Not a test: it measures and
# reports. What the numbers mean: docs/benchmarks.md.
#
#   bench/aid.sh [--movements N] [--no-docs]
#
# Needs a JDK 17 (java, javac, jar). Builds the jar when target/ has none or it is older than the sources.
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/lib.sh
movements=1000000
write_docs=true
while [ $# -gt 0 ]; do
	case "$1" in
		--movements) movements=$2; shift ;;
		--no-docs) write_docs=false ;;
		-h|--help) sed -n '2,7p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
		*) echo "Unknown option $1 (see --help)" >&2; exit 2 ;;
	esac
	shift
done

bench_prepare aid bench/AidBench.java
log "Running with $movements movements (log: $run_dir/bench.log)"
load_before=$(cut -d' ' -f1-3 /proc/loadavg)
java -Xmx1g -cp "$run_dir/classes:$cp" org.hearth.aid.AidBench "$data" "$movements" >"$run_dir/bench.log" 2>&1 || {
	tail -n 40 "$run_dir/bench.log" >&2
	exit 1
}
load_after=$(cut -d' ' -f1-3 /proc/loadavg)
section=$(cat <<MD

## $(date -u +%Y-%m-%d) — aid: stock on hand and the dashboard, $(nproc) CPUs, commit $commit

Machine: $(nproc) × $(grep -m1 'model name' /proc/cpuinfo | sed 's/.*: //'), $(java -version 2>&1 | head -n 1); load
average $load_before before, $load_after after. Run: \`bench/aid.sh --movements $movements\`; Hearth in the benchmark's
JVM (-Xmx1g), embedded PostgreSQL, the HTTP client in the same JVM. Seeded (fixed seed, by COPY through the ledger's
trigger, $(r seed.seconds) s): $(r seed.movements) movements (receipts, dispatches, losses, never below zero) of 17 items
over $(r seed.warehouses) warehouses; $(r seed.facilities) facilities with $(r seed.needs) needs this month,
$(r seed.delivered-rows) days of deliveries over 60 days and $(r seed.readings) fuel readings; then VACUUM ANALYZE and 20 s
for the bulk load's clean-up.
Stock that does not add up to its movements: $(r seed.stock-mismatch); negative stock: $(r seed.negative-stock).
"From PostgreSQL" calls the services (\`StockLedger.onHand\`; the dashboard's \`Overview\` and \`FuelWatch\` queries);
"page" is a GET over HTTP as the demo coordinator, HTML rendered, in English. Latencies p50 / p95 / p99 / max over
$(r stock.db.runs) (stock) and $(r dashboard.db.runs) (dashboard) runs after a warm-up of a fifth as many (at least 30).

| Requirement | Target | Measured | Verdict |
|---|---|---|---|
| Stock on hand for a warehouse, from PostgreSQL | < 50 ms | $(r stock.db.p50) / $(r stock.db.p95) / $(r stock.db.p99) / $(r stock.db.max) ms | $(verdict "$(r stock.db.p99)" '<' 50) |
| … the warehouse's page over HTTP ($(r stock.http-kb) KB) | < 50 ms | $(r stock.http.p50) / $(r stock.http.p95) / $(r stock.http.p99) / $(r stock.http.max) ms | $(verdict "$(r stock.http.p99)" '<' 50) |
| The dashboard's data, from PostgreSQL | < 300 ms | $(r dashboard.db.p50) / $(r dashboard.db.p95) / $(r dashboard.db.p99) / $(r dashboard.db.max) ms | $(verdict "$(r dashboard.db.p99)" '<' 300) |
| … the dashboard's page over HTTP ($(r dashboard.http-kb) KB) | < 300 ms | $(r dashboard.http.p50) / $(r dashboard.http.p95) / $(r dashboard.http.p99) / $(r dashboard.http.max) ms | $(verdict "$(r dashboard.http.p99)" '<' 300) |
| For comparison: a page without a query of its own (\`/aid/items\`, $(r baseline.http-kb) KB) | — | $(r baseline.http.p50) / $(r baseline.http.p95) / $(r baseline.http.p99) / $(r baseline.http.max) ms | — |
| Memory | — | peak heap $(r heap.peak-mb) MB of $(r heap.max-mb) MB (sum of the pools' peaks, seeding included); aid tables $(r db.size-mb) MB | — |

Verdicts are on the p99.
MD
)
echo "$section"
if $write_docs; then
	echo "$section" >> docs/benchmarks.md
	log "Appended to docs/benchmarks.md"
fi
