# Report counters are looked up once per probe, a MAP_REPORTS entry per
# 1,024 places: a probe with 1,100 reads has places in two entries, and a
# failure at the 1,100th is still said at its place. (A lookup per read
# made a probe with a few string reads too complex for the verifier.)
prog: sum
--- script
{
	echo 'uprobe:$1:main.sum {'
	for i in $(seq 1099); do echo "  @s = @s + *(uint8 *)(reg(\"sp\") + $i % 16);"; done
	echo '  @s = @s + *(uint8 *)(goarg(0));'
	echo '}'
} >many.gt
$GOTRACE -q many.gt $PROG -c $PROG 2>err >out
echo "exit $?"
grep -c 'warning' err
grep -A2 warning err | sed 's/   */ /'
--- stdout
exit 0
1
many.gt:1101:13: warning: *(uint8 *): 1 of 1 reads failed: Bad address
 @s = @s + *(uint8 *)(goarg(0));
 ^~~~~~~~~~~~~~~~~~~~
