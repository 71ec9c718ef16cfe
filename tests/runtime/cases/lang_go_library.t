# What the HTTP and SQL tools are made of, on our programs (web: an HTTP
# server and client; sqlapp: database/sql with a driver of its own):
# - an interface's .type and .data in a Go value chain: the error of
#   net/http.send for a refused connection is a *net.OpError whose Err
#   is a *os.SyscallError, read on through .data ("connect"); an
#   interface read whole, or a field it has not, is an error that says so;
# - gohastype("T") is a constant: the branch that reads a type sqlapp
#   does not have is dropped unchecked;
# - func == "NAME": a wildcard probes only the functions its predicate
#   leaves (2 probes of the 9 functions the pattern matches); a branch on
#   a function the probe does not have is dropped; a predicate that rules
#   out every function is an error;
# - ucaller("pkg", ...): the first caller outside the runtime and those
#   packages (main.touchUsers and main.broken, each calling DB.Exec);
#   a package path is checked;
# - gocast($var, ...) reads the variable (it read a copy of the first
#   pass, always 0); a ternary of two result registers passes the
#   verifier (LLVM had merged the two loads into one from a computed
#   offset of the context, which the verifier rejects).
prog: web
prog: sqlapp
--- script
cp $PROG_web web && cp $PROG_sqlapp sqlapp
W=./web S=./sqlapp
echo "== iface"
$GOTRACE -q -e 'uretprobe:'$W':net/http.send /gotype(goret(2)) == "*net.OpError"/ { printf("%s %s %s\n", gotype(goret(2)), gotype(gocast(goret(3), "*net.OpError").Err.type), gocast(gocast(goret(3), "*net.OpError").Err.data, "*os.SyscallError").Syscall); }' -c $W 2>/dev/null
$GOTRACE --dry-run -e 'uretprobe:'$W':net/http.send { printf("%d\n", gocast(goret(3), "*net.OpError").Err.size); }' 2>&1
$GOTRACE --dry-run -e 'uretprobe:'$W':net/http.send { printf("%d\n", gocast(goret(3), "*net.OpError").Err); }' 2>&1
echo "== gohastype"
$GOTRACE -q -e 'uprobe:'$S':main.main { if (gohastype("net/http.Request")) { printf("%s\n", gocast(goarg(0), "*net/http.Request").Method); } else { printf("no net/http.Request\n"); } printf("%d %d\n", gohastype("*database/sql.Stmt"), gohastype("[]*database/sql.Stmt")); exit(); }' -c $S 2>/dev/null
echo "== func"
$GOTRACE -e 'uprobe:'$S':"database/sql.(*).*Context" /func == "database/sql.(*DB).ExecContext" || func == "database/sql.(*Stmt).QueryContext"/ { @[func] = count(); if (func == "database/sql.(*Tx).ExecContext") { printf("%d\n", gocast(goarg(0), "*no.T").x); } }' -c $S 2>&1 | grep -v '^broken\|^done'
$GOTRACE -l 'uprobe:'$S':"database/sql.(*).*Context"' | wc -l
$GOTRACE --dry-run -e 'uprobe:'$S':"database/sql.(*).*Context" /func == "nosuch"/ { @[func] = count(); }' 2>&1
echo "== ucaller"
$GOTRACE -q -e 'uprobe:'$S':"database/sql.(*DB).ExecContext" { @a[ucaller] = count(); @b[ucaller("database/sql")] = count(); }' -c $S 2>&1 | grep -v '^broken\|^done'
$GOTRACE --dry-run -e 'uprobe:'$S':main.main { @[ucaller("database/sql/")] = count(); }' 2>&1
echo "== variables and ternaries"
$GOTRACE -q -e 'uprobe:'$S':"database/sql.(*Stmt).QueryContext" { $s = goarg(0); printf("%s\n", gocast($s, "*database/sql.Stmt").query); }' -c $S 2>&1 | grep -v '^broken\|^done'
$GOTRACE -q -e 'uretprobe:'$S':"database/sql.(*DB).ExecContext" { printf("%s\n", gotype(goret(2) ? goret(2) : goret(0))); }' -c $S 2>&1 | grep -v '^broken\|^done'
--- stdout
== iface
*net.OpError *os.SyscallError connect


stdin:1:85: error: error is an interface: it has .type and .data, not 'size'
uretprobe:./web:net/http.send { printf("%d\n", gocast(goret(3), "*net.OpError").Err.size); }
                                                                                    ^~~~
stdin:1:48: error: this is an interface (error): its value cannot be printed
uretprobe:./web:net/http.send { printf("%d\n", gocast(goret(3), "*net.OpError").Err); }
                                               ^~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~
hint: gotype(x.type) names its dynamic type; gocast(x.data, "*T") reads the value
== gohastype
no net/http.Request
1 1


== func
Attaching 2 probes...


@[database/sql.(*Stmt).QueryContext]: 1
@[database/sql.(*DB).ExecContext]: 2
9
stdin:1:1: error: the predicate rules out every function in ./sqlapp matching 'database/sql.(*).*Context' (9 of them)
uprobe:./sqlapp:"database/sql.(*).*Context" /func == "nosuch"/ { @[func] = count(); }
^~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~
hint: its comparisons of func with names say which functions are probed
== ucaller


@a[database/sql.(*DB).ExecContext]: 2
@b[main.broken]: 1
@b[main.touchUsers]: 1
stdin:1:39: error: ucaller(): "database/sql/" is not a package path, like "database/sql"
uprobe:./sqlapp:main.main { @[ucaller("database/sql/")] = count(); }
                                      ^~~~~~~~~~~~~~~
== variables and ternaries
SELECT price FROM items WHERE id = ? AND SLEEP(35)


sql.driverResult
*errors.errorString


