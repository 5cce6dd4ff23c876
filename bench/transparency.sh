#!/usr/bin/env bash
# The transparency log's benchmark: appends through the application, the observer's full audit, proofs on a large
# log. Not a test: it measures and reports. What each number means: docs/benchmarks.md ("Transparency log").
#
#   bench/transparency.sh [--quick] [--append-seconds S] [--audit N] [--proofs N] [--no-docs]
#
#   --quick             20 s of appends, audit of 100,000 entries, proofs on 1,000,000: checks that the tool works
#   --append-seconds S  measured seconds of appends (default 60; a 5 s warm-up comes first)
#   --audit N           log size for the verifier's full audit (default 1,000,000)
#   --proofs N          log size for the proofs (default 10,000,000; about 6 GB of disk, 10 to 15 minutes)
#   --no-docs           print the results but do not append them to docs/benchmarks.md
#
# Needs a JDK 17 (java, javac, jar). Builds the jar when target/ has none. The machine should be otherwise idle.
# Logs: target/bench/transparency-<time>/
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)

append_seconds=60
audit=1000000
proofs=10000000
write_docs=true
while [ $# -gt 0 ]; do
	case "$1" in
		--quick) append_seconds=20; audit=100000; proofs=1000000 ;;
		--append-seconds) append_seconds=$2; shift ;;
		--audit) audit=$2; shift ;;
		--proofs) proofs=$2; shift ;;
		--no-docs) write_docs=false ;;
		-h|--help) sed -n '2,13p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
		*) echo "Unknown option $1 (see --help)" >&2; exit 2 ;;
	esac
	shift
done

log() { printf '[bench %s] %s\n' "$(date -u +%H:%M:%S)" "$*" >&2; }

jar=$(ls target/hearth-*.jar 2>/dev/null | grep -v -- '-plain\|\.original' | head -n 1 || true)
if [ -z "$jar" ] || [ -n "$(find src pom.xml -newer "$jar" -type f 2>/dev/null | head -n 1)" ]; then
	log "Building the jar (./mvnw -B -q -DskipTests package)"
	./mvnw -B -q -DskipTests package
	jar=$(ls target/hearth-*.jar | grep -v -- '-plain\|\.original' | head -n 1)
fi

stamp=$(date -u +%Y%m%dT%H%M%SZ)
commit=$(git rev-parse --short HEAD)
run_dir="$ROOT/target/bench/transparency-$stamp"
mkdir -p "$run_dir/app" "$run_dir/classes"
data=$(mktemp -d "${TMPDIR:-/tmp}/hearth-tlog-bench.XXXXXX")
trap 'rm -rf "$data"' EXIT

# The benchmark runs in the application's own packages, on the jar's classes and libraries.
(cd "$run_dir/app" && jar xf "$ROOT/$jar")
cp="$run_dir/app/BOOT-INF/classes:$run_dir/app/BOOT-INF/lib/*"
javac -nowarn -d "$run_dir/classes" -cp "$cp" bench/TransparencyBench.java
log "Running: appends for ${append_seconds}s, audit of $audit entries, proofs on $proofs (log: $run_dir/bench.log)"
started=$(date +%s)
java -Xmx2g -cp "$run_dir/classes:$cp" org.hearth.transparency.TransparencyBench --append-seconds "$append_seconds" \
	--audit "$audit" --proofs "$proofs" --jar "$ROOT/$jar" --data "$data" >"$run_dir/bench.log" 2>&1 || {
	tail -n 40 "$run_dir/bench.log" >&2
	exit 1
}
log "Done in $(( $(date +%s) - started )) s"

r() { grep "^RESULT $1 = " "$run_dir/bench.log" | head -n 1 | sed 's/^[^=]*= //'; }
verdict() { # verdict VALUE OP TARGET
	if awk -v v="$1" -v t="$3" "BEGIN { exit !(v $2 t) }"; then echo "met"; else echo "**not met**"; fi
}
rate=$(r append.rate)
slowest=$(r append.slowest-10s-window)
audit_s=$(r audit.seconds)
audit_max=${audit_s##* / }
incl=$(r proofs.inclusion-ms); cons=$(r proofs.consistency-ms)
hincl=$(r proofs.http-inclusion-ms); hcons=$(r proofs.http-consistency-ms)
p99() { echo "$1" | awk -F' / ' '{print $2}'; }

cpu=$(grep -m1 'model name' /proc/cpuinfo | sed 's/.*: //')
section=$(cat <<MD

## $(date -u +%Y-%m-%d) — transparency log, $(nproc) CPUs, commit $commit

Machine: $(nproc) × $cpu, $(free -g | awk '/Mem:/ {print $2}') GiB, $(java -version 2>&1 | head -n 1). Run:
\`bench/transparency.sh --append-seconds $append_seconds --audit $audit --proofs $proofs\`; Hearth in the benchmark's
JVM (-Xmx2g), embedded PostgreSQL, verifier in a separate JVM, all on the same machine.

| Requirement | Target | Measured | Verdict |
|---|---|---|---|
| Appends, sustained, in transactions of $(r append.batch) | ≥ 5,000 entries/s | $rate entries/s over $(r append.seconds) s ($(r append.entries) entries); slowest 10 s window $slowest/s; per transaction p50 / p99 / max $(r append.batch-ms.p50) / $(r append.batch-ms.p99) / $(r append.batch-ms.max) ms | $(verdict "$slowest" '>=' 5000) |
| Inclusion proof, log of $(r proofs.size) entries: the proof from PostgreSQL | < 5 ms | p50 / p99 / max $incl ms ($(r proofs.samples) random leaves) | $(verdict "$(p99 "$incl")" '<' 5) |
| … the same, end to end over HTTP | < 5 ms | p50 / p99 / max $hincl ms | $(verdict "$(p99 "$hincl")" '<' 5) |
| Consistency proof, same log: the proof from PostgreSQL | < 5 ms | p50 / p99 / max $cons ms (random older sizes) | $(verdict "$(p99 "$cons")" '<' 5) |
| … the same, end to end over HTTP | < 5 ms | p50 / p99 / max $hcons ms | $(verdict "$(p99 "$hcons")" '<' 5) |
| Observer's full audit (\`verify --full\`) | < 20 s for 1,000,000 | min / median / max $audit_s s for $(r audit.entries) entries, 3 runs, each a new JVM from \`java -jar\` | $(verdict "$audit_max" '<' 20) |

Storage: $(r storage.bytes-per-entry) bytes per entry in the transparency schema, indexes included ($(r storage.total-mb) MB).
Bulk load between the steps: $(r "fill.$audit.seconds") s to $audit entries, $(r "fill.$proofs.seconds") s to $proofs,
each followed by VACUUM (ANALYZE) of the log's tables, so that the measurements do not share the machine with the
clean-up of millions of rows loaded at once.
Verdicts are on the p99 (audit: the slowest run). "From PostgreSQL" is \`Merkle.inclusionProof\` /
\`consistencyProof\` on the stored subtrees: one query, plus the verification of every proof against the signed
root. "Over HTTP" is a GET of \`/transparency/proof/...\` from a client in the same JVM, JSON included; for
comparison, \`GET /transparency/key\`, which needs no database, took $(r proofs.http-floor-ms) ms (p50 / p99 / max).
MD
)
echo "$section"
if $write_docs; then
	echo "$section" >> docs/benchmarks.md
	log "Appended to docs/benchmarks.md"
fi
