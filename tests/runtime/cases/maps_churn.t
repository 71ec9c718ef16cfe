# A map is read in batches, bucket by bucket: each print lists every key
# once, also while probes add and delete keys all the time (read one key
# at a time, a walk whose key was deleted started again from the first
# bucket and listed keys twice: 3,001 rows of 3,000 keys).
prog: spin
--- script
$GOTRACE -e 'uprobe:'$PROG':main.tick { @m[goarg(0) % 3000] = 1; delete(@m[(goarg(0) + 1500) % 3000]); } interval:ms:100 { printf("--\n"); print(@m); }' -c "$PROG 300000" >out
awk '/^--$/ { if (n) { prints++; if (dup) twice++ } delete seen; n = 1; dup = 0; next }
	/^@m\[/ { if (seen[$1]++) dup = 1; if (n) rows++ }
	END { print "prints:", (prints >= 5 ? "5 or more" : prints); print "prints with a key twice:", twice + 0 }' out
--- stdout
prints: 5 or more
prints with a key twice: 0
