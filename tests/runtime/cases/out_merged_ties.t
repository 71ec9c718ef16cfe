# Rows whose keys print the same (ucaller, ustack: several return
# addresses in one function) are merged; rows with equal counts are then
# ordered by key bytes. The merged row used to keep the key of whichever
# row the kernel's hash order gave first, so runtime.main and
# internal/cpu.doinit (2 calls each) swapped places from run to run. Eight
# runs print the same.
prog: growslice
--- script
for i in 1 2 3 4 5 6 7 8; do
	$GOTRACE -q -e 'uprobe:'$PROG':runtime.growslice { @[ucaller] = count(); }' -c $PROG 2>/dev/null | grep '^@' | md5sum
done | sort -u | wc -l
--- stdout
1
