# lhist() with step 0, and with max not above min (the caret on the max).
exit: 1
--- file bad.gt
BEGIN {
	@l = lhist(5, 0, 100, 0);
	@m = lhist(5, 100, 0, 10);
}
--- script
$GOTRACE bad.gt
--- stderr
bad.gt:2:24: error: lhist(): step must be positive, not 0
	@l = lhist(5, 0, 100, 0);
	                      ^
bad.gt:3:21: error: lhist(): max (0) must be above min (100)
	@m = lhist(5, 100, 0, 10);
	                   ^
