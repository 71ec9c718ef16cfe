# Why gotrace does not use kernel uretprobes on Go functions: bpftrace's
# uretprobe on the same program (go_uretprobe_stackgrow.t) replaces return
# addresses on the goroutine stacks; when Go grows and copies a stack it
# meets the foreign return address and the program dies with "fatal error:
# unknown caller pc" (exit status 2, no "total" line). If this case fails,
# the kernel or bpftrace has stopped breaking Go programs.
prog: stackgrow
needs: bpftrace
--- script
bpftrace -e 'uretprobe:'$PROG':main.deep { @returns = count(); }' -c $PROG >out 2>err
grep -m1 -o 'fatal error: unknown caller pc' err
grep -m1 -o 'unexpected return pc for main.deep' err
grep -c '^total' err || true
--- stdout
fatal error: unknown caller pc
unexpected return pc for main.deep
0
