# A -c command that cannot be run, or a -p process that does not exist:
# one sentence, nothing attached, exit 1. A directory is no command (it
# passed access(X_OK), and the child's exec failed after BEGIN: exit 0);
# a script whose interpreter is missing fails only at exec, in the child:
# its errno comes back to gotrace, which says it after BEGIN and exits 1.
--- script
sleep 0 & gone=$!
wait $gone
try() {
	$GOTRACE -e 'BEGIN { printf("begin\n"); }' "$@" 2>&1 | sed "s/ $gone:/ PID:/"
	echo "exit ${PIPESTATUS[0]}"
}
try -c ''
try -c 'no-such-command-here x'
try -c ./no-such-file
try -c /etc/passwd
try -c /tmp
printf '#!/no/such/interpreter\n' > noint; chmod +x noint
try -c ./noint
try -p $gone
--- stdout
gotrace: -c: empty command
exit 1
gotrace: -c: cannot run 'no-such-command-here': not found on PATH
exit 1
gotrace: -c: cannot run './no-such-file': No such file or directory
exit 1
gotrace: -c: cannot run '/etc/passwd': Permission denied
exit 1
gotrace: -c: cannot run '/tmp': Is a directory
exit 1
Attaching 1 probe...
begin
gotrace: -c: cannot run './noint': No such file or directory (its interpreter or loader is missing)
exit 1
gotrace: -p PID: No such process
exit 1
