# One probe using most builtins, statements and map operations at once
# (big enough that its scratch area moves to a per-CPU map, with loops
# whose counters stay on the stack): the kernel's verifier accepts it.
prog: loop
run: $GOTRACE --dry-run -e 'uprobe:'$PROG':main.f { $s = comm; if (strcontains($s, "oo") && strlen($s) > 2) { @a[$s] = count(); } printf("%r %s %s\n", buf(reg("sp"), 16), strftime("%H", nsecs), usym(reg("ip"))); time(); @h[goid] = nsecs; if (has_key(@h, goid)) { delete(@h[goid]); } print(@a); clear(@a); zero(@a); @l = len(@h); @st[ustack] = count(); $i = 0; while ($i < 10) { $i++; if ($i == 5) { continue; } if ($i > 8) { break; } } for ($j : 0..5) { @f += $j; } unroll(5) { @u++; } @t = (1, comm, "x"); $x = @t; printf("%d %s %s\n", $x.0, $x.1, gotype(goarg(0))); @g = hist(goarg(0)); @lh = lhist(goarg(0), 0, 10, 2); @mm = stats(goarg(0)); } tracepoint:sched:sched_switch { @k[kstack] = count(); @n[args.prev_comm] = count(); }' && echo verifier-ok
--- stdout
verifier-ok
