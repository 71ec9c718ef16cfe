# ustack, symbolized Go frames through Go's frame pointers: as a map key
# and in printf. main calls sum(11, 22); the caller's frame is there even
# at the entry (bpftrace 0.17 misses it, and prints bare addresses once the
# program has exited).
prog: sum
run: $GOTRACE -q -e 'uprobe:'$PROG':main.sum { @[ustack] = count(); printf("%s\n", ustack); }' -c $PROG
--- stdout-re

        main\.sum\+0
        main\.main\+[0-9]+
        runtime\.main\+[0-9]+
        runtime\.goexit\+[0-9]+



@\[
    main\.sum\+0
    main\.main\+[0-9]+
    runtime\.main\+[0-9]+
    runtime\.goexit\+[0-9]+
\]: 1
