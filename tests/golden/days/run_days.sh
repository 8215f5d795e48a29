#!/bin/sh
# Whole-run test of `newsgraph days`: the fixture articles (three dated
# directories and one undated file), the seed articles laid out on three
# days, `diff` of a graph with itself, a day that cannot be written, and
# the same output whatever the number of threads. The checks are of
# structure and consistency (check_days.py), not of golden text, so they
# hold while the extractor improves.
# usage: run_days.sh NEWSGRAPH SOURCE_ROOT PYTHON [actors]
# With "actors", only the one-actor-one-node checks of both runs are made
# (they test resolution across days, see check_days.py).
set -u
ng=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
src=$2
py=$3
mode=${4:-files}
here=$src/tests/golden/days
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
status=0
fail() { echo "FAIL: $*"; status=1; }

[ -x "$py" ] || { echo "no $py: skipped"; exit 77; }
if [ "$mode" = actors ]; then
    (cd "$src" && "$ng" days -q --render none -o "$out/fixture" tests/golden/days/articles) || exit 1
    "$py" "$here/check_days.py" --actors-only "$out/fixture" 2025-01-11 2025-01-12 2025-01-13 --undated 1 || status=1
    mkdir -p "$out/in/2025-01-11" "$out/in/2025-01-12" "$out/in/2025-01-13"
    cp "$src"/data/seeds/001_*.txt "$src"/data/seeds/004_*.txt "$out/in/2025-01-11/"
    cp "$src"/data/seeds/002_*.txt "$src"/data/seeds/003_*.txt "$out/in/2025-01-12/"
    cp "$src"/data/seeds/000_*.txt "$out/in/2025-01-13/"
    (cd "$out" && "$ng" days -q --render none -o "$out/seeds" in) || exit 1
    "$py" "$here/check_days.py" --actors-only "$out/seeds" 2025-01-11 2025-01-12 2025-01-13 || status=1
    exit $status
fi

# 1. fixture: three days and an undated article, which is reported, not dropped
if ! (cd "$src" && "$ng" days -j 2 --render none -o "$out/fixture" tests/golden/days/articles) 2>"$out/fixture.err"; then
    # nothing below can pass without this run: say why and stop
    echo "FAIL: days on the fixture failed:"; cat "$out/fixture.err"; exit 1
fi
grep -q "analysis-without-date.txt" "$out/fixture.err" || fail "undated document not reported on stderr"
"$py" "$here/check_days.py" --skip-actors "$out/fixture" 2025-01-11 2025-01-12 2025-01-13 --undated 1 || status=1

# 2. a graph diffed with itself is empty; two days are not
"$ng" diff "$out/fixture/all" "$out/fixture/all/graph.json" >"$out/self.txt" || fail "diff self exited $?"
grep -q "no changes" "$out/self.txt" || fail "diff of a graph with itself: $(cat "$out/self.txt")"
"$ng" diff -q -o "$out/d" --render none "$out/fixture/2025-01-11" "$out/fixture/2025-01-13" || fail "diff -o exited $?"
[ -s "$out/d/diff.json" ] && [ -s "$out/d/diff.dot" ] || fail "diff -o wrote no diff.json/diff.dot"
"$ng" diff "$out/nothing.json" "$out/fixture/all" 2>"$out/bad.err"
[ $? -eq 1 ] || fail "diff of a missing file should exit 1"
grep -q "nothing.json" "$out/bad.err" || fail "error does not name the missing file"

# 3. a day that cannot be written: the others still are, exit status 1
mkdir -p "$out/broken" && : >"$out/broken/2025-01-12"
(cd "$src" && "$ng" days -q --render none -o "$out/broken" tests/golden/days/articles) 2>"$out/broken.err"
[ $? -eq 1 ] || fail "days with an unwritable day should exit 1"
grep -q "day 2025-01-12" "$out/broken.err" || fail "the failed day is not named: $(cat "$out/broken.err")"
for f in 2025-01-11/graph.json 2025-01-13/graph.json all/graph.json timeline.json timeline.gexf; do
    [ -s "$out/broken/$f" ] || fail "broken run: $f not written"
done

# 4. the seed articles on three days (000 carries its own date line, 2025-01-13)
seeds=$out/seeds-in
mkdir -p "$seeds/2025-01-11" "$seeds/2025-01-12" "$seeds/2025-01-13"
cp "$src"/data/seeds/001_*.txt "$src"/data/seeds/004_*.txt "$seeds/2025-01-11/"
cp "$src"/data/seeds/002_*.txt "$src"/data/seeds/003_*.txt "$seeds/2025-01-12/"
cp "$src"/data/seeds/000_*.txt "$seeds/2025-01-13/"
(cd "$out" && "$ng" days -q -o "$out/seeds" seeds-in) || fail "days on the seeds exited $?"
"$py" "$here/check_days.py" --skip-actors "$out/seeds" 2025-01-11 2025-01-12 2025-01-13 || status=1
for d in 2025-01-11_2025-01-12 2025-01-12_2025-01-13; do
    [ -s "$out/seeds/diffs/$d/diff.svg" ] || fail "seeds: diffs/$d/diff.svg missing"
    grep -q '"empty":[[:space:]]*false' "$out/seeds/diffs/$d/diff.json" || fail "seeds: diffs/$d is empty"
done

# 5. deterministic: the same files with one thread and with four
(cd "$out" && "$ng" days -q -j 1 --render none -o "$out/j1" seeds-in) || fail "days -j 1 exited $?"
(cd "$out" && "$ng" days -q -j 4 --render none -o "$out/j4" seeds-in) || fail "days -j 4 exited $?"
diff -r "$out/j1" "$out/j4" >/dev/null || fail "days output differs between -j 1 and -j 4"

exit $status
