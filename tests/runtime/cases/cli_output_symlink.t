# -o and --emit-elf do not follow a symlink that another user planted in a
# sticky, world-writable directory (like /tmp), on the last component or
# on the way, whatever fs.protected_symlinks says: its target is left
# alone and gotrace exits 1. A symlink of our own there, or one in an
# ordinary directory, is followed.
--- script
mkdir -m 1777 sticky
echo secret > victim
ln -s "$PWD/victim" sticky/out && chown -h nobody sticky/out
ln -s "$PWD" sticky/dir && chown -h nobody sticky/dir
$GOTRACE -o sticky/out -e 'BEGIN { printf("x\n"); exit(); }' >/dev/null; echo "status $?"
$GOTRACE --emit-elf sticky/out -e 'BEGIN { exit(); }' >/dev/null; echo "status $?"
$GOTRACE -o sticky/dir/out2 -e 'BEGIN { printf("x\n"); exit(); }' >/dev/null; echo "status $?"
cat victim; [ -e out2 ] && echo "out2 written" || echo "no out2"
ln -s "$PWD/mine" sticky/mine
$GOTRACE -q -o sticky/mine -e 'BEGIN { printf("mine\n"); exit(); }' >/dev/null; echo "status $?"
head -1 mine
mkdir plain && ln -s "$PWD/other" plain/out && chown -h nobody plain/out
$GOTRACE -q -o plain/out -e 'BEGIN { printf("other\n"); exit(); }' >/dev/null; echo "status $?"
head -1 other
--- stdout
status 1
status 1
status 1
secret
no out2
status 0
mine
status 0
other
--- stderr
gotrace: not writing sticky/out: it is a symlink of another user (uid 65534) in a sticky, world-writable directory
gotrace: not writing sticky/out: it is a symlink of another user (uid 65534) in a sticky, world-writable directory
gotrace: not writing sticky/dir/out2: sticky/dir on its path is a symlink of another user (uid 65534) in a sticky, world-writable directory
