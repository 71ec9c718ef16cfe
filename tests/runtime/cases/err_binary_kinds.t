# A probe's binary that is no ELF file: a FIFO (opening it must not wait
# for a writer), a character device, an empty file named without ./ (a
# file in the current directory is found, as in bpftrace, and then said
# to be empty). Each is one clear sentence, and gotrace exits 1 at once.
exit: 1
--- script
mkfifo fifo
: > empty.bin
timeout 10 $GOTRACE -e 'uprobe:./fifo:main.sum { }'; echo "status $?"
timeout 10 $GOTRACE -e 'uprobe:/dev/zero:f { }'; echo "status $?"
timeout 10 $GOTRACE -e 'uprobe:empty.bin:f { }'; echo "status $?"
exit 1
--- stdout
status 1
status 1
status 1
--- stderr-re
stdin:1:1: error: /.*/fifo: a FIFO, not a binary
uprobe:./fifo:main.sum \{ \}
\^~*
stdin:1:1: error: /dev/zero: a character device, not a binary
uprobe:/dev/zero:f \{ \}
\^~*
stdin:1:1: error: /.*/empty.bin: empty file, not an ELF file
uprobe:empty.bin:f \{ \}
\^~*
