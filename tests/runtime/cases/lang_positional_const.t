# A positional parameter as lhist()'s constant arguments (bpftrace accepts
# them, but 0.17 buckets wrongly: [2, 3) for lhist(5, 0, 10, 2)). Fails
# until gotrace accepts them ("lhist() needs a constant integer here").
run: $GOTRACE -q -e 'BEGIN { @l = lhist(5, 0, $1, $2); exit(); }' 10 2
--- stdout


@l: 
[4, 6)                 1 |@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@|

