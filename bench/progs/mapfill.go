// mapfill: calls lseek(fd, i, SEEK_SET) on /dev/null for i = 0 .. N-1
// (first argument, default 1000000): a tracepoint probe on sys_enter_lseek
// keyed by the offset fills a map of N keys, quickly. When it is done it
// writes the time (Unix nanoseconds) to the file named by its second
// argument, if any: a tracer's map dump starts then.
package main

import (
	"os"
	"strconv"
	"syscall"
	"time"
)

func main() {
	n := 1000000
	if len(os.Args) > 1 {
		n, _ = strconv.Atoi(os.Args[1])
	}
	f, err := os.Open("/dev/null")
	if err != nil {
		panic(err)
	}
	fd := int(f.Fd())
	for i := 0; i < n; i++ {
		syscall.Seek(fd, int64(i), 0)
	}
	if len(os.Args) > 2 {
		os.WriteFile(os.Args[2], []byte(strconv.FormatInt(time.Now().UnixNano(), 10)), 0o644)
	}
}
