# Differential: delete(), zero() and clear(): on the first tick the maps
# are changed and printed, on the third refilled, on the fourth the trace
# ends (no map is left empty: gotrace does not print empty maps at exit).
needs: bpftrace
run: $ROOT/tests/runtime/bpfdiff -e 'BEGIN { @p[1, 1] = 1; @p[2, 1] = 2; @p[4, 4] = 4; @z = 5; @h = hist(3); @c[1] = 7; } interval:ms:20 { @t++; if (@t == 1) { delete(@p[4, 4]); print(@p); zero(@z); print(@z); clear(@c); print(@c); zero(@h); print(@h); } if (@t == 3) { @c[2] = 8; @z = 6; @h = hist(100); delete(@p[1, 1]); } if (@t == 4) { exit(); } }'
--- stdout
same
Attaching 2 probes...
@p[1, 1]: 1
@p[2, 1]: 2
@z: 0

@h: 



@c[2]: 8
@h: 
[64, 128)              1 |@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@|

@p[2, 1]: 2
@t: 4
@z: 6
