# A return-probe wildcard over many functions without a RET instruction
# (they end in tail calls or panics) says so in one line, with a count
# and a few names, not once per function (uretprobe:caddy:* printed
# 4,295 warnings); the probe still works on the rest.
--- script
go build -o app $ROOT/tests/runtime/progs/go_inl.go || exit 99
$GOTRACE -q -e 'uretprobe:./app:main.* { @[func] = count(); }' -c ./app 2>err | grep -F '@[main.main]'
echo "status ${PIPESTATUS[0]}"
grep -c 'no RET' err
grep -o 'warning: [0-9]* matching functions have no RET instruction' err
grep -o 'never fire: .*' err | tr ',' '\n' | grep -c 'main.f'
$GOTRACE -q --dry-run -e 'uretprobe:./app:* { }' 2>&1 | grep -c 'no RET'
--- stdout
@[main.main]: 1
status 0
1
warning: 2 matching functions have no RET instruction
2
1
