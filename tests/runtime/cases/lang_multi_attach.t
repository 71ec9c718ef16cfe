# Several attach points share one body: one program (-d ir shows one
# function for the two), func from the attach cookie.
prog: vals
--- script
$GOTRACE -d ir -e 'uprobe:'$PROG':main.val, uprobe:'$PROG':main.pair { @[func] = count(); } uprobe:'$PROG':main.name { @n = count(); }' | grep -c '^define'
$GOTRACE -e 'uprobe:'$PROG':main.val, uprobe:'$PROG':main.pair, uprobe:'$PROG':main.point { @[func] = count(); @all = count(); }' -c $PROG
--- stdout
2
Attaching 3 probes...


@[main.point]: 2
@[main.val]: 25
@[main.pair]: 55
@all: 82
