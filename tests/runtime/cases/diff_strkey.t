# Differential: string keys made from Go strings (pointer in RAX, length
# in RBX), a string and an integer as keys, and a string-keyed sum.
prog: vals
needs: bpftrace
run: $ROOT/tests/runtime/bpfdiff -e 'uprobe:'$PROG':main.name { @n[str(reg("ax"), reg("bx"))] = count(); @l[str(reg("ax"), reg("bx")), reg("bx")] = sum(reg("bx")); @first3[str(reg("ax"), 3)] = count(); }' -c $PROG
--- stdout
same
Attaching 1 probe...


@first3[alp]: 1
@first3[bet]: 2
@first3[gam]: 3
@first3[del]: 4
@first3[eps]: 5
@l[alpha, 5]: 5
@l[beta, 4]: 8
@l[gamma, 5]: 15
@l[delta, 5]: 20
@l[epsilon-is-a-long-name, 22]: 110
@n[alpha]: 1
@n[beta]: 2
@n[gamma]: 3
@n[delta]: 4
@n[epsilon-is-a-long-name]: 5
