// execs: runs three commands through os/exec: /bin/true with two
// arguments, "sh -c 'exit 3'", and /bin/echo with a space in an argument;
// then one that does not exist as a path (/nonexistent/cmd), which fails
// in the child (no such file or directory).
package main

import (
	"fmt"
	"os/exec"
)

func main() {
	fmt.Println(exec.Command("/bin/true", "a", "b").Run())
	fmt.Println(exec.Command("/bin/sh", "-c", "exit 3").Run())
	out, _ := exec.Command("/bin/echo", "hello world").Output()
	fmt.Print(string(out))
	fmt.Println(exec.Command("/nonexistent/cmd", "x").Run())
}
