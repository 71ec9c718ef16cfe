# A map's value type, key type and aggregation are fixed by first use: a
# conflict in another probe is an error at the conflicting use; all three
# are reported in one run.
exit: 1
--- file bad.gt
BEGIN { @v = 1; @k[1] = 1; @a = count(); }
END {
	@v = "str";
	@k["one"] = 2;
	@a = sum(5);
}
--- script
$GOTRACE bad.gt
--- stderr
bad.gt:3:2: error: @v is assigned string[64] here but holds int64 elsewhere
	@v = "str";
	^~
bad.gt:4:2: error: @k is used with key string[64] here but with key int64 at 1:17
	@k["one"] = 2;
	^~~~~~~~~
bad.gt:5:2: error: @a is assigned sum here but holds count elsewhere
	@a = sum(5);
	^~
