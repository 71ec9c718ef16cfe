# -f json stays valid JSON for the values bpftrace 0.17 cannot compare:
# stacks (as keys, values, in tuples and printf), usym and func, buf with
# quotes and control bytes, strftime, keys with quotes and backslashes.
# jq reads every line; then the objects' types and map names.
prog: docmain
needs: jq
--- script
cp $PROG ./main
$GOTRACE -f json -e 'uprobe:./main:main.sum { @st[ustack] = count(); @u[usym(reg("ip"))] = count(); @uv = usym(reg("ip")); @f[func] = count(); @t = strftime("%H:%M", nsecs); @b = buf("a\x01\"b", 4); @tu = (ustack, "x"); printf("%s|%r|%s\n", ustack, buf("q\n", 2), strftime("%Y", nsecs)); print(@st); } uprobe:./main:main.concat { @s[gostr(goarg(0), goarg(1)), "k\"\\"] = sum(5); }' -c ./main 2>/dev/null >out.json
grep -v '^$' out.json | jq -c . >/dev/null && echo valid
grep -v '^$' out.json | jq -r '.type + " " + (if .type == "map" then (.data | keys | join(",")) else "" end)'
grep -v '^$' out.json | jq -r 'select(.type == "printf") | .data' | grep -cE '^        main\.(sum|main)\+[0-9]+$'
grep -v '^$' out.json | jq -r 'select(.type == "map") | .data["@b"] // empty'
grep -v '^$' out.json | jq -r 'select(.type == "map") | .data["@s"] // empty | keys[]'
grep -v '^$' out.json | jq -r 'select(.type == "map") | .data["@uv"] // empty'
--- stdout
valid
attached_probes 
printf 
map @st
map @b
map @f
map @s
map @st
map @t
map @tu
map @u
map @uv
2
a\x01"b
ab,k"\
main.sum
