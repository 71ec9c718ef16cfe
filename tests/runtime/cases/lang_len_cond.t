# len() in a condition. Fails until the verifier accepts it: the kernel
# rejects the program ("BPF program is too large"): the counter that
# bpf_for_each_map_elem's callback increments becomes precise when len()
# is compared, so the callback's states never converge.
run: $GOTRACE -q -e 'BEGIN { @m[1] = 1; @m[2] = 2; if (len(@m) == 2) { printf("two\n"); } exit(); }'
--- stdout
two


@m[1]: 1
@m[2]: 2
