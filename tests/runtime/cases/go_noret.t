# A function with no RET instruction (fail() always panics, forever() loops)
# gets a warning for its return probe, which could never fire; the program
# still runs traced (main.main's return probe works).
--- script
go build -o app $ROOT/tests/runtime/progs/go_inl.go || exit 99
$GOTRACE -q -e 'uretprobe:./app:main.fail { @fail = count(); } uretprobe:./app:main.forever { @forever = count(); } uretprobe:./app:main.main { @main = count(); }' -c ./app
echo "status $?"
--- stdout


@main: 1
status 0
--- stderr
stdin:1:1: warning: main.fail has no RET instruction (it ends in tail calls or panics): its return probe will never fire
uretprobe:./app:main.fail { @fail = count(); } uretprobe:./app:main.forever { @forever = count(); } uretprobe:./app:main.main { @main = count(); }
^~~~~~~~~~~~~~~~~~~~~~~~~
stdin:1:48: warning: main.forever has no RET instruction (it ends in tail calls or panics): its return probe will never fire
uretprobe:./app:main.fail { @fail = count(); } uretprobe:./app:main.forever { @forever = count(); } uretprobe:./app:main.main { @main = count(); }
                                               ^~~~~~~~~~~~~~~~~~~~~~~~~~~~
t 441 3 3
