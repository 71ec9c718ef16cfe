# BEGIN, END, interval, exit(), scratch variables, arithmetic, if/else.
run: $GOTRACE -e 'BEGIN { $x = 7; $y = $x * 3 - 1; printf("%d %d %d %d\n", $y, $y / 3, $y % 3, -$y / 3); if ($x > 5) { printf("big\n"); } else { printf("small\n"); } } interval:ms:50 { @n++; if (@n == 3) { exit(); } } END { printf("end %d\n", @n); }'
--- stdout
Attaching 3 probes...
20 6 2 -6
big
end 3


@n: 3
