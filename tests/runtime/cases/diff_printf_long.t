# Differential: a printf format longer than the string size (64): the
# format stays in user space, so bpftrace does not limit its length.
# Fails until gotrace stops limiting it ("string literal of 80 bytes is
# longer than the string size 63").
needs: bpftrace
run: $ROOT/tests/runtime/bpfdiff -e 'BEGIN { printf("a long format string that is longer than sixty-four bytes, with %d and %s in it\n", 1, "two"); exit(); }'
--- stdout
same
Attaching 1 probe...
a long format string that is longer than sixty-four bytes, with 1 and two in it


