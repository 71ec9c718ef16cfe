# --dry-run loads every program into the verifier and attaches nothing:
# BEGIN's printf does not run, a uprobe on a program that is not running is
# fine; a program the verifier rejects fails (exit 1) with one sentence.
prog: vals
--- script
$GOTRACE --dry-run -e 'BEGIN { printf("ran\n"); } uprobe:'$PROG':main.val { @c = count(); }'
echo "exit $?"
$GOTRACE --dry-run -e 'BEGIN { while (1) { } }'
echo "exit $?"
--- stdout
exit 0
exit 1
--- stderr
gotrace: the kernel's verifier rejected the program of 'BEGIN' (run with -v to see why)
