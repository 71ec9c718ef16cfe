# The register fallback of the bpftrace article (Go >= 1.17: RAX, RBX).
prog: sum
run: $GOTRACE -q -e 'uprobe:'$PROG':main.sum {printf("a: %d b: %d\n", reg("ax"), reg("bx"))}' -c $PROG
--- stdout
a: 11 b: 22


