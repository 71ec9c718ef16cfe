# The banner is written before the -c command starts: on a pipe or a file
# shared with the command, "Attaching 1 probe..." comes before the
# command's own "Hello, BPF!" (it used to sit in gotrace's stdio buffer
# until the first events were printed, after the command had written).
prog: hello
--- script
$GOTRACE -e 'uprobe:'$PROG':fmt.Println { @calls = count(); }' -c $PROG > out
cat out
--- stdout
Attaching 1 probe...
Hello, BPF!


@calls: 1
