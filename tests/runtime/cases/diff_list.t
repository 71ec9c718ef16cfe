# Differential: -l for a Go binary's functions.
prog: vals
needs: bpftrace
--- script
cp $PROG ./vals
$ROOT/tests/runtime/bpfdiff -l 'uprobe:./vals:main.*'
--- stdout
same
uprobe:./vals:main.main
uprobe:./vals:main.name
uprobe:./vals:main.pair
uprobe:./vals:main.point
uprobe:./vals:main.val
