# A __data_loc field (a string stored elsewhere in the record), by its
# name: sched_process_exec's filename.
run: $GOTRACE -q -e 'tracepoint:sched:sched_process_exec /args.pid == pid/ { printf("exec %s\n", args.filename); }' -c /bin/true
--- stdout
exec /bin/true


