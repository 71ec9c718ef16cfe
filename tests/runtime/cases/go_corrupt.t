# Bad Go binaries: copies of real ones with a damaged .gopclntab (an unknown
# future magic, a garbled header, the file cut in the middle of the table),
# a damaged .go.buildinfo, or damaged DWARF. Listing (-l) and probing give
# one clear error naming the file and what is wrong (exit 1), never a crash;
# with only the DWARF damaged, the functions are still listed and probed
# (goarg needs no DWARF), and args.NAME, which does, is an error.
needs: basic basic-stripped
--- script
sec() { # FILE SECTION -> "OFFSET SIZE" in hex
	readelf -SW "$1" | sed 's/^ *\[ *[0-9]*\] *//' | awk -v s="$2" '$1 == s { print $4, $5 }'
}
put() { # FILE OFFSET BYTES(printf escapes)
	printf "$3" | dd of="$1" bs=1 seek=$(($2)) conv=notrunc status=none
}
try() { # FILE: -l and a probe
	$GOTRACE -l "uprobe:./$1:main.*" >/dev/null 2>err
	echo "$1 -l: status $?: $(sed "s|$PWD/||" err)"
	$GOTRACE -e "uprobe:./$1:main.sum { @ = count(); }" 2>err
	echo "$1 probe: status $?: $(head -1 err | sed "s|$PWD/||")"
}
read off size < <(sec $GOBINS/basic-stripped .gopclntab)
cp $GOBINS/basic-stripped magic && put magic 0x$off '\xf2\xff\xff\xff'
try magic
cp $GOBINS/basic-stripped header && put header $((0x$off + 8)) '\xff\xff\xff\x7f\xff\xff\xff\x7f\x01\x02\x03\x04\x05\x06\x07\x08'
try header
head -c $((0x$off + 0x$size / 2)) $GOBINS/basic-stripped >cut && chmod +x cut
try cut
head -c 1000 $GOBINS/basic-stripped >tiny && chmod +x tiny
try tiny
read off size < <(sec $GOBINS/basic .go.buildinfo)
cp $GOBINS/basic buildinfo && put buildinfo $((0x$off + 32)) '\xff\xff\xff\xff\xff\x01'
try buildinfo
read off size < <(sec $GOBINS/basic .debug_info)
cp $GOBINS/basic dwarf && put dwarf $((0x$off + 256)) '\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0'
$GOTRACE -v -l 'uprobe:./dwarf:main.sum' | sed "s|$PWD/||"
echo "status $?"
$GOTRACE -q -e 'uprobe:./dwarf:main.sum { printf("%d %d\n", goarg(0), goarg(1)); }' -c ./dwarf >out 2>/dev/null
echo "status $?"
grep -E '^-?[0-9]+ -?[0-9]+$' out
$GOTRACE -e 'uprobe:./dwarf:main.sum { printf("%d\n", args.a); }' 2>err
echo "args: status $?"
grep -c 'error: args.a: .*DWARF' err
--- stdout
magic -l: status 1: gotrace: magic: unknown .gopclntab format: magic 0xfffffff2 (a Go release newer than gotrace knows?)
magic probe: status 1: stdin:1:1: error: magic: unknown .gopclntab format: magic 0xfffffff2 (a Go release newer than gotrace knows?)
header -l: status 1: gotrace: header: corrupt .gopclntab: 9223372034707292159 functions do not fit in it
header probe: status 1: stdin:1:1: error: header: corrupt .gopclntab: 9223372034707292159 functions do not fit in it
cut -l: status 1: gotrace: cut: truncated: section .gopclntab ends at 2460760, past the end of the file (2120620 bytes)
cut probe: status 1: stdin:1:1: error: cut: truncated: section .gopclntab ends at 2460760, past the end of the file (2120620 bytes)
tiny -l: status 1: gotrace: tiny: truncated: the section headers end past the end of the file (1000 bytes)
tiny probe: status 1: stdin:1:1: error: tiny: truncated: the section headers end past the end of the file (1000 bytes)
buildinfo -l: status 1: gotrace: buildinfo: corrupt .go.buildinfo: the version string's length is out of bounds
buildinfo probe: status 1: stdin:1:1: error: buildinfo: corrupt .go.buildinfo: the version string's length is out of bounds
# dwarf: go1.19.8, go-register ABI, functions from symtab
uprobe:./dwarf:main.sum
    (main.sum: no DWARF entry for it: the DWARF of dwarf is corrupt (no compilation unit in .debug_info can be read))
status 0
status 0
1 2
args: status 1
1
