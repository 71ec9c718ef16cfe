# printf formats that do not match their arguments: too few, too many, a
# string for %d, an unknown conversion.
exit: 1
--- file bad.gt
BEGIN {
	printf("%d %d\n", 1);
	printf("%d\n", 1, 2);
	printf("%d\n", "str");
	printf("%s %q\n", "a", 1);
}
--- script
$GOTRACE bad.gt
--- stderr
bad.gt:2:13: error: printf: the format wants more arguments than the 1 given
	printf("%d %d\n", 1);
	           ^~
bad.gt:3:20: error: printf: more arguments than conversions in the format
	printf("%d\n", 1, 2);
	                  ^
bad.gt:4:17: error: printf: %d expects an integer, but argument 1 is a string[64]
	printf("%d\n", "str");
	               ^~~~~
hint: use %s for it
bad.gt:5:13: error: printf: unknown conversion '%q'
	printf("%s %q\n", "a", 1);
	           ^~
hint: conversions: %d %i %u %x %X %o %c %s %r %p %%
