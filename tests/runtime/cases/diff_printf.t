# Differential: printf conversions bpftrace 0.17 knows, with widths and the
# - and 0 flags, length modifiers, %c, %p, %s of strings and %% in the middle.
prog: vals
needs: bpftrace
run: $ROOT/tests/runtime/bpfdiff -e 'BEGIN { printf("[%5d][%-5d][%05d][%x][%X][%o][%c][%s][%10s][%-10s]\n", 42, 42, 42, 255, 255, 8, 65, "str", "right", "left"); printf("[%ld][%lu][%lld][%5lx][%-8lX][%08x][%hd][%zd][%p][%5c]\n", -7, 7, -9, 171, 171, 65, 3, 4, 4096, 66); printf("100%% of %d\n", 3); } uprobe:'$PROG':main.name { printf("%-24s|%3d|\n", str(reg("ax"), reg("bx")), reg("bx")); }' -c $PROG
--- stdout
same
Attaching 2 probes...
[   42][42   ][00042][ff][FF][10][A][str][     right][left      ]
[-7][7][-9][   ab][AB      ][00000041][3][4][0x1000][    B]
100% of 3
alpha                   |  5|
beta                    |  4|
beta                    |  4|
gamma                   |  5|
gamma                   |  5|
gamma                   |  5|
delta                   |  5|
delta                   |  5|
delta                   |  5|
delta                   |  5|
epsilon-is-a-long-name  | 22|
epsilon-is-a-long-name  | 22|
epsilon-is-a-long-name  | 22|
epsilon-is-a-long-name  | 22|
epsilon-is-a-long-name  | 22|


