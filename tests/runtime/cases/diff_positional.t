# Differential: positional parameters $1..$N, $#, str($N), an unset one
# (0, and "" under str()).
needs: bpftrace
run: $ROOT/tests/runtime/bpfdiff -e 'BEGIN { printf("%d %d %s %d [%s] %d\n", $1, $#, str($2), $1 * 2 + $3, str($4), $4); @[str($2)] = $1; exit(); }' -- 5 hello -7
--- stdout
same
Attaching 1 probe...
5 3 hello 3 [] 0


@[hello]: 5
