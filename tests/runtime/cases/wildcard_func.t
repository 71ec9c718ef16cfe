# A wildcard over fmt's functions, one shared program: func comes from the
# attach cookie (the bcc article's funccount 'fmt.*').
prog: hello
run: $GOTRACE -e 'uprobe:'$PROG':fmt.* { @[func] = count(); }' -c $PROG
--- stdout-has
@[fmt.Println]: 1
@[fmt.Fprintln]: 1
@[fmt.newPrinter]: 1
@[fmt.(*pp).doPrintln]: 1
