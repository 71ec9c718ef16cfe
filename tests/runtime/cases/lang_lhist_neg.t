# lhist() with a negative minimum (bpftrace 0.17 refuses it): values of
# val(x) below -10, in [-10, 10) by 4, and above.
prog: vals
run: $GOTRACE -q -e 'uprobe:'$PROG':main.val { @l = lhist((int64)reg("ax"), -10, 10, 4); }' -c $PROG
--- stdout


@l: 
(..., -10)             1 |@@@                                                 |
[-10, -6)              0 |                                                    |
[-6, -2)               1 |@@@                                                 |
[-2, 2)                4 |@@@@@@@@@@@@@@                                      |
[2, 6)                 3 |@@@@@@@@@@@                                         |
[6, 10)                2 |@@@@@@@                                             |
[10, ...)             14 |@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@|

