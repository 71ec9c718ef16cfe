# Calls of standard-library functions that the compiler inlines
# (strings.HasPrefix, unicode/utf8.RuneLen, sync.(*Mutex).Lock, ... have
# no symbol in a default build) are counted exactly: the same counts as
# in a build without any inlining (-gcflags=all=-l), where each is a call.
# Then whole packages by wildcard: every function counted in both builds
# has the same count in both.
timeout: 60
--- script
src=$ROOT/tests/runtime/progs/words.go
go build -o words $src || exit 99
go build -gcflags=all=-l -o words-noinl $src || exit 99
for b in words words-noinl; do
	$GOTRACE -q -e 'uprobe:./'$b':strings.HasPrefix, uprobe:./'$b':strings.HasSuffix, uprobe:./'$b':strings.Contains, uprobe:./'$b':unicode/utf8.RuneLen, uprobe:./'$b':"sync.(*Mutex).Lock", uprobe:./'$b':"sync.(*Mutex).Unlock" { @[func] = count(); }' -c "./$b 1000" | cat >$b.out
done
cmp -s words.out words-noinl.out && echo "words and words-noinl alike:" || diff words.out words-noinl.out
cat words.out
for b in words words-noinl; do
	$GOTRACE -q -e 'uprobe:./'$b':strings.*, uprobe:./'$b':unicode/utf8.*, uprobe:./'$b':sync.*, uprobe:./'$b':strconv.*, uprobe:./'$b':fmt.* { @[func] = count(); }' -c "./$b 1000" | grep '^@' | sed 's/: / /' | sort >$b.counts
done
join words.counts words-noinl.counts | awk '{ n++; if ($2 != $3) { d++; print "differs:", $0 } } END { printf "%s counted in both builds, %d differ\n", (n > 20 ? "many" : n), d }'
--- stdout
words and words-noinl alike:
1125 5500 5500


@[strings.HasPrefix]: 1000
@[strings.HasSuffix]: 1000
@[strings.Contains]: 1000
@[sync.(*Mutex).Lock]: 1001
@[sync.(*Mutex).Unlock]: 1001
@[unicode/utf8.RuneLen]: 5000
many counted in both builds, 0 differ
