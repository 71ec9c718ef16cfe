# Without the right to load BPF programs, gotrace says so.
prog: sum
exit: 1
run: setpriv --reuid=65534 --regid=65534 --clear-groups --inh-caps=-all $GOTRACE -e 'uprobe:'$PROG':main.sum { printf("x\n"); }' -c $PROG
--- stderr
gotrace: no permission to load BPF programs: run as root (or with CAP_BPF and CAP_PERFMON)
