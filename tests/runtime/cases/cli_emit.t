# --emit-elf writes a BPF relocatable object (ELF, machine BPF, the program
# in its section, uprobe.s for a sleepable uprobe, maps and BTF);
# --emit-llvm the IR; both exit 0 without attaching.
prog: vals
--- script
S='uprobe:'$PROG':main.val { @c = count(); }'
$GOTRACE --emit-elf prog.o -e "$S"; echo "elf exit $?"
$GOTRACE --emit-llvm prog.ll -e "$S"; echo "llvm exit $?"
file -b prog.o | cut -d, -f1-2
readelf -h prog.o | grep -E '^  (Type|Machine):' | tr -s ' '
readelf -SW prog.o | grep -oE ' (uprobe\.s|\.maps|\.BTF|\.BTF\.ext) ' | sort
grep -c '^target triple = "bpfel"' prog.ll
grep -c '^define .*@probe_0' prog.ll
--- stdout
elf exit 0
llvm exit 0
ELF 64-bit LSB relocatable, eBPF
 Type: REL (Relocatable file)
 Machine: Linux BPF
 .BTF 
 .BTF.ext 
 .maps 
 uprobe.s 
1
1
