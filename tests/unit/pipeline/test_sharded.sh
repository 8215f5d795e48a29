#!/bin/sh
# Map/reduce equals one run: the sample articles are split into shards,
# each shard extracted by its own process under GNU parallel (the map
# step), and the graph built from the shards' extract output
# (--from-extract, the reduce step) must equal the graph of one run.
set -eu
ng=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
src=$2
command -v parallel >/dev/null 2>&1 || { echo "GNU parallel not installed"; exit 77; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
i=0
for f in "$src"/data/seeds/*.txt; do
    shard=$work/shard$((i % 3))
    mkdir -p "$shard"
    cp "$f" "$shard/"
    i=$((i + 1))
done
# the same paths as the single run, so evidence names the same documents
mkdir -p "$work/all"
cp "$src"/data/seeds/*.txt "$work/all/"
cd "$work"
# each process runs inside its shard on bare file names, so documents are
# named the same way in the sharded and in the single run
ls -d shard* | parallel --will-cite -j 3 "cd {} && $ng extract -q -j 1 --stream *.txt > ../{}.jsonl"
"$ng" build -q --render none --from-extract -o "$work/reduced" shard*.jsonl
(cd all && "$ng" build -q --render none -o "$work/single" *.txt)
for f in graph.json graph.graphml stats.csv; do
    if ! cmp -s "reduced/$f" "single/$f"; then
        echo "sharded $f differs from the single run:"
        diff -u "single/$f" "reduced/$f" | head -40
        exit 1
    fi
done
echo "sharded run equals single run"
