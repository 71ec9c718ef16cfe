#!/usr/bin/env bash
# Installs what gotrace needs to build and test on Debian 12, then builds it.
# Run as root.
set -eu
cd "$(dirname "$0")"
export DEBIAN_FRONTEND=noninteractive
apt-get update -q
apt-get install -y -q --no-install-recommends \
	make gcc libc6-dev pkg-config lld \
	llvm-19-dev clang-19 libclang-rt-19-dev libbpf-dev libelf-dev libdw-dev zlib1g-dev libzstd-dev liblzma-dev libbz2-dev \
	flex bison libcmocka-dev \
	golang-go gccgo ca-certificates \
	bpftrace caddy fzf jq util-linux procps
make -j"$(nproc)"
