# Differential: a positional parameter is a constant where one is needed:
# unroll($1), interval:ms:$1. Fails until gotrace takes $1 as unroll's count
# ("unroll needs a constant count").
needs: bpftrace
--- script
$ROOT/tests/runtime/bpfdiff -e 'BEGIN { unroll($1) { printf("u\n"); } }  interval:ms:$2 { printf("tick\n"); exit(); }' 2 20
--- stdout
same
Attaching 2 probes...
u
u
tick


