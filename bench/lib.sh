# What the in-JVM benchmark scripts share; sourced by bench/aid.sh and bench/statistics.sh from the project root.
#   bench_prepare NAME SOURCE...   builds the jar if it is missing or older than the sources, unpacks it, compiles
#                                  bench/Measurements.java and the SOURCEs; sets ROOT, jar, commit, run_dir, data, cp
#   r KEY                          a RESULT line of the run's log
#   verdict VALUE OP TARGET        "met" or "**not met**"

log() { printf '[bench %s] %s\n' "$(date -u +%H:%M:%S)" "$*" >&2; }

bench_prepare() {
	local name=$1
	shift
	ROOT=$(pwd)
	jar=$(ls target/hearth-*.jar 2>/dev/null | grep -v -- '-plain\|\.original' | head -n 1 || true)
	if [ -z "$jar" ] || [ -n "$(find src/main pom.xml -newer "$jar" -type f 2>/dev/null | head -n 1)" ]; then
		log "Building the jar (./mvnw -B -q -DskipTests package)"
		./mvnw -B -q -DskipTests package
		jar=$(ls target/hearth-*.jar | grep -v -- '-plain\|\.original' | head -n 1)
	fi
	commit=$(git rev-parse --short HEAD)
	run_dir="$ROOT/target/bench/$name-$(date -u +%Y%m%dT%H%M%SZ)"
	mkdir -p "$run_dir/app" "$run_dir/classes"
	data=$(mktemp -d "${TMPDIR:-/tmp}/hearth-$name-bench.XXXXXX")
	trap 'rm -rf "$data"' EXIT
	(cd "$run_dir/app" && jar xf "$ROOT/$jar")
	cp="$run_dir/app/BOOT-INF/classes:$run_dir/app/BOOT-INF/lib/*"
	javac -nowarn -d "$run_dir/classes" -cp "$cp" bench/Measurements.java "$@"
}

r() { grep "^RESULT $1 = " "$run_dir/bench.log" | head -n 1 | sed 's/^[^=]*= //'; }

verdict() { if awk -v v="$1" -v t="$3" "BEGIN { exit !(v $2 t) }"; then echo "met"; else echo "**not met**"; fi; }
