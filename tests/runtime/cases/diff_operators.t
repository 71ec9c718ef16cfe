# Differential: arithmetic, bitwise, logical and comparison operators with
# C precedence (no signed division: bpftrace 0.17 divides as unsigned).
needs: bpftrace
run: $ROOT/tests/runtime/bpfdiff -e 'BEGIN { printf("%d %d %d %d %d %d %d %d\n", 6 & 3, 6 | 3, 6 ^ 3, 1 << 10, 1024 >> 3, ~0, !0, !5); printf("%d %d %d %d %d\n", 2 + 3 * 4, (2 + 3) * 4, 17 / 5, 17 % 5, -3 * 4); printf("%d %d %d %d %d\n", 1 && 0, 1 || 0, 3 > 2 && 2 > 1, 5 == 5 ? 10 : 20, 1 + 2 << 3 | 1); printf("%d %d %d %d\n", 3 <= 3, 3 >= 4, 3 != 4, -1 < 0); exit(); }'
--- stdout
same
Attaching 1 probe...
2 7 5 1024 128 -1 1 0
14 20 3 2 -12
0 1 1 10 25
1 0 1 1


