#!/bin/bash
# go_goid/check.sh RELEASE - builds tests/runtime/progs/goid.go with Go
# RELEASE (1.NN: Debian's golang-1.NN unpacked under
# $GOBINS/toolchains; "local": the go on PATH), once with symbols and DWARF
# and once stripped (-ldflags='-s -w'), and checks that goid in a probe on
# main.work(id) equals the id each goroutine got from runtime.Stack.
# Prints, for each build, the Go release and function source gotrace read
# from the binary and "N of M equal". Builds are cached in build/go_goid/.
set -u
rel=$1
if [ "$rel" = local ]; then
	go=$(command -v go) || { echo "SKIP: no go on PATH"; exit 0; }
else
	go=$GOBINS/toolchains/root/usr/lib/go-$rel/bin/go
fi
src=$ROOT/tests/runtime/progs/goid.go
out=$ROOT/build/go_goid
mkdir -p "$out"
for kind in debug stripped; do
	bin=$out/goid-$rel-$kind
	if [ ! -x "$bin" ] || [ "$src" -nt "$bin" ] || [ "$go" -nt "$bin" ]; then
		flags=()
		[ $kind = stripped ] && flags=(-ldflags='-s -w')
		cache=$GOBINS/gocache-$rel
		[ $rel = local ] && cache=$GOBINS/gocache
		[ -d "$cache" ] || cache=$out/cache-$rel
		GOFLAGS= GO111MODULE=off GOTOOLCHAIN=local GOCACHE=$cache \
			"$go" build "${flags[@]}" -o "$bin" "$src" || { echo "build failed"; exit 1; }
	fi
	head=$($GOTRACE -v -l "uprobe:$bin:main.work" | head -1)
	ver=$(sed -n 's/^# [^:]*: \(go1\.[0-9]*\).*, \(go-[a-z]*\) ABI, functions from \([a-z]*\)$/\1 \2 \3/p' <<<"$head")
	$GOTRACE -q -e 'uprobe:'$bin':main.work { printf("%d %d\n", goid, goarg(0)); }' -c "$bin" >out.$kind 2>err.$kind
	st=$?
	res=$(awk 'NF { n++ } $1 == $2 && $1 > 0 { ok++ } END { print ok+0 " of " n+0 " equal" }' out.$kind)
	echo "${ver:-unknown: $head} $kind: $res, exit $st"
done
# -l on the stripped build (functions from .gopclntab) lists what .symtab
# lists, but for the ABI0 wrappers of Go functions called from assembly
# (name.abi0 in .symtab, the same name as the function in .gopclntab) and
# generated type..eq.[N]T names (type..eq.[...]T in .gopclntab).
names() { $GOTRACE -l "uprobe:$1:*" | sed 's/^[^:]*:[^:]*://' | grep -v '\.abi0$\|^type\.\.eq\.\|^type:\.eq\.' | sort; }
names "$out/goid-$rel-debug" >names.debug
names "$out/goid-$rel-stripped" >names.stripped
if cmp -s names.debug names.stripped && [ "$(wc -l <names.debug)" -gt 500 ]; then
	echo "-l: the same functions from pclntab as from symtab"
else
	echo "-l: pclntab and symtab differ:"
	diff names.debug names.stripped | head -20
fi
