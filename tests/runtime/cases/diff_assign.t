# Differential: compound assignment, ++ and -- (pre and post) on scratch
# variables and map entries.
prog: vals
needs: bpftrace
run: $ROOT/tests/runtime/bpfdiff -e 'BEGIN { $x = 5; $x += 3; $x -= 1; $x *= 6; $x /= 4; $x %= 7; $x <<= 4; $x >>= 1; $x |= 1; $x &= 13; $x ^= 6; printf("%d\n", $x); $y = $x++; $z = ++$x; $w = $x--; $v = --$x; printf("%d %d %d %d %d\n", $x, $y, $z, $w, $v); @m = 1; $a = @m++; $b = ++@m; printf("%d %d %d\n", $a, $b, @m); } uprobe:'$PROG':main.pair { @n++; @k[reg("ax")]++; @d[reg("bx")]--; @t += reg("ax"); @t -= 1; }' -c $PROG
--- stdout
same
Attaching 2 probes...
15
15 15 17 17 15
1 3 3


@d[2]: -16
@d[3]: -15
@d[1]: -14
@d[4]: -10
@k[1]: 1
@k[2]: 5
@k[3]: 15
@k[4]: 34
@m: 3
@n: 55
@t: 137
