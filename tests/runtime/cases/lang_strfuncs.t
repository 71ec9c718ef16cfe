# strlen(), strcontains(), buf() of user memory and of a string, usym():
# name(s) gets "alpha" once, "beta" twice, ..., point(p) a T{-2, 300, 'g',
# 70000} twice. (bpftrace 0.17 has neither strlen nor strcontains.)
prog: vals
run: $GOTRACE -q -e 'uprobe:'$PROG':main.name { $s = str(reg("ax"), reg("bx")); @len[$s] = sum(strlen($s)); if (strcontains($s, "mm")) { printf("%s has mm\n", $s); } @has_l[strcontains($s, "l")] = count(); @none = sum(strcontains($s, "zz")); } uprobe:'$PROG':main.point { printf("[%r] [%r] %s\n", buf(reg("ax"), 16), buf("hi\tthere", 4), usym(reg("ip"))); @sym[usym(reg("ip"))] = count(); }' -c $PROG
--- stdout
gamma has mm
gamma has mm
gamma has mm
[\xfe\xff\xff\xff\xff\xff\xff\xff,\x01g\x00p\x11\x01\x00] [hi\x09t] main.point
[\xfe\xff\xff\xff\xff\xff\xff\xff,\x01g\x00p\x11\x01\x00] [hi\x09t] main.point


@has_l[0]: 5
@has_l[1]: 10
@len[alpha]: 5
@len[beta]: 8
@len[gamma]: 15
@len[delta]: 20
@len[epsilon-is-a-long-name]: 110
@none: 0
@sym[main.point]: 2
