# Tracepoints with args.FIELD read by the tracefs format: a string
# (filename), integers of several sizes (flags, fd, count, ret).
--- script
cp /bin/cat gtcat_tp
printf '%0100d' 0 >data.txt
printf 'exec ./gtcat_tp data.txt >/dev/null\n' >run.sh
$GOTRACE -e 'tracepoint:syscalls:sys_enter_openat /comm == "gtcat_tp" && str(args.filename) == "data.txt"/ { printf("open %s flags=%d\n", str(args.filename), args.flags); } tracepoint:syscalls:sys_exit_read /comm == "gtcat_tp" && args.ret >= 0 && args.ret <= 100/ { @read[args.ret] = sum(args.ret + 1); } tracepoint:syscalls:sys_enter_write /comm == "gtcat_tp"/ { printf("write fd=%d count=%d\n", args.fd, args.count); }' -c "/bin/sh run.sh"
--- stdout
Attaching 3 probes...
open data.txt flags=0
write fd=1 count=100


@read[0]: 2
@read[100]: 101
