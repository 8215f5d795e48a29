# lib.sh - shared by the reliability scripts (sourced, POSIX sh).
#
# Expects NG (the newsgraph binary) and SRC (the source root) to be set.
# Every script works in its own temp dir, removed on exit; run_ng runs
# the binary under a time limit (and, outside sanitizer builds, a memory
# limit) and leaves its exit status in $status and its output in
# $WORK/stdout and $WORK/stderr.

case $NG in
    /*) ;;
    *) NG=$(pwd)/$NG ;;
esac

WORK=$(mktemp -d "${TMPDIR:-/tmp}/ng-reliability.XXXXXX") || exit 2
trap 'rm -rf "$WORK"' EXIT
trap 'exit 2' HUP INT TERM

# Seconds one newsgraph run may take; sanitizer builds are several times slower.
NG_TIME_LIMIT=${NG_TIME_LIMIT:-60}
# Virtual memory limit in KiB for one run (not under ASan, which maps terabytes).
NG_MEM_LIMIT=${NG_MEM_LIMIT:-2097152}
case ${NG_SANITIZED:-} in
    '' | none) ;;
    *) NG_TIME_LIMIT=$((NG_TIME_LIMIT * 4)); NG_MEM_LIMIT= ;;
esac

failures=0

fail() {
    echo "FAIL: $*" >&2
    failures=$((failures + 1))
}

# run_ng ARGS...: runs newsgraph, bounded in time and memory.
run_ng() {
    echo "\$ newsgraph $*" >&2
    (
        if [ -n "$NG_MEM_LIMIT" ]; then ulimit -v "$NG_MEM_LIMIT" || exit 125; fi
        exec timeout -k 5 "$NG_TIME_LIMIT" "$NG" "$@"
    ) >"$WORK/stdout" 2>"$WORK/stderr"
    status=$?
    sed 's/^/  stderr: /' "$WORK/stderr" | head -20 >&2
    if [ "$status" -eq 124 ] || [ "$status" -eq 137 ]; then
        fail "newsgraph $1 took more than ${NG_TIME_LIMIT}s"
    fi
}

expect_status() {
    if [ "$status" -ne "$1" ]; then
        fail "exit status $status, expected $1 ($2)"
    fi
}

# expect_stderr_names TEXT: stderr mentions TEXT (a file name) literally.
expect_stderr_names() {
    if ! grep -F -q -- "$1" "$WORK/stderr"; then
        fail "stderr does not name $1"
    fi
}

expect_no_crash_report() {
    if grep -E -q 'AddressSanitizer|LeakSanitizer|runtime error:|Segmentation fault' "$WORK/stderr"; then
        fail "sanitizer report or crash on stderr"
    fi
}

# expect_graph DIR: DIR holds a graph.json that parses as JSON.
expect_graph() {
    if [ ! -s "$1/graph.json" ]; then
        fail "no graph.json in $1"
    elif ! /usr/bin/python3 -c 'import json, sys; json.load(open(sys.argv[1], encoding="utf-8"))' \
        "$1/graph.json"; then
        fail "$1/graph.json is not valid JSON"
    fi
}

finish() {
    if [ "$failures" -ne 0 ]; then
        echo "$failures check(s) failed" >&2
        exit 1
    fi
    echo "ok"
    exit 0
}
