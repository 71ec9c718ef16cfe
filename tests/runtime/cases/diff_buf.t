# Differential: buf() of user memory printed with %r: printable bytes as
# they are, others as \xNN.
prog: vals
needs: bpftrace
run: $ROOT/tests/runtime/bpfdiff -e 'uprobe:'$PROG':main.name /reg("bx") == 4/ { printf("%r|\n", buf(reg("ax"), reg("bx"))); } uprobe:'$PROG':main.point { printf("%r\n", buf(reg("ax"), 16)); }' -c $PROG
--- stdout
same
Attaching 2 probes...
beta|
beta|
\xfe\xff\xff\xff\xff\xff\xff\xff,\x01g\x00p\x11\x01\x00
\xfe\xff\xff\xff\xff\xff\xff\xff,\x01g\x00p\x11\x01\x00


