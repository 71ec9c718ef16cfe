# Memory the traced program has not touched yet is read right: coldpage
# passes, 40 times each, strings and bytes on pages of its binary's
# read-only data that it never reads (a fresh page each time), and the
# probes read them first. Uprobe programs are sleepable, so their reads
# (bpf_copy_from_user, the kfunc bpf_copy_from_user_str) take the page
# fault: all 160 values are right and no read fails. Without sleepable
# programs (GOTRACE_NO_SLEEPABLE=1, as every uprobe was before) the reads
# fail on such pages (about 38 of 40: "" and zeros), and gotrace says so,
# at the place of each read, at exit. With --strlen 1024 a probe's values
# do not fit the BPF stack: a sleepable probe keeps them in the thread's
# task storage (not the CPU's scratch, which another thread could use while
# it sleeps), and reads them right too.
prog: coldpage
--- script
S='uprobe:'$PROG':main.gostr { printf("%s\n", gostr(goarg(0), goarg(1))); }
uprobe:'$PROG':main.cstr { printf("%s\n", str(goarg(0), 8)); }
uprobe:'$PROG':main.bytes { printf("%r\n", buf(goarg(0), 8)); }
uprobe:'$PROG':main.word { printf("%c\n", *(uint8 *)(goarg(0) + 6)); }'
for i in $(seq 0 39); do
	printf 'page%03d\npage%03d\npage%03d\\x00\n%d\n' $i $((40 + i)) $((80 + i)) $(((120 + i) % 10))
done >expected
$GOTRACE -q -e "$S" -c $PROG >out 2>err
echo "exit $?"
head -160 out | diff expected - && echo "all 160 right"
grep -c 'reads failed' err
$GOTRACE -q --strlen 1024 -e "$S" -c $PROG >out 2>err
head -160 out | diff expected - && echo "all 160 right, --strlen 1024"
GOTRACE_NO_SLEEPABLE=1 $GOTRACE -q -e "$S" -c $PROG >out 2>err
echo "exit $?"
head -160 out | grep -c -x -e '' -e '\\x00\\x00\\x00\\x00\\x00\\x00\\x00\\x00' | awk '{ print ($1 >= 60) ? "most empty" : $1 " empty" }'
grep -o 'warning: .* reads failed.*' err | sed -E 's/ [0-9]+ of 40/ N of 40/'
--- stdout
exit 0
all 160 right
0
all 160 right, --strlen 1024
exit 0
most empty
warning: gostr: N of 40 reads failed: Bad address
warning: str: N of 40 reads failed: Bad address
warning: buf: N of 40 reads failed: Bad address
warning: *(uint8 *): N of 40 reads failed: Bad address
