# Differential: tracepoints with args->FIELD from the tracefs format (0.17
# knows only ->; lang_tracepoint_args.t checks args.FIELD): a copy of cat
# reads a 100-byte file and writes it to /dev/null.
needs: bpftrace
--- script
cp /bin/cat gtcat_tp
printf '%0100d' 0 >data.txt
printf 'exec ./gtcat_tp data.txt >/dev/null\n' >run.sh
$ROOT/tests/runtime/bpfdiff -e 'tracepoint:syscalls:sys_enter_openat /comm == "gtcat_tp" && str(args->filename) == "data.txt"/ { printf("open %s flags=%d\n", str(args->filename), args->flags); } tracepoint:syscalls:sys_exit_read /comm == "gtcat_tp" && args->ret >= 0 && args->ret <= 100/ { @read[args->ret] = sum(args->ret + 1); } tracepoint:syscalls:sys_enter_write /comm == "gtcat_tp"/ { printf("write fd=%d count=%d\n", args->fd, args->count); }' -c "/bin/sh run.sh"
--- stdout
same
Attaching 3 probes...
open data.txt flags=0
write fd=1 count=100


@read[0]: 2
@read[100]: 101
