# Ten thousand probes, each with a map of its own, compile in seconds
# (about 7 s on a 2-core VM; they took hours: LLVM's BTF generation
# re-added every map's name at each function and searched its string
# table linearly, and the script's lines cost the same). The object has
# every program and every map, and line numbers without the lines' text
# (a script of 2,000 lines or fewer has them); a thousand of these probes
# also pass the verifier.
timeout: 150
--- script
awk 'BEGIN { for (i = 0; i < 10000; i++) printf("interval:s:1 { @m%d = count(); }\n", i) }' > big.gt
start=$(date +%s%N)
timeout 120 $GOTRACE --emit-elf big.o big.gt; echo "status $?"
ms=$((($(date +%s%N) - start) / 1000000))
echo "in time: $([ $ms -lt 60000 ] && echo yes || echo "no, $ms ms")"
readelf -sW big.o | grep -cE ' FUNC .* probe_[0-9]+_p$'
readelf -sW big.o | grep -cE ' OBJECT .* m[0-9]+_m[0-9]+$'
readelf -SW big.o | grep -oE ' \.maps '
echo "lines in BTF: $(grep -c 'm9999 = count' big.o)"
head -1000 big.gt > some.gt
timeout 120 $GOTRACE --dry-run some.gt; echo "dry run status $?"
--- stdout
status 0
in time: yes
10000
10000
 .maps 
lines in BTF: 0
dry run status 0
