# verifier_all's probe without ustack (whose stack trace map a sleepable
# program may not use), with every kind of read of user memory and
# ustack(N) and ucaller instead: its program is sleepable (uprobe.s: reads
# with bpf_copy_from_user and the kfunc bpf_copy_from_user_str, its big
# scratch area in task storage), and the kernel's verifier accepts it.
prog: loop
--- script
S='uprobe:'$PROG':main.f { $s = comm; if (strcontains($s, "oo") && strlen($s) > 2) { @a[$s] = count(); } printf("%r %s %s\n", buf(reg("sp"), 16), strftime("%H", nsecs), usym(reg("ip"))); time(); @h[goid] = nsecs; if (has_key(@h, goid)) { delete(@h[goid]); } print(@a); clear(@a); zero(@a); @l = len(@h); @st[ustack(4)] = count(); @c[ucaller] = count(); $i = 0; while ($i < 10) { $i++; if ($i == 5) { continue; } if ($i > 8) { break; } } for ($j : 0..5) { @f += $j; } unroll(5) { @u++; } @t = (1, comm, "x"); $x = @t; printf("%d %s %s\n", $x.0, $x.1, gotype(goarg(0))); @g = hist(goarg(0)); @lh = lhist(goarg(0), 0, 10, 2); @mm = stats(goarg(0)); printf("%s %s %s %s %d %d\n", str(reg("sp")), gostr(reg("sp"), 8), join(reg("sp")), gotypename(goarg(0)), *(uint16 *)(reg("sp")), sarg0); }'
$GOTRACE -d ir -e "$S" 2>/dev/null | grep -c '^define i64 @probe_0_u(ptr %ctx) section "uprobe.s"'
$GOTRACE -d ir -e "$S" 2>/dev/null | grep -c '@tscratch = global'
$GOTRACE --dry-run -e "$S" && echo verifier-ok
$GOTRACE -k --dry-run -e "$S" && echo verifier-ok with -k
--- stdout
1
1
verifier-ok
verifier-ok with -k
