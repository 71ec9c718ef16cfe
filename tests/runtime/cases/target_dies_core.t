# A traced program that dumps core: "(core dumped)" after the signal
# (ulimit -c 100 keeps the core file small; core_pattern is "core"; an
# AddressSanitizer build of gotrace would set the limit to 0 for itself
# and the command, unless told not to).
prog: dies
--- script
ulimit -c 100
export ASAN_OPTIONS=${ASAN_OPTIONS:+$ASAN_OPTIONS:}disable_coredump=0
$GOTRACE -q -e 'uprobe:'$PROG':main.tick { @ticks = count(); }' -c "$PROG segv" >out 2>err
echo "exit $?"
grep '^gotrace' err
ls core* | wc -l
--- stdout
exit 139
gotrace: the traced program was killed by SIGSEGV (core dumped)
1
