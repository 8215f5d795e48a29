#!/bin/sh
# determinism.sh NEWSGRAPH SRCROOT - the same inputs give byte-identical
# outputs whatever the order the files are given in, whether they come
# from a directory walk or a list, and whatever the thread count.
#
# Runs from the source root with relative paths, so every run sees the
# same document ids ("data/seeds/000_....txt"):
#   A  build -j 1  data/seeds                  (directory)
#   B  build -j 2  the files listed in reverse order
#   C  build -j 2  the files listed in order, twice over (a second run)
#   D  build -j 1  the files in reverse order
# and compares graph.json, graph.graphml, graph.dot, stats.json, stats.csv
# of B, C, D with A, and the `extract` JSON Lines of -j 1 and -j 2.
NG=$1
SRC=$2
. "$(dirname "$0")/lib.sh"
cd "$SRC" || exit 2

forward=$(ls data/seeds/*.txt | LC_ALL=C sort)
reverse=$(ls data/seeds/*.txt | LC_ALL=C sort -r)
[ -n "$forward" ] || { echo "no seeds in $SRC/data/seeds" >&2; exit 2; }

build() { # build NAME JOBS INPUT...
    name=$1 jobs=$2
    shift 2
    run_ng build -q -j "$jobs" -o "$WORK/$name" "$@"
    expect_status 0 "build $name"
    expect_no_crash_report
}

build A 1 data/seeds
# shellcheck disable=SC2086 # word splitting of the file lists is wanted
build B 2 $reverse
# shellcheck disable=SC2086
build C 2 $forward
# shellcheck disable=SC2086
build D 1 $reverse

for f in graph.json graph.graphml graph.dot stats.json stats.csv; do
    [ -s "$WORK/A/$f" ] || fail "build A wrote no $f"
    for run in B C D; do
        if ! cmp "$WORK/A/$f" "$WORK/$run/$f"; then
            fail "$f differs between run A and run $run"
            diff "$WORK/A/$f" "$WORK/$run/$f" | head -20 >&2
        fi
    done
done

# shellcheck disable=SC2086
run_ng extract -q -j 1 $reverse
expect_status 0 "extract -j 1"
cp "$WORK/stdout" "$WORK/extract-1.jsonl"
run_ng extract -q -j 2 data/seeds
expect_status 0 "extract -j 2"
if ! cmp "$WORK/extract-1.jsonl" "$WORK/stdout"; then
    fail "extract output differs between -j 1 (files reversed) and -j 2 (directory)"
fi
[ -s "$WORK/stdout" ] || fail "extract wrote nothing"
finish
