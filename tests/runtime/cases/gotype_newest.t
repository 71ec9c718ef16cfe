# gotype() on a stripped build by the newest Go toolchain at hand (Go 1.27
# moved etypes in runtime.firstmoduledata), against the local Go's names.
prog: iface
needs: toolchains
--- script
S='uprobe:BIN:main.describe { printf("%s\n", gotype(goarg(0))); } uprobe:BIN:main.show { printf("show %s\n", gotype(goarg(0))); }'
$GOTRACE -q -e "${S//BIN/$PROG}" -c $PROG | grep -v '^$' > want
go=$(ls -d $GOBINS/toolchains/root/usr/lib/go-1.*/bin/go | sort -V | tail -1)
echo "$go" | grep -o 'go-1\.[0-9]*' > release
(cd $ROOT/tests/runtime/progs && GOCACHE=$ROOT/build/gocache-newest $go build -gcflags=-l -ldflags='-s -w' -o $OLDPWD/newest iface.go) || exit 99
$GOTRACE -q -e "${S//BIN/./newest}" -c ./newest | grep -v '^$' > got
diff want got && echo "same names"
--- stdout
same names
