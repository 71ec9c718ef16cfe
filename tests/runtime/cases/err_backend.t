# An error of LLVM's BPF back end is a gotrace diagnostic at the probe it
# is about, said once, and gotrace exits 1 (LLVM would otherwise print its
# own message and end the process). Seventy values alive at once, each
# from a helper call, spill more than the 512 bytes of BPF stack.
exit: 1
--- script
P='BEGIN {'
S=''
for i in $(seq 70); do P="$P \$a$i = nsecs;"; S="$S${S:++}\$a$i"; done
P="$P printf(\"%d\\n\", $S); }"
$GOTRACE --dry-run -e "$P" 2>&1 >/dev/null | grep -v '^BEGIN\|^\^' >&2
exit ${PIPESTATUS[0]}
--- stderr
stdin:1:1: error: this probe needs more than the 512 bytes of stack a BPF program has
hint: keep fewer values alive at once, use shorter strings (--strlen), or split the probe
