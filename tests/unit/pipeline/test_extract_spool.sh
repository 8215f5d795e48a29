#!/bin/sh
# Plain extract spools each record to a temporary file and writes it out
# after resolution; without a usable temporary directory it keeps
# everything in memory. Both ways, and with several threads, the output
# must be the same bytes, and no temporary file may be left behind.
set -eu
ng=$1
src=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir "$work/tmp"
TMPDIR="$work/tmp" "$ng" extract -q -j 1 "$src"/data/seeds/*.txt > "$work/spooled.jsonl"
TMPDIR="$work/tmp" "$ng" extract -q -j 3 "$src"/data/seeds/*.txt > "$work/spooled3.jsonl"
TMPDIR="$work/missing" "$ng" extract -q -j 1 "$src"/data/seeds/*.txt > "$work/memory.jsonl"
test -s "$work/memory.jsonl" || { echo "no output"; exit 1; }
cmp "$work/spooled.jsonl" "$work/memory.jsonl" || { echo "spooled output differs from in-memory"; exit 1; }
cmp "$work/spooled3.jsonl" "$work/memory.jsonl" || { echo "-j 3 output differs"; exit 1; }
if [ -n "$(ls -A "$work/tmp")" ]; then
    echo "temporary files left behind:"; ls -l "$work/tmp"; exit 1
fi
# a failed write leaves the error code of an internal error
if [ -w /dev/full ]; then
    rc=0
    TMPDIR="$work/tmp" "$ng" extract -q -j 1 "$src"/data/seeds/*.txt > /dev/full 2>/dev/null || rc=$?
    [ "$rc" -eq 2 ] || { echo "writing to /dev/full: exit $rc, expected 2"; exit 1; }
fi
echo ok
