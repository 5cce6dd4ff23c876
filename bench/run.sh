#!/usr/bin/env bash
# Hearth's benchmarks: start-up time, page weight of the applicant journey, load on submissions and the status page.
# Not tests: they measure and report, they do not pass or fail a build. What each number means: docs/benchmarks.md.
#
#   bench/run.sh [--quick] [--starts N] [--duration S] [--warmup S] [--clients N] [--caseworkers N] [--public N]
#                [--label TEXT] [--no-docs]
#
#   --quick        one start-up of each kind instead of three, and a 15 s load window instead of 60 s
#   --starts N     start-ups of each kind (default 3; --quick 1)
#   --duration S   load window in seconds (default 60; --quick 15)
#   --warmup S     load warm-up in seconds, not measured (default 10)
#   --clients N    concurrent applicant clients (default 50, of which 10 on the status page)
#   --caseworkers N  caseworker clients on the queue and case pages, besides (default 5)
#   --public N     anonymous clients on the public dashboard and the transparency log, besides (default 5)
#   --label TEXT   added to the section's title in docs/benchmarks.md (e.g. "validation only")
#   --no-docs      print the results but do not append them to docs/benchmarks.md
#
# Run from anywhere; works on a fresh clone with a JDK 17 (java, jstat, jcmd) and curl. Builds the jar with
# ./mvnw -B -q -DskipTests package when target/ has none. The machine should be otherwise idle.
# Environment: JAVA (default: java); KEEP_DATA=1 keeps the temporary data directories. Logs: target/bench/<time>/
set -euo pipefail

cd "$(dirname "$0")/.."
ROOT=$(pwd)

starts=3
duration=60
warmup=10
clients=50
caseworkers=5
public_clients=5
status_clients=10
label=""
write_docs=true
quick=false
starts_given=false
duration_given=false
while [ $# -gt 0 ]; do
	case "$1" in
		--quick) quick=true ;;
		--starts) starts=$2; starts_given=true; shift ;;
		--duration) duration=$2; duration_given=true; shift ;;
		--warmup) warmup=$2; shift ;;
		--clients) clients=$2; shift ;;
		--caseworkers) caseworkers=$2; shift ;;
		--public) public_clients=$2; shift ;;
		--label) label=$2; shift ;;
		--no-docs) write_docs=false ;;
		-h|--help) sed -n '2,20p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
		*) echo "Unknown option $1 (see --help)" >&2; exit 2 ;;
	esac
	shift
done
if $quick; then
	$starts_given || starts=1
	$duration_given || duration=15
fi
if [ "$starts" -lt 1 ] || [ "$duration" -lt 1 ] || [ "$clients" -lt 2 ]; then
	echo "Need --starts >= 1, --duration >= 1 and --clients >= 2" >&2
	exit 2
fi
if [ "$clients" -le "$status_clients" ]; then
	status_clients=$(( clients / 5 > 0 ? clients / 5 : 1 ))
fi

JAVA=${JAVA:-java}
for tool in "$JAVA" curl jstat jcmd; do
	command -v "$tool" >/dev/null || { echo "bench/run.sh needs $tool (a JDK 17 and curl)" >&2; exit 2; }
done

log() { printf '[bench %s] %s\n' "$(date -u +%H:%M:%S)" "$*" >&2; }

# ---- the jar ------------------------------------------------------------------------------------------------------
jar=$(ls target/hearth-*.jar 2>/dev/null | grep -v -- '-plain\|\.original' | head -n 1 || true)
if [ -z "$jar" ]; then
	log "No jar in target/: building it (./mvnw -B -q -DskipTests package)"
	./mvnw -B -q -DskipTests package
	jar=$(ls target/hearth-*.jar | grep -v -- '-plain\|\.original' | head -n 1)
fi
jar_note=""
if [ -n "$(find src pom.xml -newer "$jar" -type f 2>/dev/null | head -n 1)" ]; then
	jar_note=" (older than some sources: rebuild with ./mvnw -B -q -DskipTests package to measure them)"
	log "Warning: $jar is older than some files in src/ or pom.xml; measuring it as it is"
fi
log "Jar: $jar$jar_note"

stamp=$(date -u +%Y%m%dT%H%M%SZ)
run_dir="$ROOT/target/bench/$stamp"
mkdir -p "$run_dir"
tmp=$(mktemp -d "${TMPDIR:-/tmp}/hearth-bench.XXXXXX")
app_pid=""

