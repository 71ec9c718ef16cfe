# make examples builds every program that README.md and the tutorial name
# (examples/bin/NAME), so that none is missing after the README's first
# command; a second run rebuilds nothing. tests/docs/run runs the
# documents' commands themselves.
--- script
cd $ROOT
./examples/build.sh >/dev/null || exit 99
grep -ohE 'examples/bin/[A-Za-z0-9_.]*[A-Za-z0-9_]' README.md docs/tutorial.md docs/tutorial-solutions.md | sort -u >$OLDPWD/named
n=0
while read -r p; do
	case $p in
	*.go1.*) continue ;; # built only when make test has fetched that Go
	esac
	n=$((n + 1))
	[ -x "$p" ] || echo "missing: $p"
done <$OLDPWD/named
[ "$n" -ge 15 ] && echo "at least 15 programs named, all built"
./examples/build.sh | grep -c build || true
--- stdout
at least 15 programs named, all built
0
