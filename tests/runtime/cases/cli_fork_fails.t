# When -c cannot start its command because fork() fails (here: a pids
# cgroup that allows gotrace alone), gotrace says so and exits 1, and
# closes the pipe it made for the child (it leaked; a failed pipe2 was
# silent, see cli_few_fds).
--- script
CG=/sys/fs/cgroup/pids/gotrace-fork-$$
mkdir "$CG" || { echo "no pids cgroup"; exit 1; }
trap 'rmdir "$CG"' EXIT
echo 1 > "$CG/pids.max"
sh -c "echo \$\$ > $CG/cgroup.procs; exec $GOTRACE -q -e 'BEGIN { }' -c true"
echo "status $?"
--- stdout
status 1
--- stderr
gotrace: cannot start 'true': Resource temporarily unavailable
