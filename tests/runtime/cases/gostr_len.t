# gostr never reads past the length: show("ab", "cdef") gets slices of
# "abcdefghij", whose bytes go on after each length.
prog: substr
run: $GOTRACE -q -e 'uprobe:'$PROG':main.show { printf("[%s] [%s] [%s]\n", gostr(goarg(0), goarg(1)), gostr(goarg(2), goarg(3)), gostr(goarg(2), 0)); }' -c $PROG
--- stdout
[ab] [cdef] []


