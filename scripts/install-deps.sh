#!/bin/sh
# Installs the Debian 12 packages newsgraph builds, tests and renders with.
# Runs as root or through sudo; apt-get update first so a fresh machine works.
set -eu
PKGS="build-essential pkg-config meson ninja-build libigraph-dev libgraphviz-dev graphviz \
libcjson-dev libpcre2-dev libgumbo-dev python3 python3-networkx python3-igraph parallel valgrind"
if [ "$(id -u)" -eq 0 ]; then SUDO=""; else SUDO="sudo"; fi
missing=""
for p in $PKGS; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing="$missing $p"
done
if [ -n "$missing" ]; then
    echo "installing:$missing" >&2
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq $missing >/dev/null
fi
