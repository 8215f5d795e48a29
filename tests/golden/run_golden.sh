#!/bin/sh
# Golden test of a whole run: builds the sample articles and compares every
# output (except renderings, which depend on Graphviz's version) with the
# files in tests/golden/seeds/, normalising nothing but version strings.
# To accept new outputs after reading the diff: scripts/update-golden.sh
set -eu
ng=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
src=$2
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
# relative input paths: document ids must not depend on where the tree is
(cd "$src" && "$ng" build -q -j 2 --render none -o "$out" data/seeds)
status=0
for f in graph.json graph.graphml graph.dot stats.json stats.csv; do
    sed -e 's/newsgraph [0-9][0-9.]*/newsgraph VERSION/g' "$out/$f" >"$out/$f.norm"
    sed -e 's/newsgraph [0-9][0-9.]*/newsgraph VERSION/g' "$src/tests/golden/seeds/$f" >"$out/$f.want"
    if ! diff -u "$out/$f.want" "$out/$f.norm" >"$out/$f.diff"; then
        echo "golden mismatch: $f"; head -40 "$out/$f.diff"; status=1
    fi
done
exit $status
