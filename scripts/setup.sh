#!/bin/sh
# README command 1: install packages, configure, build, and run newsgraph on
# the bundled sample articles, writing every output into graphs/seeds/.
set -eu
cd "$(dirname "$0")/.."
sh scripts/install-deps.sh
[ -d build ] || meson setup build
ninja -C build
./build/newsgraph build --render svg -o graphs/seeds data/seeds
ls graphs/seeds
