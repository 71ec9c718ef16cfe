# A tuple as a map key (bpftrace 0.17 refuses it), and inside a key list.
run: $GOTRACE -q -e 'BEGIN { @[(1, "a")] = 5; @[(2, "b")] = 3; @x[1, (2, 3)] = 4; $t = (7, "q"); printf("%d %s\n", $t.0, $t.1); exit(); }'
--- stdout
7 q


@[(2, b)]: 3
@[(1, a)]: 5
@x[1, (2, 3)]: 4
