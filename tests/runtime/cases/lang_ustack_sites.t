# Two calls of point() from two places in main: two different stacks.
prog: vals
run: $GOTRACE -q -e 'uprobe:'$PROG':main.point { @[ustack] = count(); }' -c $PROG
--- stdout-re


@\[
    main\.point\+0
    main\.main\+[0-9]+
    runtime\.main\+[0-9]+
    runtime\.goexit\+[0-9]+
\]: 1
@\[
    main\.point\+0
    main\.main\+[0-9]+
    runtime\.main\+[0-9]+
    runtime\.goexit\+[0-9]+
\]: 1
