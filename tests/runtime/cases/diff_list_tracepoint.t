# Differential: -l for tracepoints, in bpftrace's order (sorted).
needs: bpftrace
run: $ROOT/tests/runtime/bpfdiff -l 'tracepoint:syscalls:sys_enter_open*' | head -1
--- stdout
same
