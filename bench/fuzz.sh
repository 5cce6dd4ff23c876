#!/usr/bin/env bash
# Hearth's fuzz tests in fuzzing mode: each @FuzzTest method in turn, for DURATION each, with Jazzer (coverage-guided,
# libFuzzer). Not a test run: ./mvnw test already runs every fuzz test in regression mode on its seed inputs. What is
# fuzzed and what was found: docs/fuzzing.md.
#
#   bench/fuzz.sh [DURATION] [--only TEXT]
#     DURATION     per fuzz test: 90s, 5m, 1h (default 5m)
#     --only TEXT  only the fuzz tests whose Class#method contains TEXT, e.g. --only Merkle
#
# Findings: an input that makes a fuzz test fail is written into the test's inputs directory,
# src/test/resources/<package>/<Class>Inputs/<method>/crash-<sha1>, where every later ./mvnw test runs it as a
# regression test; commit it with the fix. Inputs that reached new code go to .cifuzz-corpus/<Class>/<method>/
# (git-ignored; kept between runs, so that a next run starts where this one stopped). Logs: target/fuzz/<time>/.
# Exits 1 if any fuzz test found something. Needs a JDK 17; one fuzz test runs at a time (Jazzer fuzzes one per JVM).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
duration=5m
only=""
while [ $# -gt 0 ]; do
	case "$1" in
		--only) only=$2; shift ;;
		-h|--help) sed -n '2,14p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
		[0-9]*) duration=$1 ;;
		*) echo "Unknown option $1 (see --help)" >&2; exit 2 ;;
	esac
	shift
done
case "$duration" in
	*h) seconds=$(( ${duration%h} * 3600 )) ;;
	*m) seconds=$(( ${duration%m} * 60 )) ;;
	*s) seconds=${duration%s} ;;
	*) seconds=$duration ;;
esac
log() { printf '[fuzz %s] %s\n' "$(date -u +%H:%M:%S)" "$*" >&2; }

# Every @FuzzTest method, as Class#method, from the sources: the method is the first one declared after the annotation.
targets=$(grep -rl --include='*FuzzTest.java' '@FuzzTest' src/test/java | sort | while read -r file; do
	class=$(basename "$file" .java)
	awk -v class="$class" '/@FuzzTest/ { armed = 1; next }
		armed && match($0, /void [A-Za-z0-9_]+\(/) { print class "#" substr($0, RSTART + 5, RLENGTH - 6); armed = 0 }' "$file"
done | grep -F -- "$only" || true)
if [ -z "$targets" ]; then
	echo "No fuzz test matches '$only'" >&2
	exit 2
fi

run_dir="$ROOT/target/fuzz/$(date -u +%Y%m%dT%H%M%SZ)"
mkdir -p "$run_dir"
log "Compiling the tests (./mvnw -B -q test-compile)"
./mvnw -B -ntp -q test-compile
log "Fuzzing $(echo "$targets" | wc -l) fuzz tests for ${seconds}s each (logs: $run_dir)"
summary=""
found=0
for target in $targets; do
	before=$(git status --porcelain --untracked-files=all -- src/test/resources | grep -c 'crash-' || true)
	log "$target"
	status=passed
	# -max_total_time after Jazzer's own arguments overrides the @FuzzTest's maxDuration; JUnit reads jazzer.*
	# configuration parameters from system properties, which surefire hands to the forked JVM.
	JAZZER_FUZZ=1 ./mvnw -B -ntp -o test -Dtest="$target" -Dsurefire.failIfNoSpecifiedTests=false \
		-Djazzer.internal.arg.0=fuzz "-Djazzer.internal.arg.1=-max_total_time=$seconds" \
		>"$run_dir/${target/\#/.}.log" 2>&1 || status=FAILED
	after=$(git status --porcelain --untracked-files=all -- src/test/resources | grep -c 'crash-' || true)
	runs=$(grep -aho '^Done [0-9]* runs in [0-9]* second' "$run_dir/${target/\#/.}.log" | head -n 1 | sed 's/Done \([0-9]*\) runs in \([0-9]*\) second/\1 runs in \2 s/' || true)
	if [ "$status" = FAILED ] || [ "$after" -gt "$before" ]; then
		found=1
		status="FAILED, findings: $((after - before)) new crash input(s); see ${run_dir#"$ROOT"/}/${target/\#/.}.log"
	fi
	summary+=$(printf '%-75s %-26s %s' "$target" "${runs:-no fuzzing run}" "$status")$'\n'
done
echo
echo "Fuzzed for ${seconds}s each, commit $(git rev-parse --short HEAD):"
printf '%s' "$summary"
git status --porcelain --untracked-files=all -- src/test/resources | grep 'crash-' | sed 's/^?? /uncommitted finding: /' || true
exit $found
