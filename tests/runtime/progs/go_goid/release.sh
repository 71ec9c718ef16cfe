#!/bin/bash
# go_goid/release.sh NAME - goid in a stripped third-party Go binary
# ($GOBINS/NAME, from npm): runs it on a small job under gotrace with a
# probe on a function it calls from several goroutines (esbuild bundling a
# file: os.OpenFile; lefthook printing its version: os.(*File).Write), and
# prints the release and ABI gotrace read from the binary, then whether every
# goid seen was a small positive number (1..10000) and the main goroutine's
# id 1 among them.
set -u
name=$1
bin=$GOBINS/$name
case $name in
esbuild-*)
	func=os.OpenFile
	echo 'import { x } from "./lib.js"; console.log(x);' >in.js
	echo 'export const x = 42;' >lib.js
	cmd="$bin in.js --bundle --outfile=out.js --log-level=warning"
	;;
lefthook-*)
	func='os.(*File).Write'
	cmd="$bin version"
	;;
esac
$GOTRACE -v -l "uprobe:$bin:$func" | sed -n "s|^# $bin: \(go1\.[0-9]*\)[^,]*, \(go-[a-z]*\) ABI.*|\1 \2|p"
$GOTRACE -q -e 'uprobe:'$bin':'$func' { printf("goid %d\n", goid); }' -c "$cmd" >out 2>err
st=$?
awk -v st=$st '$1 == "goid" { n++; if ($2 >= 1 && $2 <= 10000) ok++; if ($2 == 1) main = 1 }
	END { printf("%s: %s calls, goid small and positive in %s, main goroutine %s, exit %d\n",
		"goid", n > 0 ? "some" : "no", ok == n ? "all" : (ok + 0) " of " (n + 0),
		main ? "seen" : "not seen", st) }' out
