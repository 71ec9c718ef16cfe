# A -c command that cannot be run, or a -p process that does not exist:
# one sentence, nothing attached, exit 1.
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
gotrace: -p PID: No such process
exit 1
