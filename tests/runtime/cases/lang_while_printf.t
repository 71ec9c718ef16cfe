# A printf with six string arguments (more than fit the BPF stack, so they
# go through the per-CPU scratch map) inside a while loop: the verifier must
# still bound the loop (it once said "infinite loop detected").
run: $GOTRACE -q -e 'BEGIN { $i = 0; while ($i < 3) { printf("%d %s %s %s %s %s %s\n", $i, "a", "b", "c", "d", "e", "f"); $i++; } exit(); }'
--- stdout
0 a b c d e f
1 a b c d e f
2 a b c d e f


