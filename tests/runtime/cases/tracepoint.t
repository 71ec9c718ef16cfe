# A tracepoint with args.FIELD from the format file (tracefs is mounted by
# gotrace when it is not).
run: $GOTRACE -q -e 'tracepoint:syscalls:sys_enter_openat /comm == "cat"/ { printf("%s\n", str(args.filename)); }' -c 'cat /etc/hostname'
--- stdout-has
/etc/hostname
