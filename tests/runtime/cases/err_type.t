# A string where an integer belongs.
prog: sum
exit: 1
run: $GOTRACE -e 'uprobe:'$PROG':main.sum { @x = sum("eleven"); $y = goarg(0) + comm; }'
--- stderr-has
error: type mismatch: sum() needs an integer here, but this is a string[64]
@x = sum("eleven");
         ^~~~~~~~
error: type mismatch: '+' needs integers, but this is a string[64]