# Whether a process runs (a child that exited but was not yet reaped is a zombie: kill -0 would still succeed).
alive() {
	local stat
	stat=$(sed 's/^.*) //' "/proc/$1/stat" 2>/dev/null) || return 1
	[ -n "$stat" ] && [ "${stat:0:1}" != Z ]
}

cleanup() {
	if [ -n "$app_pid" ] && alive "$app_pid"; then
		log "Stopping Hearth (pid $app_pid)"
		kill -TERM "$app_pid" 2>/dev/null || true
		for _ in $(seq 1 600); do alive "$app_pid" || break; sleep 0.1; done
		if alive "$app_pid"; then kill -KILL "$app_pid" 2>/dev/null || true; fi
		wait "$app_pid" 2>/dev/null || true
	fi
	if [ "${KEEP_DATA:-0}" = 1 ]; then
		log "Kept data directories in $tmp"
	else
		rm -rf "$tmp"
	fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

now_ms() { echo $(( $(date +%s%N) / 1000000 )); }

free_port() {
	local port
	while :; do
		port=$(( 20000 + RANDOM % 40000 ))
		if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
			echo "$port"
			return
		fi
	done
}

# start_app DATA_DIR PORT LOG [JVM options...] -- [application arguments...]: sets app_pid and started_ms.
start_app() {
	local data=$1 port=$2 out=$3
	shift 3
	local jvm=() args=()
	while [ $# -gt 0 ] && [ "$1" != "--" ]; do jvm+=("$1"); shift; done
	[ $# -gt 0 ] && shift
	args=("$@")
	started_ms=$(now_ms)
	HEARTH_DATA_DIR="$data" HEARTH_BASE_URL="http://localhost:$port" \
		"$JAVA" -Xmx512m ${jvm[@]+"${jvm[@]}"} "${launch[@]}" --spring.profiles.active=demo --server.port="$port" \
		${args[@]+"${args[@]}"} >"$out" 2>&1 &
	app_pid=$!
}

# wait_up PORT LOG: sets up_ms, the milliseconds from start_app until /actuator/health says UP (polled every 100 ms).
wait_up() {
	local port=$1 out=$2 deadline=$(( $(now_ms) + 300000 ))
	while :; do
		if curl -s -m 2 "http://127.0.0.1:$port/actuator/health" 2>/dev/null | grep -q '"status":"UP"'; then
			up_ms=$(( $(now_ms) - started_ms ))
			return
		fi
		if ! alive "$app_pid"; then
			log "Hearth exited during start-up; the end of $out:"
			tail -n 40 "$out" >&2
			exit 1
		fi
		if [ "$(now_ms)" -gt "$deadline" ]; then
			log "Hearth was not UP after 300 s; the end of $out:"
			tail -n 40 "$out" >&2
			exit 1
		fi
		sleep 0.1
	done
}

# stop_app: SIGTERM and wait (graceful shutdown also stops the embedded PostgreSQL); sets stop_ms.
stop_app() {
	local t0
	t0=$(now_ms)
	kill -TERM "$app_pid"
	for _ in $(seq 1 600); do alive "$app_pid" || break; sleep 0.1; done
	if alive "$app_pid"; then
		log "Hearth did not stop within 60 s of SIGTERM: killing it"
		kill -KILL "$app_pid" || true
	fi
	wait "$app_pid" 2>/dev/null || true
	app_pid=""
	stop_ms=$(( $(now_ms) - t0 ))
}

spring_started() { # "Started HearthApplication in 12.345 seconds" → 12.3
	grep -o 'Started HearthApplication in [0-9.]* seconds' "$1" | tail -n 1 | awk '{printf "%.1f", $4}'
}

secs() { awk -v ms="$1" 'BEGIN { printf "%.1f", ms / 1000 }'; }

# stats "1 2 3" → "min median max" (median of an even count: the mean of the middle two)
stats() {
	printf '%s\n' $1 | sort -n | awk '{ v[NR] = $1 } END {
		m = (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2
		printf "%d %d %d", v[1], m, v[NR] }'
}

verdict() { # verdict MEASURED_MS LIMIT_MS
	if [ "$1" -le "$2" ]; then echo "met"; else echo "**NOT MET**"; fi
}

# ---- the machine ----------------------------------------------------------------------------------------------------
machine_cpu=$( (lscpu 2>/dev/null | grep 'Model name' | head -n 1 | sed 's/Model name:[[:space:]]*//') || true)
machine_cores=$(nproc)
machine_mem=$(free -g | awk '/^Mem:/ { print $2 " GB total, " $7 " GB available" }')
machine_java=$("$JAVA" -version 2>&1 | head -n 2 | tr '\n' ' ' | sed 's/[[:space:]]*$//')
machine_kernel=$(uname -sr)
load_before=$(cut -d ' ' -f 1-3 /proc/loadavg 2>/dev/null || echo unknown)
run_date=$(date -u)
commit=$(git rev-parse --short HEAD 2>/dev/null || echo unknown)
if [ "$commit" != unknown ] && [ -n "$(git status --porcelain 2>/dev/null | grep -v '^?? bench/' | grep -v ' docs/benchmarks.md$' || true)" ]; then
	commit="$commit (working tree has uncommitted changes)"
fi
log "Machine: $machine_cores CPUs ($machine_cpu), $machine_mem; load average $load_before; commit $commit"

# ---- 1. start-up ----------------------------------------------------------------------------------------------------
# As the quick start runs it (./mvnw spring-boot:run: compiled classes and the dependency jars on the class path,
# the JVM options of pom.xml), without Maven's own start-up. STARTUP=jar measures `java -jar` instead, and
# STARTUP_JVM_OPTS="" the production compilers.
startup_jvm=${STARTUP_JVM_OPTS--XX:TieredStopAtLevel=1}
if [ "${STARTUP:-quickstart}" = "jar" ]; then
	launch=(-jar "$jar")
	startup_launch="java -jar"
else
	./mvnw -B -q dependency:build-classpath -Dmdep.includeScope=runtime -Dmdep.outputFile="$run_dir/classpath.txt" >/dev/null
	launch=(-cp "target/classes:$(cat "$run_dir/classpath.txt")" org.hearth.HearthApplication)
	startup_launch="compiled classes and dependency jars, as ./mvnw spring-boot:run"
fi
cold=()
later=()
startup_rows=""
for i in $(seq 1 "$starts"); do
	data="$tmp/startup-$i"
	mkdir -p "$data"
	port=$(free_port)
	log "Start-up $i/$starts: cold (fresh data directory $data, port $port)"
	start_app "$data" "$port" "$run_dir/startup-$i-cold.log" $startup_jvm --
	wait_up "$port" "$run_dir/startup-$i-cold.log"
	ms=$up_ms
	cold+=("$ms")
	stop_app
	startup_rows+="| $i | cold (first start: initdb, migrations, demo data) | $(secs "$ms") s | $(spring_started "$run_dir/startup-$i-cold.log") s | $(secs "$stop_ms") s |"$'\n'
	log "  cold: $(secs "$ms") s to UP; stopped in $(secs "$stop_ms") s"

	port=$(free_port)
	log "Start-up $i/$starts: later (same data directory, port $port)"
	start_app "$data" "$port" "$run_dir/startup-$i-later.log" $startup_jvm --
	wait_up "$port" "$run_dir/startup-$i-later.log"
	ms=$up_ms
	later+=("$ms")
	stop_app
	startup_rows+="| $i | later (existing data directory) | $(secs "$ms") s | $(spring_started "$run_dir/startup-$i-later.log") s | $(secs "$stop_ms") s |"$'\n'
	log "  later: $(secs "$ms") s to UP; stopped in $(secs "$stop_ms") s"
	if [ -f "$data/postgres/postmaster.pid" ]; then
		log "  warning: $data/postgres/postmaster.pid is still there: PostgreSQL was not stopped cleanly"
	fi
done
read -r cold_min cold_med cold_max <<<"$(stats "${cold[*]}")"
read -r later_min later_med later_max <<<"$(stats "${later[*]}")"

# ---- 2. and 3.: one instance for page weight and load -------------------------------------------------------------------
launch=(-jar "$jar")
data="$tmp/load"
mkdir -p "$data"
port=$(free_port)
base="http://127.0.0.1:$port"
log "Starting Hearth for page weight and load on port $port (GC log, /actuator/metrics exposed to administrators)"
start_app "$data" "$port" "$run_dir/load-app.log" "-Xlog:gc:file=$run_dir/gc.log:utctime,uptime" -- \
	--management.endpoints.web.exposure.include=health,info,metrics
wait_up "$port" "$run_dir/load-app.log"
log "  UP after $(secs "$up_ms") s (pid $app_pid)"

log "Page weight of the applicant journey..."
"$JAVA" bench/PageWeight.java --base-url "$base" --markdown "$run_dir/page-weight.md" >"$run_dir/page-weight.out"

log "Load: $clients applicant clients ($status_clients on the status page), $caseworkers caseworkers, $public_clients" \
	"public, warm-up $warmup s, window $duration s..."
"$JAVA" bench/SubmissionLoad.java --base-url "$base" --pid "$app_pid" --clients "$clients" \
	--status-clients "$status_clients" --caseworker-clients "$caseworkers" --public-clients "$public_clients" \
	--warmup "$warmup" --duration "$duration" --markdown "$run_dir/load.md" \
	--gc-log "$run_dir/gc.log" --app-log "$run_dir/load-app.log" --postgres-dir "$data/postgres" >"$run_dir/load.out"
load_after=$(cut -d ' ' -f 1-3 /proc/loadavg 2>/dev/null || echo unknown)
stop_app
log "Stopped Hearth in $(secs "$stop_ms") s."

# ---- 4. the report --------------------------------------------------------------------------------------------------
title="## $(date -u +%Y-%m-%d) — $machine_cores CPUs, commit ${commit%% *}${label:+ — $label}"
section="$run_dir/section.md"
{
	echo "$title"
	echo
	echo "| | |"
	echo "|---|---|"
	echo "| date | $run_date |"
	echo "| commit | $commit |"
	echo "| CPU | $machine_cpu, $machine_cores CPUs (\`nproc\`) |"
	echo "| memory | $machine_mem (\`free -g\`) |"
	echo "| Java | $machine_java |"
	echo "| kernel | $machine_kernel |"
	echo "| load average before / after the load test | $load_before / $load_after |"
	echo "| parameters | $starts start-up(s) of each kind; load: $clients clients ($status_clients on the status page), warm-up $warmup s, window $duration s$($quick && echo '; --quick') |"
	echo "| application | \`java -Xmx512m -jar $(basename "$jar") --spring.profiles.active=demo\`$jar_note (start-ups: $startup_launch, with \`${startup_jvm:-no extra JVM options}\`; the load instance: the jar with the default compilers), embedded PostgreSQL, other settings at their defaults (${HEARTH_DB_POOL_SIZE:-20} database connections); the load instance also with \`-Xlog:gc\` and \`/actuator/metrics\` exposed |"
	echo
	echo "### Start-up"
	echo
	echo "Wall time from starting the JVM until \`GET /actuator/health\` answers \`UP\` (polled every 100 ms)."
	echo "Verdicts on the slowest start."
	echo
	echo "| requirement | target | min | median | max | verdict |"
	echo "|---|---|---:|---:|---:|---|"
	echo "| cold first start (fresh data directory) | ≤ 20 s | $(secs "$cold_min") s | $(secs "$cold_med") s | $(secs "$cold_max") s | $(verdict "$cold_max" 20000) |"
	echo "| later start (existing data directory) | ≤ 10 s | $(secs "$later_min") s | $(secs "$later_med") s | $(secs "$later_max") s | $(verdict "$later_max" 10000) |"
	echo
	echo "| run | start | to UP | Spring's \"Started in\" | graceful stop (SIGTERM) |"
	echo "|---:|---|---:|---:|---:|"
	printf '%s' "$startup_rows"
	echo
	cat "$run_dir/page-weight.md"
	cat "$run_dir/load.md"
} >"$section"

if $write_docs; then
	docs="$ROOT/docs/benchmarks.md"
	if [ ! -f "$docs" ]; then
		cat >"$docs" <<'EOF'
# Benchmarks

Run on an otherwise idle machine, from the repository root:

```
bench/run.sh            # 5 to 8 minutes: 3 cold and 3 later start-ups, page weight, a 60 s load test
bench/run.sh --quick    # about 3 minutes: 1 start-up of each kind, a 15 s load test; to check that the tools work
```

It needs a JDK 17 (`java`, `jstat`, `jcmd`) and `curl`, builds the jar if `target/` has none
(`./mvnw -B -q -DskipTests package`), starts Hearth itself on free ports with fresh temporary data directories, and
appends a dated section below (machine, commit, parameters, every requirement with its target and the measured value).
Logs, the GC log and each part's report stay in `target/bench/<time>/`. The tools are single-file Java programs run
with `java bench/X.java`; they are not tests and take no part in the build.

What the numbers mean:

- **Start-up, cold**: wall time from starting `java -Xmx512m -jar target/hearth-*.jar --spring.profiles.active=demo`
  with an empty `HEARTH_DATA_DIR` until `GET /actuator/health` answers `UP`, polled every 100 ms. Includes initdb of
  the embedded PostgreSQL, every migration and the demo accounts. The PostgreSQL binaries were unpacked (into
  `/tmp/embedded-pg`) by an earlier start on the machine; the very first start on a new machine also unpacks them.
  **Later**: the same on the data directory a cold start left behind, after a graceful stop (SIGTERM). Each is
  repeated (3 times by default) and reported as min / median / max; the verdict is on the slowest.
- **Page weight**: bytes transferred for each page of the applicant's journey (home, sign-in, registration, the
  service, the start page, every question page of the residency service as first opened and with answers, the check
  page, the confirmation and the status page after submission) with `Accept-Encoding: gzip` and an empty cache: the
  HTML and every stylesheet, script, image and font it references (`<link>`, `<script src>`, `<img src>`, `url(...)`
  in CSS), each once, response headers included. Fetched in each of the four languages; the heaviest counts. The
  applicant signs in through the real form; the draft is started and submitted through the pages' forms, and its
  answers and identity document are filled in through the JSON API with the same applicant's token.
  **Works without JavaScript**: every form on the page is a plain HTML form with an action, GET or POST and a submit
  button (file inputs in multipart POST forms), and the page has no inline script or `on...=` handler.
- **Load**: 50 closed-loop clients without think time on the same machine as Hearth, each its own new applicant
  (registered through the form, confirmed through the demo mailbox's link) and connection. 40 submit: a draft with
  every answer (`POST /api/v1/applications`), the identity document, a 48-byte PDF (`POST .../documents`: a file must
  be uploaded to its draft), `POST .../submission`. 10 read the status of their own submitted application in a loop,
  5 through `GET /api/v1/applications/{id}` and 5 through the HTML page `GET /applications/{id}` with a session
  cookie. 10 s of warm-up, then the measured window (60 s). **Submissions/s** counts submissions completed in the
  window: *full cycle* over the whole window, *documents excluded* over the clients' time outside the upload request
  (derived; the server still does the upload work). **Status page p50/p95/p99**: latency of the requests that began
  and ended in the window, nearest rank. **Errors**: any other status than expected (201, 201, 200; 200), time-outs
  (30 s) and I/O errors, by request and status. **Baseline**: before the load, one client alone for 5 s on each kind
  of request: what a request costs without contention. **CPU**: CPU seconds of Hearth's JVM, of its PostgreSQL and
  of the load generator during the window (from `/proc`), also per submission: with the submissions/s this says how
  many cores a target needs. **Heap**: `jstat -gc` every second (young + old in use, garbage included), the GC log's
  occupancy before and after each collection (the lowest after-collection figure is close to the live data), GC time
  as a share of wall time (thrashing: ≥ 10 % or any full GC), `OutOfMemoryError` in the application log, and
  `jvm.memory.used{area=heap}` with the notification queue and the connection pool from `/actuator/metrics`, read as
  the demo administrator. Shown separately for the setup, whose 100-odd password hashes (Argon2, 19 MiB each) weigh
  on the heap, and for the load. The JVM has `-Xmx512m`, so the heap cannot exceed 512 MB: what matters is that it
  stays below without long GC time or an `OutOfMemoryError`.
- The demo profile is needed for the demo accounts and the mailbox; it also runs the demo's SMTP server (GreenMail)
  inside Hearth, which receives and keeps in memory the e-mail sent for every submission. That costs CPU and heap a
  production installation (with an external SMTP server) does not spend in its JVM.

Only numbers from an otherwise idle machine are results; the load generator runs on the same machine and takes part
of its CPU.

EOF
	fi
	{ echo; cat "$section"; } >>"$docs"
	log "Appended the results to docs/benchmarks.md"
fi

# ---- summary --------------------------------------------------------------------------------------------------------
echo
echo "Hearth benchmarks, $run_date, commit $commit${label:+ ($label)}"
echo "Machine: $machine_cores CPUs ($machine_cpu), $machine_mem; load average before $load_before"
echo
echo "Start-up (target cold ≤ 20 s, later ≤ 10 s), min / median / max:"
echo "  cold   $(secs "$cold_min") / $(secs "$cold_med") / $(secs "$cold_max") s  $(verdict "$cold_max" 20000 | tr -d '*')"
echo "  later  $(secs "$later_min") / $(secs "$later_med") / $(secs "$later_max") s  $(verdict "$later_max" 10000 | tr -d '*')"
echo
echo "Page weight (target ≤ 100 KB per page):"
grep '^Heaviest page' "$run_dir/page-weight.md" | sed 's/^/  /'
echo
echo "Load:"
sed -n '/^| requirement/,/^$/p' "$run_dir/load.md" | sed 's/^/  /'
echo "Full report: $section"
