#!/usr/bin/env bash
# make examples: builds every program the tutorial uses into examples/bin/.
#
#   examples/bin/NAME          go build -gcflags=-l (inlining off: small
#                              functions keep their own symbols)
#   examples/bin/NAME.gccgo    gccgo, for hello, functions, printloop (the bcc
#                              article's programs; fmt lives in libgo)
#   examples/bin/functions.inl go build with inlining on: main.add is gone
#   examples/bin/growslice.go1.21  the same with Go 1.21, when make test
#                              has fetched it into build/gobins/
#   examples/bin/hello.stripped go build -gcflags=-l -ldflags='-s -w': no symbols, no
#                              DWARF, functions from .gopclntab only
#   examples/bin/server.stripped  go build -ldflags='-s -w', like a release
#
# A program is rebuilt when its source is newer than it. The Go on PATH
# builds them (Go 1.19 on Debian 12; the tutorial's outputs are its).
set -eu
cd "$(dirname "$0")"
mkdir -p bin
export GO111MODULE=off GOFLAGS= GOTOOLCHAIN=local

# build OUT SRC CMD...: runs CMD when OUT is missing or older than SRC.
build() {
	local out=$1 src=$2
	shift 2
	if [ ! -x "$out" ] || [ "$src" -nt "$out" ]; then
		echo "  build $out"
		"$@" || { echo "examples/build.sh: cannot build $out" >&2; exit 1; }
	fi
}

for src in */main.go; do
	name=${src%/main.go}
	build "bin/$name" "$src" go build -gcflags=-l -o "bin/$name" "./$src"
done
build bin/functions.inl functions/main.go go build -o bin/functions.inl ./functions/main.go
build bin/hello.stripped hello/main.go go build -gcflags=-l -ldflags='-s -w' -o bin/hello.stripped ./hello/main.go
build bin/server.stripped server/main.go go build -ldflags='-s -w' -o bin/server.stripped ./server/main.go
# A newer Go, when make test has fetched Debian's (tests/gobins/fetch):
# runtime.growslice's parameters changed in Go 1.20.
go121=../build/gobins/toolchains/root/usr/lib/go-1.21/bin/go
if [ -x "$go121" ]; then
	build bin/growslice.go1.21 growslice/main.go "$go121" build -gcflags=-l -o bin/growslice.go1.21 ./growslice/main.go
fi
if command -v gccgo >/dev/null; then
	for name in hello functions printloop; do
		build "bin/$name.gccgo" "$name/main.go" gccgo -g -O0 -o "bin/$name.gccgo" "$name/main.go"
	done
else
	echo "examples/build.sh: no gccgo (apt-get install gccgo): no bin/*.gccgo" >&2
fi
