# Differential: maps carry values between probes: val() leaves its last
# argument in @last, name() and pair() read it in conditions, keys and
# values; the same scratch name has different types in different probes.
prog: vals
needs: bpftrace
run: $ROOT/tests/runtime/bpfdiff -e 'uprobe:'$PROG':main.val { $x = (int64)reg("ax"); @last = $x; } uprobe:'$PROG':main.name { $x = str(reg("ax"), reg("bx")); @lastname = $x; if (@last > 1000) { @seen[$x] = sum(@last / 1000000 + 1); } } uprobe:'$PROG':main.pair /@last == 3000000000 && reg("ax") == reg("bx")/ { @diag[reg("ax")] = count(); @sumsq += reg("ax") * reg("ax"); }' -c $PROG
--- stdout
same
Attaching 3 probes...


@diag[1]: 1
@diag[2]: 3
@diag[3]: 6
@diag[4]: 10
@last: 3000000000
@lastname: epsilon-is-a-long-name
@seen[alpha]: 3001
@seen[beta]: 6002
@seen[gamma]: 9003
@seen[delta]: 12004
@seen[epsilon-is-a-long-name]: 15005
@sumsq: 227
