# Differential: -q with -f json drops attached_probes; -f json with -o FILE
# writes the objects to the file (the two newlines after END stay on stdout).
needs: bpftrace
--- script
S='BEGIN { printf("x\n"); @a = 1; @h = hist(5); exit(); }'
$ROOT/tests/runtime/bpfdiff -q -f json -e "$S"
bpftrace -f json -o b.json -e "$S" >b.out 2>/dev/null
$GOTRACE -f json -o g.json -e "$S" >g.out
cmp b.json g.json && cmp b.out g.out && echo same
cat g.json
--- stdout
same
{"type": "printf", "data": "x\n"}


{"type": "map", "data": {"@a": 1}}
{"type": "hist", "data": {"@h": [{"min": 4, "max": 7, "count": 1}]}}
same
{"type": "attached_probes", "data": {"probes": 1}}
{"type": "printf", "data": "x\n"}
{"type": "map", "data": {"@a": 1}}
{"type": "hist", "data": {"@h": [{"min": 4, "max": 7, "count": 1}]}}
