#!/usr/bin/env bash
# Installs Debian's Linux source tree (linux-source-$KERNEL_VERSION, default 6.1) and configured headers
# (linux-headers-amd64), unpacks the source once into a cache folder and prints KSRC and KDIR:
#   eval "$(bench/kernel-tree.sh)"
# For benchmarks and real-code runs only: nothing from the kernel tree ever enters this repository.
set -eu
cache=${DRVLINT_KERNEL_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/drvlint-kernel}
version=${KERNEL_VERSION:-6.1}
if [ ! -f "/usr/src/linux-source-$version.tar.xz" ] || ! ls -d /usr/src/linux-headers-*-amd64 >/dev/null 2>&1; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get install -y -q "linux-source-$version" linux-headers-amd64 >/dev/null 2>&1 || {
    apt-get update -qq >/dev/null && apt-get install -y -q "linux-source-$version" linux-headers-amd64 >/dev/null; }
fi
if [ ! -f "$cache/linux-source-$version/Makefile" ]; then
  mkdir -p "$cache"
  tar xJf "/usr/src/linux-source-$version.tar.xz" -C "$cache"
fi
echo "export KSRC=$cache/linux-source-$version"
echo "export KDIR=$(ls -d /usr/src/linux-headers-*-amd64 | grep -v -e cloud -e -rt- | sort -V | tail -n 1)"
