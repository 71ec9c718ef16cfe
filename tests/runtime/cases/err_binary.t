# A binary or a function that does not exist: one clear sentence each.
prog: sum
exit: 1
--- script
$GOTRACE -e 'uprobe:./nothere:main.sum { }'
echo "status $?"
cp $PROG ./sum
$GOTRACE -e 'uprobe:./sum:main.summ { }'
echo "status $?"
exit 1
--- stdout
status 1
status 1
--- stderr
stdin:1:1: error: binary './nothere' does not exist
uprobe:./nothere:main.sum { }
^~~~~~~~~~~~~~~~~~~~~~~~~
stdin:1:1: error: function 'main.summ' not found in ./sum
uprobe:./sum:main.summ { }
^~~~~~~~~~~~~~~~~~~~~~
hint: did you mean 'main.sum'?
