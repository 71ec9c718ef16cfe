# Differential: maps with two keys (integers, and an integer with a
# string): pair(a, b) is called 1..10 times per (a, b), so no counts tie.
prog: vals
needs: bpftrace
run: $ROOT/tests/runtime/bpfdiff -e 'uprobe:'$PROG':main.pair { @p[reg("ax"), reg("bx")] = count(); @s[reg("bx"), "k"] = sum(reg("ax")); @three[reg("ax"), comm, reg("bx") * 100] = count(); }' -c $PROG
--- stdout
same
Attaching 1 probe...


@p[1, 1]: 1
@p[2, 1]: 2
@p[2, 2]: 3
@p[3, 1]: 4
@p[3, 2]: 5
@p[3, 3]: 6
@p[4, 1]: 7
@p[4, 2]: 8
@p[4, 3]: 9
@p[4, 4]: 10
@s[4, k]: 40
@s[1, k]: 45
@s[2, k]: 53
@s[3, k]: 54
@three[1, vals, 100]: 1
@three[2, vals, 100]: 2
@three[2, vals, 200]: 3
@three[3, vals, 100]: 4
@three[3, vals, 200]: 5
@three[3, vals, 300]: 6
@three[4, vals, 100]: 7
@three[4, vals, 200]: 8
@three[4, vals, 300]: 9
@three[4, vals, 400]: 10
