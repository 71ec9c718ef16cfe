# Addresses in shared libraries are named after the traced command exited:
# gotrace reads its memory map while it runs.
--- script
gcc -O0 -o mloop $ROOT/tests/runtime/progs/mloop.c || exit 99
$GOTRACE -q -e 'uprobe:libc:malloc { @[usym(reg("ip"))] = count(); @s[ustack] = count(); }' -c ./mloop | grep -E '^@\[|malloc\+0|main\+' | sed 's/main+[0-9]*/main+N/'
--- stdout
@[malloc]: 30
    malloc+0
    main+N
