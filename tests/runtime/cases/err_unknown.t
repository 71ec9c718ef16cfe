# An unknown function, with a suggestion; an unknown variable; several
# errors in one script are all reported.
prog: concat
exit: 1
--- file bad.gt
uprobe:./concat:main.concat {
	printf("%s\n", gostrr(goarg(0), goarg(1)));
	@n = $count + 1;
}
--- script
cp $PROG ./concat
$GOTRACE bad.gt
--- stderr
bad.gt:2:17: error: unknown function 'gostrr'
	printf("%s\n", gostrr(goarg(0), goarg(1)));
	               ^~~~~~
hint: did you mean 'gostr'?
bad.gt:3:7: error: undefined variable '$count'
	@n = $count + 1;
	     ^~~~~~
hint: assign it first: $count = ...;
