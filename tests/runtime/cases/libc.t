# A library by name: uprobe:libc:malloc, counted for one command.
--- script
$GOTRACE -q -e 'uprobe:libc:malloc /comm == "ls"/ { @calls = count(); } END { printf("done\n"); }' -c 'ls /' > out
grep -x done out
grep -E '^@calls: [1-9][0-9]*$' out | sed 's/[0-9]*$/N/'
--- stdout
done
@calls: N
