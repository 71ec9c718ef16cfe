# Differential: -l for tracepoints lists the same ones as bpftrace (the
# order aside: see diff_list_tracepoint).
needs: bpftrace
run: $ROOT/tests/runtime/bpfdiff --sort -l 'tracepoint:sched:*' | head -1
--- stdout
same
