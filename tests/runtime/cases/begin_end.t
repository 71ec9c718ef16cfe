# BEGIN and END are run once each (BPF_PROG_RUN), in script order, from
# gotrace itself: `probe` names them (their cookie comes in the context),
# comm is gotrace's. exit() in BEGIN stops before anything is attached:
# the -c command never runs, the interval never fires, END still runs and
# the maps print; the exit code is BEGIN's.
prog: sum
run: $GOTRACE -e 'BEGIN { printf("%s %s\n", probe, comm); } BEGIN { printf("second %s\n", probe); @b = count(); exit(3); } uprobe:'$PROG':main.sum { printf("fired\n"); } interval:ms:1 { printf("tick\n"); } END { printf("%s\n", probe); }' -c $PROG
exit: 3
--- stdout
Attaching 5 probes...
BEGIN gotrace
second BEGIN
END


@b: 1
--- stderr
