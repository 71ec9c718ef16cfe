# A wrong number of arguments to a builtin: too few, too many, for a
# function, an aggregation and one with optional arguments.
exit: 1
--- file bad.gt
BEGIN {
	printf("%d\n", strlen());
	$x = str(1, 2, 3);
	@h = hist(1, 2);
	@l = lhist(1, 0, 10);
}
--- script
$GOTRACE bad.gt
--- stderr-has
bad.gt:2:17: error: strlen() takes 1 argument, 0 given
	printf("%d\n", strlen());
	               ^~~~~~~~
bad.gt:3:7: error: str() takes 1 to 2 arguments, 3 given
	$x = str(1, 2, 3);
	     ^~~~~~~~~~~~
bad.gt:4:7: error: hist() takes 1 argument, 2 given
bad.gt:5:7: error: lhist() takes 4 arguments, 3 given
