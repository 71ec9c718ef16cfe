# has_key() and len() (bpftrace 0.17 has neither).
run: $GOTRACE -q -e 'BEGIN { @m[1] = 10; @m[5] = 20; @m[7] = 30; delete(@m[7]); @s["a"] = 1; printf("%d %d %d %d\n", has_key(@m, 1), has_key(@m, 2), has_key(@m, 7), has_key(@s, "a")); $n = len(@m); printf("len %d %d\n", $n, len(@s)); exit(); }'
--- stdout
1 0 0 1
len 2 1


@m[1]: 10
@m[5]: 20
@s[a]: 1
