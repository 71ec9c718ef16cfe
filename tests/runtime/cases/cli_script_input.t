# Scripts are at most 1 MiB: gotrace /dev/zero ends at once with a clear
# error (it used to read without limit), as does a 2 MiB file; a script
# from a pipe works. An unclosed quote in -c is an error, not a command.
--- script
timeout 20 $GOTRACE /dev/zero; echo "status $?"
head -c 2097152 /dev/zero | tr '\0' ' ' > big.gt
timeout 20 $GOTRACE big.gt; echo "status $?"
timeout 20 $GOTRACE -q <(echo 'BEGIN { printf("from a pipe\n"); exit(); }') | head -1
timeout 20 $GOTRACE -e 'BEGIN { }' -c "echo 'oops"; echo "status $?"
--- stdout
status 1
status 1
from a pipe
status 1
--- stderr
gotrace: /dev/zero is larger than 1 MiB, the most a script may be
gotrace: big.gt is larger than 1 MiB, the most a script may be
gotrace: -c: the ' quote in 'echo 'oops' is not closed
