# Differential: -l for tracepoints, in bpftrace's order (sorted). Fails
# until gotrace sorts them: it lists them in tracefs directory order.
needs: bpftrace
run: $ROOT/tests/runtime/bpfdiff -l 'tracepoint:syscalls:sys_enter_open*' | head -1
--- stdout
same
