# sqlslower, run by name from a directory outside the repository, on a
# program of ours with a database/sql driver of its own
# (tests/runtime/progs/sqlapp.go: each query sleeps the milliseconds its
# text says in SLEEP(N)), built by Go 1.19 (local) and 1.21 to 1.27, each
# with DWARF and stripped. Over 20 ms: the 14 slow queries of the 16, made
# through DB.Query, DB.Exec, DB.QueryRow, Tx.Exec, a prepared Stmt's
# QueryRow and Exec (the text from the Stmt's query field), Conn.ExecContext,
# one that fails (its error's text), and 6 at once from 6 goroutines
# (main.parallel's; each line whole, one printf a line); each with its text, the function
# of ours that made it (the first caller outside database/sql) and a
# latency between its sleep and 100 ms more. With 0, all 16 (the two
# fast ones by main.lookupUser too). Every build gives the same lines as
# the first. Without MS, the usage line (exit 2).
needs: toolchains/root/usr/lib/go-1.21/bin/go toolchains/root/usr/lib/go-1.27/bin/go
timeout: 400
--- script
d=$(mktemp -d /tmp/gotrace-sqlslower.XXXXXX) && cd "$d" || exit 1
# CALLER QUERY, "ok" when the latency is between the query's SLEEP(N)
# and N + 100 ms (else the latency), and the error; then the counts
norm() {
	awk '/^ *[0-9]+\.[0-9]+ ms  / {
		lat = $1; q = $0; sub(/^ *[0-9.]+ ms  [^ ]+  /, "", q)
		n = q; sub(/.*SLEEP\(/, "", n); sub(/\).*/, "", n)
		t = (lat >= n && lat <= n + 100) ? "ok" : "latency " lat
		print $3, q, t }' "$1"
	grep -E '^@(queries|slow)' "$1"
}
b=$($ROOT/tests/runtime/gobuild sqlapp local debug)
$GOTRACE sqlslower $b; echo "exit $?"
first=
for rel in local 1.21 1.22 1.23 1.24 1.25 1.26 1.27; do
	for k in debug stripped; do
		b=$($ROOT/tests/runtime/gobuild sqlapp $rel $k 2>/dev/null) || { echo "$rel $k: not built"; continue; }
		# the program's own lines go to stderr, with gotrace's messages
		$GOTRACE -q sqlslower $b 20 -c $b >raw 2>err
		{ norm raw; grep -E '^(gotrace|stdin|/).*(error|warning)' err; } >out.$rel.$k
		if [ -z "$first" ]; then
			first=out.$rel.$k
			cat $first
			$GOTRACE -q sqlslower $b 0 -c $b >raw 2>err
			norm raw
		elif cmp -s $first out.$rel.$k; then
			echo "$rel $k: the same"
		else
			echo "$rel $k: differs"
			diff $first out.$rel.$k
		fi
	done
done
cd / && rm -rf "$d"
--- stdout
exit 2
main.listOrders SELECT id, total FROM orders WHERE SLEEP(60) ok
main.touchUsers UPDATE users SET seen = now() WHERE SLEEP(40) ok
main.countBig SELECT count(*) FROM big WHERE SLEEP(30) ok
main.audit INSERT INTO audit VALUES (?) -- SLEEP(25) ok
main.priceOf SELECT price FROM items WHERE id = ? AND SLEEP(35) ok
main.restock UPDATE items SET stock = stock + ? WHERE id = ? AND SLEEP(45) ok
main.vacuum VACUUM -- SLEEP(28) ok
main.broken SELECT FAIL WHERE SLEEP(22)  error: syntax error at or near FAIL ok
main.parallel.func1 SELECT n FROM jobs WHERE id = ? AND SLEEP(30) ok
main.parallel.func1 SELECT n FROM jobs WHERE id = ? AND SLEEP(30) ok
main.parallel.func1 SELECT n FROM jobs WHERE id = ? AND SLEEP(30) ok
main.parallel.func1 SELECT n FROM jobs WHERE id = ? AND SLEEP(30) ok
main.parallel.func1 SELECT n FROM jobs WHERE id = ? AND SLEEP(30) ok
main.parallel.func1 SELECT n FROM jobs WHERE id = ? AND SLEEP(30) ok
@queries: 16
@slow: 14
main.lookupUser SELECT name FROM users WHERE id = ? AND SLEEP(2) ok
main.listOrders SELECT id, total FROM orders WHERE SLEEP(60) ok
main.touchUsers UPDATE users SET seen = now() WHERE SLEEP(40) ok
main.countBig SELECT count(*) FROM big WHERE SLEEP(30) ok
main.audit INSERT INTO audit VALUES (?) -- SLEEP(25) ok
main.priceOf SELECT price FROM items WHERE id = ? AND SLEEP(35) ok
main.restock UPDATE items SET stock = stock + ? WHERE id = ? AND SLEEP(45) ok
main.vacuum VACUUM -- SLEEP(28) ok
main.broken SELECT FAIL WHERE SLEEP(22)  error: syntax error at or near FAIL ok
main.lookupUser SELECT name FROM users WHERE id = ? AND SLEEP(3) ok
main.parallel.func1 SELECT n FROM jobs WHERE id = ? AND SLEEP(30) ok
main.parallel.func1 SELECT n FROM jobs WHERE id = ? AND SLEEP(30) ok
main.parallel.func1 SELECT n FROM jobs WHERE id = ? AND SLEEP(30) ok
main.parallel.func1 SELECT n FROM jobs WHERE id = ? AND SLEEP(30) ok
main.parallel.func1 SELECT n FROM jobs WHERE id = ? AND SLEEP(30) ok
main.parallel.func1 SELECT n FROM jobs WHERE id = ? AND SLEEP(30) ok
@queries: 16
@slow: 16
local stripped: the same
1.21 debug: the same
1.21 stripped: the same
1.22 debug: the same
1.22 stripped: the same
1.23 debug: the same
1.23 stripped: the same
1.24 debug: the same
1.24 stripped: the same
1.25 debug: the same
1.25 stripped: the same
1.26 debug: the same
1.26 stripped: the same
1.27 debug: the same
1.27 stripped: the same
--- stderr
usage: gotrace sqlslower BINARY MS [-p PID | -c CMD]
