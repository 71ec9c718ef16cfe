# Numbers on the command line are parsed strictly: a -p beyond a pid_t
# (it used to wrap to another real process, or to -1: every process), a
# --strlen beyond 32 bits (it was taken modulo 2^32: 8), a bad
# GOTRACE_STRLEN (blamed on --strlen). Each is a usage error, exit 2.
--- script
for a in "-p 4294978346" "-p 99999999999999999999" "-p -1" "-p 12abc" "--strlen 4294967304" "--strlen 1e3"; do
	$GOTRACE $a -e 'BEGIN { exit(); }' >/dev/null
	echo "status $?"
done 2>&1
GOTRACE_STRLEN=abc $GOTRACE -e 'BEGIN { exit(); }' 2>&1; echo "status $?"
GOTRACE_STRLEN=abc $GOTRACE --strlen 16 -q -e 'BEGIN { printf("ok\n"); exit(); }' 2>&1 | head -1; echo "status $?"
--- stdout
gotrace: -p needs a process id (1 to 2147483647), not '4294978346'
status 2
gotrace: -p needs a process id (1 to 2147483647), not '99999999999999999999'
status 2
gotrace: -p needs a process id (1 to 2147483647), not '-1'
status 2
gotrace: -p needs a process id (1 to 2147483647), not '12abc'
status 2
gotrace: --strlen must be a number from 8 to 1024, not '4294967304'
status 2
gotrace: --strlen must be a number from 8 to 1024, not '1e3'
status 2
gotrace: GOTRACE_STRLEN must be a number from 8 to 1024, not 'abc'
status 2
ok
status 0
