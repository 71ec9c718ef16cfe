# kstack in a tracepoint: the kernel stack of a system call entry, as a
# map key and in printf.
--- script
cp /bin/cat ./gtcat_ks
$GOTRACE -q -e 'tracepoint:syscalls:sys_enter_openat /comm == "gtcat_ks"/ { @[kstack] = count(); if (@n++ == 0) { printf("%s\n", kstack); } }' -c './gtcat_ks /dev/null' >out
grep -c '^        do_syscall_64+[0-9]*$' out
grep -c '^    do_syscall_64+[0-9]*$' out
grep -c '^    entry_SYSCALL_64[a-z_]*+[0-9]*$' out
grep -E '^\]: [0-9]+$' out | sed 's/[0-9][0-9]*$/N/' | sort -u
--- stdout
1
1
1
]: N
