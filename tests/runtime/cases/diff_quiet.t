# Differential: -q drops the "Attaching N probes..." line.
prog: vals
needs: bpftrace
run: $ROOT/tests/runtime/bpfdiff -q -e 'BEGIN { printf("hi\n"); } uprobe:'$PROG':main.point { @n = count(); }' -c $PROG
--- stdout
same
hi


@n: 2
