# An error of LLVM's BPF back end is a gotrace diagnostic at the probe it
# is about, said once, and gotrace exits 1 (LLVM would otherwise print its
# own message and end the process).
exit: 1
--- script
P='BEGIN {'
for i in $(seq 70); do P="$P printf(\"%s\", comm);"; done
P="$P }"
$GOTRACE --strlen 512 --dry-run -e "$P" 2>&1 >/dev/null | grep -v '^BEGIN\|^\^' >&2
exit ${PIPESTATUS[0]}
--- stderr
stdin:1:1: error: this probe needs more than the 512 bytes of stack a BPF program has
hint: use shorter strings (--strlen) or split the probe
