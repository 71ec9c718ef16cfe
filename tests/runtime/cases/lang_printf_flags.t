# printf conversions beyond bpftrace 0.17: + and space flags, #, precision,
# %i, 64-bit %u/%x/%d without l, %% at the end, %s of an integer.
run: $GOTRACE -q -e 'BEGIN { printf("[%+d][% d][%#x][%#o][%.3s][%8.2s][%i][%-+5d]\n", 5, 5, 255, 8, "abcdef", "xyz", 7, 3); printf("%u %x %X %d %o\n", -1, -1, 1 << 40, 1 << 40, 8); printf("[%s] [%5s] 100%%\n", 42, -3); printf("%c%c%c|%5.1d|%-3c|\n", 71, 111, 33, 7, 65); exit(); }'
--- stdout
[+5][ 5][0xff][010][abc][      xy][7][+3   ]
18446744073709551615 ffffffffffffffff 10000000000 1099511627776 10
[42] [   -3] 100%
Go!|    7|A  |


