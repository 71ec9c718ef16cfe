# Differential: a wildcard over tracepoints (openat and openat2) and the t:
# alias; probe names each; the counts (which depend on the C library's
# locale files) are masked.
needs: bpftrace
--- script
cp /bin/cat gtcat_tw
printf 'exec ./gtcat_tw /dev/null >/dev/null\n' >run.sh
$ROOT/tests/runtime/bpfdiff --filter 's/: [0-9][0-9]*$/: N/' -e 'tracepoint:syscalls:sys_enter_openat* /comm == "gtcat_tw"/ { @[probe] = count(); } t:syscalls:sys_exit_read /comm == "gtcat_tw"/ { @r[probe] = count(); }' -c "/bin/sh run.sh"
--- stdout
same
Attaching 3 probes...


@[tracepoint:syscalls:sys_enter_openat]: N
@r[tracepoint:syscalls:sys_exit_read]: N
