#!/bin/sh
# nothing_lost.sh NEWSGRAPH SRCROOT - a failing build leaves the outputs
# of an earlier build exactly as they were, and no build leaves temp
# files behind.
#
# Builds the seeds into DIR, then runs builds into DIR that fail before
# any output could be written (every input missing, empty or binary; an
# unknown --render format) and checks DIR byte for byte and file for file.
NG=$1
SRC=$2
. "$(dirname "$0")/lib.sh"

DIR=$WORK/graphs
EXPECTED="graph.dot graph.graphml graph.json stats.csv stats.json"

listing() { (cd "$1" && ls -A | LC_ALL=C sort | tr '\n' ' ' | sed 's/ $//'); }

run_ng build -q -j 2 -o "$DIR" "$SRC/data/seeds"
expect_status 0 "the first build"
[ "$(listing "$DIR")" = "$EXPECTED" ] || fail "after a good build DIR holds: $(listing "$DIR")"
mkdir "$WORK/before"
cp -p "$DIR"/* "$WORK/before/"

: >"$WORK/empty.txt"
head -c 4096 /dev/urandom >"$WORK/binary.txt"
head -c 512 /dev/zero >>"$WORK/binary.txt"

check_unchanged() {
    [ "$(listing "$DIR")" = "$EXPECTED" ] || fail "after $1 DIR holds: $(listing "$DIR")"
    for f in $EXPECTED; do
        cmp -s "$WORK/before/$f" "$DIR/$f" || fail "$f changed after $1"
    done
}

run_ng build -j 2 -o "$DIR" "$WORK/missing.txt" "$WORK/empty.txt" "$WORK/binary.txt"
expect_status 1 "a build with no readable input"
expect_stderr_names "$WORK/missing.txt"
check_unchanged "a build with no readable input"

run_ng build -j 2 -o "$DIR" "$WORK/empty-dir-does-not-exist"
expect_status 1 "a build of a missing directory"
check_unchanged "a build of a missing directory"

run_ng build -j 2 --render nonsense -o "$DIR" "$SRC/data/seeds"
expect_status 1 "a build with a bad --render"
check_unchanged "a build with a bad --render"

# A good build again into the same DIR: outputs replaced, no temp files left.
run_ng build -q -j 2 -o "$DIR" "$SRC/data/seeds"
expect_status 0 "the second good build"
check_unchanged "a second identical build"
finish
