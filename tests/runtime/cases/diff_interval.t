# Differential: BEGIN, interval:ms:N counting to three and exiting, END
# printing after the maps have been filled.
needs: bpftrace
run: $ROOT/tests/runtime/bpfdiff -e 'BEGIN { printf("begin\n"); @start = 1; } interval:ms:20 { @ticks++; printf("tick %d\n", @ticks); if (@ticks == 3) { exit(); } } END { printf("end after %d\n", @ticks); @done = @ticks * 10; }'
--- stdout
same
Attaching 3 probes...
begin
tick 1
tick 2
tick 3
end after 3


@done: 30
@start: 1
@ticks: 3
