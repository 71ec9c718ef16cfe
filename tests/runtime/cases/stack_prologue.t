# ustack where the function's frame is not (or no longer) set up: uprobes
# in main.tiny's prologue after SUBQ $0x28, SP (+4, +9: BP is still the
# caller's), in its epilogue after BP is restored (+50) and at its RET
# (a return probe). .gopclntab's SP delta at each site says where the
# return address is; the caller main.main is in every stack (the kernel's
# frame-pointer walk alone goes from main.tiny to runtime.main).
prog: leaf
--- script
for site in main.tiny+4 main.tiny+9 main.tiny+50; do
	$GOTRACE -q -e 'uprobe:'$PROG':'$site' { @[ustack] = count(); exit(); }' -c "$PROG 0.05" | grep -v '^$' | sed 's/\]: [0-9]*$/]: N/'
done
$GOTRACE -q -e 'uretprobe:'$PROG':main.tiny { @[ustack] = count(); exit(); }' -c "$PROG 0.05" | grep -v '^$' | sed 's/\]: [0-9]*$/]: N/'
--- stdout-re
@\[
    main\.tiny\+4
    main\.main\+[0-9]+
    runtime\.main\+[0-9]+
    runtime\.goexit\+[0-9]+
\]: N
@\[
    main\.tiny\+9
    main\.main\+[0-9]+
    runtime\.main\+[0-9]+
    runtime\.goexit\+[0-9]+
\]: N
@\[
    main\.tiny\+50
    main\.main\+[0-9]+
    runtime\.main\+[0-9]+
    runtime\.goexit\+[0-9]+
\]: N
@\[
    main\.tiny\+54
    main\.main\+[0-9]+
    runtime\.main\+[0-9]+
    runtime\.goexit\+[0-9]+
\]: N
