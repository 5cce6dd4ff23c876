#!/usr/bin/env bash
# The allocation round's end-to-end benchmark: Rounds.start through the database, from reading the waiting
# households and ready units to the last offer and its transparency-log entry, in one transaction. Not a test: it
# measures and reports. What the numbers mean: docs/benchmarks.md.
#
#   bench/round.sh [--households N] [--units N] [--no-docs]
#     --households N   waiting households (default 200,000)
#     --units N        ready units (default 20,000), about one in twenty in areas not released
#
# Needs a JDK 17 (java, javac, jar). Builds the jar when target/ has none or it is older than the sources.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
households=200000
units=20000
write_docs=true
while [ $# -gt 0 ]; do
	case "$1" in
		--households) households=$2; shift ;;
		--units) units=$2; shift ;;
		--no-docs) write_docs=false ;;
		-h|--help) sed -n '2,10p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
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
run_dir="$ROOT/target/bench/round-$(date -u +%Y%m%dT%H%M%SZ)"
mkdir -p "$run_dir/app" "$run_dir/classes"
data=$(mktemp -d "${TMPDIR:-/tmp}/hearth-round-bench.XXXXXX")
trap 'rm -rf "$data"' EXIT
(cd "$run_dir/app" && jar xf "$ROOT/$jar")
cp="$run_dir/app/BOOT-INF/classes:$run_dir/app/BOOT-INF/lib/*"
javac -nowarn -d "$run_dir/classes" -cp "$cp" bench/RoundBench.java
log "Running with $households households and $units units (log: $run_dir/bench.log)"
load_before=$(cut -d' ' -f1-3 /proc/loadavg)
java -Xmx2g -cp "$run_dir/classes:$cp" org.hearth.housing.RoundBench "$households" "$units" "$data" >"$run_dir/bench.log" 2>&1 || {
	tail -n 40 "$run_dir/bench.log" >&2
	exit 1
}
load_after=$(cut -d' ' -f1-3 /proc/loadavg)
grep '^PROFILE ' "$run_dir/bench.log" | sed 's/^PROFILE //' >"$run_dir/profile.txt" || true
r() { grep "^RESULT $1 = " "$run_dir/bench.log" | head -n 1 | sed 's/^[^=]*= //'; }
verdict() { if awk -v v="$1" -v t="$3" "BEGIN { exit !(v $2 t) }"; then echo "met"; else echo "**not met**"; fi; }
section=$(cat <<MD

## $(date -u +%Y-%m-%d) — allocation round through the database, $(nproc) CPUs, commit $commit

Machine: $(nproc) × $(grep -m1 'model name' /proc/cpuinfo | sed 's/.*: //'), $(java -version 2>&1 | head -n 1); load
average $load_before before, $load_after after. Run: \`bench/round.sh --households $households --units $units\`; Hearth
in the benchmark's JVM (-Xmx2g), embedded PostgreSQL. Written straight into the tables (seed fixed): $(r seed.settlements)
settlements of the gazetteer, one released area each and $(r seed.units-unreleased) of the $units ready units (1–5
rooms, about 10 % step-free) in 5 areas not released; $households waiting households of 1–7 persons, each need with
probability 0.1, 8 % needing step-free access, 1–4 of the settlements as preferences, registered 0–10 years ago.
Timed: one \`Rounds.start\` over all the settlements, wall clock — reading, priorities, the solver, the files and their
hashes, one round entry per household, one offer per assignment (locks, statuses, history, transparency-log entry),
one transaction, committed.

| Requirement | Target | Measured | Verdict |
|---|---|---|---|
| An allocation round of $(r round.households) households over $(r round.units) units, through the database | < 30 s for 200,000 over 20,000 | $(r round.seconds) s; $(r round.assigned) assigned, $(r offers.created) offers, $(r round-entries) round entries, $(r log.offer-entries) offers in the transparency log | $(verdict "$(r round.seconds)" '<' 30) |
| No offer in an area that is not released | 0 | $(r offers.in-unreleased-areas) | $(verdict "$(r offers.in-unreleased-areas)" '==' 0) |
| verify-round on the stored files gives the stored result | exit 0 | exit $(r verify.exit) in $(r verify.seconds) s (input $(r files.input-mb) MB, result $(r files.result-mb) MB) | $(verdict "$(r verify.exit)" '==' 0) |
| Memory | — | peak heap $(r heap.peak-mb) MB of $(r heap.max-mb) MB (sum of the pools' peaks, the start-up and the seeding included) | — |
MD
)
echo "$section"
echo
echo "Where the round's thread spent its time (sampled every 10 ms; $run_dir/profile.txt):"
head -n 12 "$run_dir/profile.txt"
if $write_docs; then
	echo "$section" >> docs/benchmarks.md
	log "Appended to docs/benchmarks.md"
fi
