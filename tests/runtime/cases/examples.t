# The examples of the tutorial do what docs/tutorial.md says they do.
--- script
cd $ROOT
for d in sum strings latency server; do
	go build -gcflags=-l -o examples/$d/$d ./examples/$d/main.go || exit 99
done
./gotrace -q examples/strings/strings.gt -c examples/strings/strings 2>/dev/null | grep -E '^(greet|  ->)'
./gotrace -q examples/latency/latency.gt -c examples/latency/latency | grep -E '^@calls'
./gotrace -q examples/server/requests.gt -c 'examples/server/server -selftest 3' | grep -v '^$'
./gotrace -q -e 'uprobe:examples/sum/sum:main.sum { printf("sum(%d, %d)\n", goarg(0), goarg(1)); }' -c examples/sum/sum 2>/dev/null | grep '^sum'
--- stdout
greet(hello, gopher)
  -> hello, gopher!
greet(hello, bpf)
  -> hello, bpf!
greet(hello, world)
  -> hello, world!
@calls: 400
GET /item/0
GET /item/1
GET /item/2
@requests: 3
sum(0, 11)
sum(11, 22)
sum(33, 33)
