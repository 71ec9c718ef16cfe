# The ready tools on the releases we cannot build here: stripped esbuild
# binaries from npm built by Go 1.16 (stack ABI), 1.17, 1.18 and 1.20,
# bundling two modules (tests/runtime/esbuild-check: what every tool must
# find), run by name from a directory outside the repository. opens: the
# two inputs read and the output created (results read past 1.16's stack
# arguments, elsewhere from registers); goroutines: started by esbuild's
# own code (the caller pc argument of runtime.newproc1 moved in 1.18);
# growslice and allocs: every type named from the binary's descriptors
# (growslice's arguments changed in 1.20); allocs: esbuild's own
# functions as callers; offcpu: wait reasons named from each binary's
# runtime.waitReasonStrings; goleak: the new g it reads from
# runtime.newproc1's result (on the stack in 1.16) is the g of every
# goroutine that ends; esbuild 0.17 leaves one goroutine of its own
# (api.(*internalContext).rebuild's) running when it exits.
needs: esbuild-0.11.23 esbuild-0.13.15 esbuild-0.14.40 esbuild-0.17.19
timeout: 180
run: $ROOT/tests/runtime/esbuild-check esbuild-0.11.23 esbuild-0.13.15 esbuild-0.14.40 esbuild-0.17.19
--- stdout
esbuild-0.11.23: go1.16 go-stack: every tool found what it must
esbuild-0.13.15: go1.17 go-register: every tool found what it must
esbuild-0.14.40: go1.18 go-register: every tool found what it must
esbuild-0.17.19: go1.20 go-register: every tool found what it must
esbuild-0.17.19: goleak: @leaked[github.com/evanw/esbuild/pkg/api.(*internalContext).rebuild, api_impl.go:1037, github.com/evanw/esbuild/pkg/api.(*internalContext).rebuild.func1]: 1
