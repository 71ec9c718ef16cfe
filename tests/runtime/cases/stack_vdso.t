# Frames in the vDSO are named: a Go program reading the clock spends most
# of its time in the vDSO's clock_gettime, which has no file on disk (the
# [vdso] mapping). gotrace names it from its own copy of the kernel's
# image: stacks, usym, and -f pprof's mapping. Before, those samples'
# innermost frames were bare addresses. (comm: -c's child runs gotrace's
# code, libc's, until it has exec'd the program.)
prog: clock
timeout: 30
--- script
$GOTRACE -q -e 'profile:hz:999 /pid == cpid && comm == "clock"/ { @[ustack(2)] = count(); @sym[usym(reg("ip"))] = count(); }' -c "$PROG 1" >out || exit 1
# innermost frames named or not; in clock_gettime, and what called it:
# time.now or runtime.nanotime1, also when the sample came before
# clock_gettime had pushed its frame (the frame-pointer walk misses the
# caller there; the vDSO's .eh_frame says the return address is at SP)
# (a stack of one unnamed frame is a sample taken during the exec, after
# the comm changed and before the registers did: the child's libc; and
# usym(reg("ip")) counts a few less: a sample taken in the kernel has
# its ip there, and the user stack as it was)
awk '/^@\[$/ { n = 0; next }
     /^\]: / { if (f0 ~ /^0x/ && n > 1) hex += $2; if (f0 == "clock_gettime") { vd += $2; if (f1 ~ /^(time\.now|runtime\.(nanotime1|walltime))$/) go += $2 } next }
     /^    / { sub(/^ +/, ""); sub(/\+[0-9]+$/, ""); if (n == 0) f0 = $0; else f1 = $0; n++ }
     /^@sym\[clock_gettime\]: / { sym = $2 }
     END { print "unnamed innermost frames:", hex + 0
           print "in clock_gettime:", (vd > 50 ? "many" : vd + 0), "samples;", (go == vd ? "all" : go + 0), "called from Go clock functions"
           print "usym in clock_gettime:", (sym > 50 && sym <= vd ? "many, at most as many" : sym + 0) }' out
# a sample taken in the kernel: usym(reg("ip")) prints its address whole
# (it was cut to 56 bits: 0x7fffff81...)
echo "kernel addresses cut: $(grep -c '^@sym\[0x7fffff' out)"
$GOTRACE -q -f pprof -o cpu.pb.gz -e 'profile:hz:999 /pid == cpid && comm == "clock"/ { @[ustack] = count(); }' -c "$PROG 0.5" >/dev/null || exit 1
go tool pprof -raw cpu.pb.gz 2>/dev/null | sed -n '/^Mappings/,$p' | grep -o '\[vdso\]' | sort -u
--- stdout
unnamed innermost frames: 0
in clock_gettime: many samples; all called from Go clock functions
usym in clock_gettime: many, at most as many
kernel addresses cut: 0
[vdso]
