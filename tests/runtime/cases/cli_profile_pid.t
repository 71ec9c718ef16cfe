# profile with -p samples only that process (spin is busy the whole time).
prog: spin
--- script
$PROG 4000000000 2>/dev/null &
pid=$!
$GOTRACE -q -p $pid -e 'profile:hz:499 { @[comm] = count(); @mine[pid == '$pid'] = count(); } interval:ms:300 { exit(); }' >out
kill $pid
sed -E 's/: [0-9]+$/: N/' out
--- stdout


@[spin]: N
@mine[1]: N
