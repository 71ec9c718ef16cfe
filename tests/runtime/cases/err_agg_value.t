# An aggregation cannot be read as an integer in a probe (bpftrace says the
# same): in a condition, in arithmetic, as a printf argument.
exit: 1
--- file bad.gt
BEGIN { @c = count(); @s = sum(1); @h = hist(3); }
END {
	if (@c > 1) { printf("x\n"); }
	$x = @s + 1;
	printf("%d\n", @h);
}
--- script
$GOTRACE bad.gt
--- stderr-has
bad.gt:3:6: error: @c holds a count() aggregation, which cannot be read as a value in a probe
	if (@c > 1) { printf("x\n"); }
	    ^~
bad.gt:4:7: error: @s holds a sum() aggregation, which cannot be read as a value in a probe
bad.gt:5:17: error: @h holds a hist() aggregation, which cannot be read as a value in a probe
