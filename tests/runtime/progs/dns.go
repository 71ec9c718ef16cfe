// dns: looks up localhost (from /etc/hosts), then a name through a
// resolver whose DNS server cannot be reached (its Dial fails at once: no
// network is needed, the lookup fails fast), then dials localhost:1 (a
// lookup of localhost, then connection refused).
package main

import (
	"context"
	"errors"
	"fmt"
	"net"
)

func main() {
	ips, err := net.LookupIP("localhost")
	fmt.Println(len(ips) > 0, err)
	offline := &net.Resolver{PreferGo: true, Dial: func(ctx context.Context, network, address string) (net.Conn, error) {
		return nil, errors.New("offline")
	}}
	_, err = offline.LookupIPAddr(context.Background(), "api.example.test")
	fmt.Println(err != nil)
	_, err = net.Dial("tcp", "localhost:1")
	fmt.Println(err != nil)
}
