# Stack keys that print the same are one row: ustack(1) of main.record
# is the same frame whichever way it was called (from main.small at three
# places, one through main.mid, and from main.(*Point).Scale), so its
# 22 calls (n = 10: small 12 times, Scale 10) are one row, not one row per
# full stack; ustack(2) tells the two callers apart. Before, the rows were
# the kernel's stack ids, and ustack(1) printed main.record in two rows,
# ustack(2) main.small in three.
prog: inl
--- script
$GOTRACE -q -e 'uprobe:'$PROG':main.record { @one[ustack(1)] = count(); @two[ustack(2)] = count(); }' -c "$PROG 10" |
	sed -E 's/\+[0-9]+$//'
--- stdout
192 45 394


@one[
    main.record
]: 22
@two[
    main.record
    main.(*Point).Scale
]: 10
@two[
    main.record
    main.small
]: 12
