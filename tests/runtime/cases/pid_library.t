# With -p, a library name means the library that process maps: mloop runs
# with a copy of libc in ./lib (LD_LIBRARY_PATH), a file the loader cache
# does not know. uprobe:libc:malloc must attach to that copy (a uprobe on
# the system's libc would never fire in this process), as bpftrace does.
--- script
gcc -O0 -o mloop $ROOT/tests/runtime/progs/mloop.c || exit 99
mkdir lib
cp "$(ldd ./mloop | awk '/libc\.so/ { print $3 }')" lib/ || exit 99
LD_LIBRARY_PATH=$PWD/lib ./mloop & pid=$!
trap 'kill $pid 2>/dev/null' EXIT
sleep 0.2
grep -q "$PWD/lib/libc" /proc/$pid/maps && echo "mloop maps ./lib's libc"
$GOTRACE -q -p $pid -e 'uprobe:libc:malloc { @calls = count(); @[usym(reg("ip"))] = count(); if (@n++ == 4) { exit(); } }'
--- stdout
mloop maps ./lib's libc


@[malloc]: 5
@calls: 5
@n: 5
