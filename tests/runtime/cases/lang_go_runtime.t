# The builtins that read Go's runtime, on docmain (main.sum, describe(v)
# with a main.celsius): goid and gfield(curg, "goid") agree; gorelease is
# a constant, and an if on it drops the other branch unchecked (it uses a
# variable never assigned); gooffset from DWARF; uline names the line of
# main.sum in docmain.go; goruntime is 0 in main.sum and 1 in
# runtime.gopark; cpid is the -c command; strerror; uaddr of runtime.ncpu;
# ustack(2) keeps two frames; gotype(p) == "T" compares with the type the
# binary names (and != and a type it is not), gotypename reads the name.
prog: docmain
--- script
$GOTRACE -q -o out -e 'uprobe:'$PROG':main.sum {
	printf("goid %d %d, gorelease >= 116: %d, goid at %d\n", goid, gfield(curg, "goid"), gorelease >= 116, gooffset("runtime.g", "goid"));
	if (gorelease >= 117) { printf("register ABI\n"); } else { printf("%d\n", $never_assigned); }
	printf("%s %s %d %d\n", usym(reg("ip")), uline(reg("ip")), goruntime(reg("ip")), pid == cpid);
	printf("%s|%d\n", strerror(2), *(int32 *)uaddr("runtime.ncpu") > 0);
	@[ustack(2)] = count();
}
uprobe:'$PROG':main.describe {
	printf("%d %d %d %s\n", gotype(goarg(0)) == "main.celsius", gotype(goarg(0)) != "main.celsius", gotype(goarg(0)) == "string", gotypename(goarg(0)));
}
uprobe:'$PROG':runtime.gopark { @in_runtime = min(goruntime(reg("ip"))); }' -c $PROG >/dev/null
sed 's/main\.main+[0-9]*/main.main+N/' out
--- stdout
goid 1 1, gorelease >= 116: 1, goid at 152
register ABI
main.sum docmain.go:22 0 1
No such file or directory|1
1 0 0 main.celsius
@[
    main.sum+0
    main.main+N
]: 1
@in_runtime: 1
