# The program of go_morestack.t really runs big()'s prologue twice per call:
# bpftrace's uprobe, on the function's first instruction, counts 200 for
# 100 calls (gotrace counts 100 there).
prog: go_morestack
needs: bpftrace
--- script
bpftrace -e 'uprobe:'$PROG':main.big { @calls = count(); }' -c $PROG 2>/dev/null | grep '^@'
--- stdout
@calls: 200
