# -f folded: a CPU profile of cpuhot (0.8 s in main.hot, 0.2 s in
# main.cold, both spinning in main.spin) as folded stacks, read the way
# flamegraph.pl reads them (tests/runtime/folded-check): every line good,
# main.spin the hottest leaf, main.hot about four times main.cold. The
# banner goes to stderr; the output (-o) holds only the stacks. A map without a
# stack (@n) goes to stderr as text.
prog: cpuhot
--- script
$GOTRACE -f folded -e 'profile:hz:499 { @[ustack] = count(); @n = count(); }' -o out.folded -c "$PROG 1000" >/dev/null 2>err || exit 1
$ROOT/tests/runtime/folded-check -v under=main.hot,main.cold,main.work out.folded
grep -c '^runtime.goexit;runtime.main;main.main;main.work;main.hot;main.spin [0-9]*$' out.folded
grep -c ';' err
grep -o '^Attaching 1 probe...$\|^@n: [0-9]*$' err | sed 's/[0-9][0-9]*$/N/'
--- stdout-re
lines: [0-9]+, samples: [0-9]+, bad lines: 0
hottest leaf: main.spin \((8[5-9]|9[0-9]|100)% of the samples\)
under main.hot: (6[5-9]|[78][0-9])% of the samples
under main.cold: (1[0-9]|2[0-9]|30)% of the samples
under main.work: (9[5-9]|100)% of the samples
1
0
Attaching 1 probe...
@n: N
