# runtime.growslice's old capacity is in RDI (the article's one-liner): the
# slice that main appends to doubles 1, 2, 4, ... 512.
prog: growslice
run: $GOTRACE -q -e 'uprobe:'$PROG':runtime.growslice { printf("cap: %d\n", reg("di")); }' -c $PROG
--- stdout-has
cap: 1
cap: 2
cap: 4
cap: 8
cap: 16
cap: 32
cap: 64
cap: 128
cap: 256
cap: 512
