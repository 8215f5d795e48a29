#!/bin/sh
# nothing_lost.sh NEWSGRAPH SRCROOT - a failing run leaves the outputs of
# an earlier run exactly as they were, and no run leaves temp files behind.
#
# For build, days and diff: a good run into DIR, then runs into the same
# DIR that fail (every input missing, empty or binary; a bad option; a
# malformed graph), then the good run again; after each, DIR must hold the
# same files with the same bytes (a snapshot of paths and checksums).
NG=$1
SRC=$2
. "$(dirname "$0")/lib.sh"

BUILD_FILES="graph.dot graph.graphml graph.json stats.csv stats.json"

listing() { (cd "$1" && ls -A | LC_ALL=C sort | tr '\n' ' ' | sed 's/ $//'); }

# snapshot DIR: every file below DIR with its checksum, in a stable order.
snapshot() {
    (cd "$1" && find . -type f | LC_ALL=C sort | while IFS= read -r f; do cksum "$f"; done)
}

# check_unchanged DIR SNAPSHOT WHAT
check_unchanged() {
    snapshot "$1" >"$WORK/now"
    if ! cmp -s "$2" "$WORK/now"; then
        fail "$1 changed after $3"
        diff "$2" "$WORK/now" | head -20 >&2
    fi
}

: >"$WORK/empty.txt"
head -c 4096 /dev/urandom >"$WORK/binary.txt"
head -c 512 /dev/zero >>"$WORK/binary.txt"
printf '{"format": "newsgraph", "version": 1, "nodes": [' >"$WORK/truncated.json"

# ---- build
DIR=$WORK/graphs
run_ng build -q -j 2 -o "$DIR" "$SRC/data/seeds"
expect_status 0 "the first build"
[ "$(listing "$DIR")" = "$BUILD_FILES" ] || fail "after a good build DIR holds: $(listing "$DIR")"
snapshot "$DIR" >"$WORK/build.snap"

run_ng build -j 2 -o "$DIR" "$WORK/missing.txt" "$WORK/empty.txt" "$WORK/binary.txt"
expect_status 1 "a build with no readable input"
expect_stderr_names "$WORK/missing.txt"
check_unchanged "$DIR" "$WORK/build.snap" "a build with no readable input"

run_ng build -j 2 -o "$DIR" "$WORK/no-such-dir"
expect_status 1 "a build of a missing directory"
check_unchanged "$DIR" "$WORK/build.snap" "a build of a missing directory"

run_ng build -j 2 --render nonsense -o "$DIR" "$SRC/data/seeds"
expect_status 1 "a build with a bad --render"
check_unchanged "$DIR" "$WORK/build.snap" "a build with a bad --render"

run_ng build -q -j 2 -o "$DIR" "$SRC/data/seeds"
expect_status 0 "the second good build"
check_unchanged "$DIR" "$WORK/build.snap" "a second identical build (temp files left?)"

# ---- diff
DDIR=$WORK/diff
run_ng diff -o "$DDIR" "$DIR" "$DIR/graph.json"
expect_status 0 "a diff of a graph with itself"
snapshot "$DDIR" >"$WORK/diff.snap"
[ -s "$WORK/diff.snap" ] || fail "diff wrote nothing into $DDIR"

run_ng diff -o "$DDIR" "$DIR" "$WORK/truncated.json"
expect_status 1 "a diff with a truncated graph.json"
expect_stderr_names "$WORK/truncated.json"
check_unchanged "$DDIR" "$WORK/diff.snap" "a diff with a truncated graph.json"

# ---- days
YDIR=$WORK/days
run_ng days -q -j 2 -o "$YDIR" "$SRC/data/seeds"
expect_status 0 "the first days run"
snapshot "$YDIR" >"$WORK/days.snap"

run_ng days -j 2 -o "$YDIR" "$WORK/missing.txt" "$WORK/empty.txt"
expect_status 1 "a days run with no readable input"
check_unchanged "$YDIR" "$WORK/days.snap" "a days run with no readable input"

run_ng days -q -j 2 -o "$YDIR" "$SRC/data/seeds"
expect_status 0 "the second days run"
check_unchanged "$YDIR" "$WORK/days.snap" "a second identical days run (temp files left?)"
finish
