# Differential: -o FILE: the output goes to the file, byte for byte as
# bpftrace writes it (its two newlines after END stay on stdout).
prog: vals
needs: bpftrace
--- script
S='BEGIN { printf("begin\n"); } uprobe:'$PROG':main.name { @[str(reg("ax"), reg("bx"))] = count(); } END { printf("end\n"); }'
bpftrace -o b.txt -e "$S" -c $PROG >b.out 2>/dev/null
$GOTRACE -o g.txt -e "$S" -c $PROG >g.out 2>/dev/null
cmp b.txt g.txt && cmp b.out g.out && echo same
echo "== file"
cat g.txt
echo "== stdout"
cat g.out
--- stdout
same
== file
Attaching 3 probes...
begin
end
@[alpha]: 1
@[beta]: 2
@[gamma]: 3
@[delta]: 4
@[epsilon-is-a-long-name]: 5
== stdout


