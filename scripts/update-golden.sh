#!/bin/sh
# Regenerates tests/golden/seeds/ from the current build. Read the diff
# (git diff tests/golden) before committing: the golden files are the
# reviewed expectation of a whole run, not whatever the code printed last.
set -eu
cd "$(dirname "$0")/.."
mkdir -p tests/golden/seeds
./build/newsgraph build -q -j 2 --render none -o tests/golden/seeds data/seeds
git diff --stat tests/golden/seeds || true
