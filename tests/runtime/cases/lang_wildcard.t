# Wildcards: ? and * in the binary's path and in the function name; each
# match counted by func (the cookie of one shared program).
prog: vals
--- script
d=$(dirname $PROG)
$GOTRACE -q -e 'uprobe:'$d'/va?s:main.?al { @one[func] = count(); } uprobe:'$d'/v*s:main.p* { @p[func] = count(); } uprobe:'$d'/vals:main.* { @all[func] = count(); }' -c $PROG
--- stdout


@all[main.main]: 1
@all[main.point]: 2
@all[main.name]: 15
@all[main.val]: 25
@all[main.pair]: 55
@one[main.val]: 25
@p[main.point]: 2
@p[main.pair]: 55
