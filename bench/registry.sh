#!/usr/bin/env bash
# The registry's benchmark: import of a generated list of displaced households, then duplicate detection with
# precision and recall. Not a test: it measures and reports. What the numbers mean: docs/benchmarks.md.
#
#   bench/registry.sh [--households N] [--missing-dates F] [--no-docs]
#     --households N      default 200,000 households, about 600,000 persons
#     --missing-dates F   share of re-registrations without a birth date (default 0)
#
# Needs a JDK 17 (java, javac, jar). Builds the jar when target/ has none or it is older than the sources.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
households=200000
missing=0
write_docs=true
while [ $# -gt 0 ]; do
	case "$1" in
		--households) households=$2; shift ;;
		--missing-dates) missing=$2; shift ;;
		--no-docs) write_docs=false ;;
		-h|--help) sed -n '2,9p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
		*) echo "Unknown option $1 (see --help)" >&2; exit 2 ;;
	esac
	shift
done
log() { printf '[bench %s] %s\n' "$(date -u +%H:%M:%S)" "$*" >&2; }

jar=$(ls target/hearth-*.jar 2>/dev/null | grep -v -- '-plain\|\.original' | head -n 1 || true)
if [ -z "$jar" ] || [ -n "$(find src/main pom.xml -newer "$jar" -type f 2>/dev/null | head -n 1)" ]; then
	log "Building the jar (./mvnw -B -q -DskipTests package)"
	./mvnw -B -q -DskipTests package
	jar=$(ls target/hearth-*.jar | grep -v -- '-plain\|\.original' | head -n 1)
fi
commit=$(git rev-parse --short HEAD)
run_dir="$ROOT/target/bench/registry-$(date -u +%Y%m%dT%H%M%SZ)"
mkdir -p "$run_dir/app" "$run_dir/classes"
data=$(mktemp -d "${TMPDIR:-/tmp}/hearth-registry-bench.XXXXXX")
trap 'rm -rf "$data"' EXIT
(cd "$run_dir/app" && jar xf "$ROOT/$jar")
cp="$run_dir/app/BOOT-INF/classes:$run_dir/app/BOOT-INF/lib/*"
javac -nowarn -d "$run_dir/classes" -cp "$cp" bench/RegistryBench.java
log "Running with $households households (log: $run_dir/bench.log)"
java -Xmx2g -cp "$run_dir/classes:$cp" org.hearth.registry.RegistryBench "$households" "$data" "$missing" >"$run_dir/bench.log" 2>&1 || {
	tail -n 40 "$run_dir/bench.log" >&2
	exit 1
}
r() { grep "^RESULT $1 = " "$run_dir/bench.log" | head -n 1 | sed 's/^[^=]*= //'; }
verdict() { if awk -v v="$1" -v t="$3" "BEGIN { exit !(v $2 t) }"; then echo "met"; else echo "**not met**"; fi; }
section=$(cat <<MD

## $(date -u +%Y-%m-%d) — registry import and duplicates, $(nproc) CPUs, commit $commit

Machine: $(nproc) × $(grep -m1 'model name' /proc/cpuinfo | sed 's/.*: //'), $(java -version 2>&1 | head -n 1). Run:
\`bench/registry.sh --households $households --missing-dates $missing\`; Hearth in the benchmark's JVM (-Xmx2g), embedded PostgreSQL. A
generated list: $households households of 1–5 persons, Azerbaijani and Armenian names in their own scripts, one
person in twenty registered again alone in another script or romanisation, a third of those with two letters
swapped, some with day and month swapped, one in five without a birth place, a share $missing without a birth date.

| Requirement | Target | Measured | Verdict |
|---|---|---|---|
| Import of $(r import.persons) persons in $(r import.households) households (CSV, checked row by row) | < 60 s for 600,000 | $(r import.seconds) s | $(verdict "$(r import.seconds)" '<' 60) |
| Duplicate detection over all of them | < 120 s for 600,000 | $(r duplicates.seconds) s, $(r duplicates.pairs) pairs proposed | $(verdict "$(r duplicates.seconds)" '<' 120) |
| Recall (true pairs found) | ≥ 0.95 | $(r duplicates.recall) ($(r duplicates.correct) of $(r duplicates.true-pairs)) | $(verdict "$(r duplicates.recall)" '>=' 0.95) |
| Precision (proposed pairs that are true) | ≥ 0.90 | $(r duplicates.precision) | $(verdict "$(r duplicates.precision)" '>=' 0.90) |
| Memory | — | peak heap $(r heap.peak-mb) MB of $(r heap.max-mb) MB (sum of the pools' peaks; the generated CSV, about 40 MB of text, is held in memory too) | — |
MD
)
echo "$section"
if $write_docs; then
	echo "$section" >> docs/benchmarks.md
	log "Appended to docs/benchmarks.md"
fi
