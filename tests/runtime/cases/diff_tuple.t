# Differential: tuples as map values (keyed and not), tuple fields in
# scratch variables, print() of a tuple.
prog: vals
needs: bpftrace
run: $ROOT/tests/runtime/bpfdiff -e 'uprobe:'$PROG':main.pair { @t[reg("ax")] = (reg("ax"), reg("bx"), "z"); } uprobe:'$PROG':main.name { $t = (str(reg("ax"), reg("bx")), reg("bx")); @last = $t; @len[$t.0] = sum($t.1); } END { print((1, "two", -3)); }' -c $PROG
--- stdout
same
Attaching 3 probes...
(1, two, -3)


@last: (epsilon-is-a-long-name, 22)
@len[alpha]: 5
@len[beta]: 8
@len[gamma]: 15
@len[delta]: 20
@len[epsilon-is-a-long-name]: 110
@t[1]: (1, 1, z)
@t[2]: (2, 2, z)
@t[3]: (3, 3, z)
@t[4]: (4, 4, z)
