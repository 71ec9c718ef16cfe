# A profile of a program that spends its time in leaf functions: every
# sample in main.work (no frame of its own), main.framed and main.tiny
# (frames, and samples in their prologues and epilogues, where BP is still
# or again the caller's) has main.main right below. The frame-pointer walk
# alone misses main.main in every main.work sample and in about a third of
# the main.tiny ones; gotrace puts it back from the stack word at SP plus
# .gopclntab's SP delta at the sampled pc.
prog: leaf
timeout: 30
--- script
$GOTRACE -q -e 'profile:hz:999 { @[ustack] = count(); }' -c "$PROG 2" >out || exit 1
awk -f check.awk out | sort
--- file check.awk
# per innermost function: samples, and those without main.main below it
/^@\[$/ { inblk = 1; n = 0; next }
inblk && /^\]: / {
	if (f0 ~ /^main\.(work|framed|tiny)\+/) {
		fn = f0; sub(/\+.*/, "", fn); tot[fn] += $2
		if (f1 !~ /^main\.main\+/) miss[fn] += $2
	}
	inblk = 0; next
}
inblk { gsub(/^ +/, ""); if (n == 0) f0 = $0; else if (n == 1) f1 = $0; n++ }
END { for (f in tot) printf "%s: %s samples, %d without main.main\n", f, (tot[f] > 5 ? "many" : "few"), miss[f] + 0 }
--- stdout
main.framed: many samples, 0 without main.main
main.tiny: many samples, 0 without main.main
main.work: many samples, 0 without main.main
