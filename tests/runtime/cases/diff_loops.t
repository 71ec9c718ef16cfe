# Differential: unroll(N), and while with break and continue.
needs: bpftrace
run: $ROOT/tests/runtime/bpfdiff -e 'BEGIN { $i = 0; while ($i < 10) { $i++; if ($i == 2) { continue; } if ($i == 6) { break; } printf("i=%d\n", $i); } $n = 0; unroll(5) { $n += 3; printf("n=%d\n", $n); } $j = 10; while ($j > 0) { $j -= 4; } printf("j=%d\n", $j); exit(); }'
--- stdout
same
Attaching 1 probe...
i=1
i=3
i=4
i=5
n=3
n=6
n=9
n=12
n=15
j=-2


