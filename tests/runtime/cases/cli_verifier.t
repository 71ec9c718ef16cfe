# A program the verifier rejects (a loop it cannot bound): one sentence
# without -v; with -v the verifier's own log.
exit: 1
--- script
$GOTRACE -e 'BEGIN { while (1) { } }' 2>plain
echo "plain: $?"
$GOTRACE -v -e 'BEGIN { while (1) { } }' 2>verbose
echo "verbose: $?"
cat plain
grep -c 'infinite loop detected' verbose
grep -c '^processed [0-9]* insns' verbose
grep -c 'infinite loop' plain
exit 1
--- stdout
plain: 1
verbose: 1
gotrace: the kernel's verifier rejected the program of 'BEGIN' (run with -v to see why)
1
1
0
