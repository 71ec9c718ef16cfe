# Signed arithmetic as in C (bpftrace 0.17 divides as unsigned), max() of
# only negative values (0.17 loses the entry), min() and avg() of negatives.
run: $GOTRACE -q -e 'BEGIN { printf("%d %d %d %d\n", -17 / 5, -17 % 5, 17 / -5, (-8) >> 1); @mx = max(-5); @mx = max(-3); @mn = min(-5); @mn = min(-3); @a = avg(-4); @a = avg(-7); exit(); }'
--- stdout
-3 -2 -3 -4


@a: -5

@mn: -5
@mx: -3
