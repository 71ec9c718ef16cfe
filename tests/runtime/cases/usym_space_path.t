# A traced program whose path holds spaces is still symbolized: its
# mapping in /proc/PID/maps is read to the end of the line (the path was
# cut at the first space, and main's frame stayed a bare address).
--- script
mkdir "dir with space" && gcc -O0 -o "dir with space/m loop" $ROOT/tests/runtime/progs/mloop.c || exit 99
$GOTRACE -q -e 'uprobe:libc:malloc { @s[ustack] = count(); }' -c "'./dir with space/m loop'" | grep -E 'malloc\+0|main\+' | sed 's/main+[0-9]*/main+N/'
--- stdout
    malloc+0
    main+N
