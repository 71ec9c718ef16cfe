# Differential: == and != on strings (Go strings read with str(ptr, len),
# comm, literals).
prog: vals
needs: bpftrace
run: $ROOT/tests/runtime/bpfdiff -e 'uprobe:'$PROG':main.name /str(reg("ax"), reg("bx")) == "gamma"/ { @gamma = count(); } uprobe:'$PROG':main.name /str(reg("ax"), reg("bx")) != "beta" && comm == "vals"/ { @notbeta = count(); } uprobe:'$PROG':main.name { $s = str(reg("ax"), reg("bx")); if ($s == "alpha") { printf("found %s\n", $s); } @eq[$s == "delta"] = count(); }' -c $PROG
--- stdout
same
Attaching 3 probes...
found alpha


@eq[1]: 4
@eq[0]: 11
@gamma: 3
@notbeta: 13
