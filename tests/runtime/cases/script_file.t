# A script file, and a .gt file with a #! line run directly.
prog: sum
--- file sum.gt
#!/usr/bin/env gotrace
// the first argument of main.sum, from a saved script
uprobe:./sum:main.sum
{
	printf("a=%d\n", goarg(0));
}
--- script
cp $PROG ./sum
$GOTRACE -q sum.gt -c ./sum
chmod +x sum.gt
PATH=$(dirname $GOTRACE):$PATH ./sum.gt -q -c ./sum
--- stdout
a=11


a=11


