// sqlapp: database/sql with a driver of our own, "sleepdb", whose every
// query sleeps for the milliseconds its text names in SLEEP(N), and fails
// when the text says FAIL: slow queries without a database. Each query
// is made by a function of ours, by each way database/sql has:
//
//	main.lookupUser   DB.QueryRowContext  SLEEP(2)   (fast)
//	main.listOrders   DB.Query            SLEEP(60)  (the driver's QueryContext)
//	main.touchUsers   DB.Exec             SLEEP(40)  (the driver's ExecContext)
//	main.countBig     DB.QueryRow         SLEEP(30)
//	main.audit        Tx.Exec             SLEEP(25)  (in a transaction)
//	main.priceOf      Stmt.QueryRow       SLEEP(35)  (prepared: the driver's Stmt)
//	main.restock      Stmt.Exec           SLEEP(45)  (prepared)
//	main.vacuum       Conn.ExecContext    SLEEP(28)  (a dedicated connection)
//	main.broken       DB.Exec             SLEEP(22)  FAIL: an error
//	main.lookupUser   again, SLEEP(3)     (fast)
//	main.parallel.func1  DB.QueryRow      SLEEP(30), from 6 goroutines at once
package main

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"errors"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"
	"sync"
	"time"
)

type sleepDriver struct{}

func (sleepDriver) Open(name string) (driver.Conn, error) { return &conn{}, nil }

type conn struct{}

func (c *conn) Prepare(q string) (driver.Stmt, error) { return &stmt{q: q}, nil }
func (c *conn) Close() error                          { return nil }
func (c *conn) Begin() (driver.Tx, error)             { return tx{}, nil }

func (c *conn) QueryContext(ctx context.Context, q string, args []driver.NamedValue) (driver.Rows, error) {
	if err := run(q); err != nil {
		return nil, err
	}
	return &rows{}, nil
}

func (c *conn) ExecContext(ctx context.Context, q string, args []driver.NamedValue) (driver.Result, error) {
	if err := run(q); err != nil {
		return nil, err
	}
	return driver.RowsAffected(1), nil
}

type tx struct{}

func (tx) Commit() error   { return nil }
func (tx) Rollback() error { return nil }

type stmt struct{ q string }

func (s *stmt) Close() error  { return nil }
func (s *stmt) NumInput() int { return -1 }
func (s *stmt) Exec(args []driver.Value) (driver.Result, error) {
	if err := run(s.q); err != nil {
		return nil, err
	}
	return driver.RowsAffected(1), nil
}
func (s *stmt) Query(args []driver.Value) (driver.Rows, error) {
	if err := run(s.q); err != nil {
		return nil, err
	}
	return &rows{}, nil
}

// rows: one row of one column, 1.
type rows struct{ done bool }

func (r *rows) Columns() []string { return []string{"n"} }
func (r *rows) Close() error      { return nil }
func (r *rows) Next(dest []driver.Value) error {
	if r.done {
		return io.EOF
	}
	r.done = true
	dest[0] = int64(1)
	return nil
}

// run sleeps SLEEP(N) milliseconds and fails on FAIL.
func run(q string) error {
	if i := strings.Index(q, "SLEEP("); i >= 0 {
		rest := q[i+6:]
		if j := strings.IndexByte(rest, ')'); j >= 0 {
			ms, _ := strconv.Atoi(rest[:j])
			time.Sleep(time.Duration(ms) * time.Millisecond)
		}
	}
	if strings.Contains(q, "FAIL") {
		return errors.New("syntax error at or near FAIL")
	}
	return nil
}

var db *sql.DB
var ctx = context.Background()

func check(err error) {
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}

//go:noinline
func lookupUser(ms int) {
	var n int
	check(db.QueryRowContext(ctx, "SELECT name FROM users WHERE id = ? AND SLEEP("+strconv.Itoa(ms)+")", 7).Scan(&n))
}

//go:noinline
func listOrders() {
	rs, err := db.Query("SELECT id, total FROM orders WHERE SLEEP(60)")
	check(err)
	for rs.Next() {
	}
	rs.Close()
}

//go:noinline
func touchUsers() {
	_, err := db.Exec("UPDATE users SET seen = now() WHERE SLEEP(40)")
	check(err)
}

//go:noinline
func countBig() {
	var n int
	check(db.QueryRow("SELECT count(*) FROM big WHERE SLEEP(30)").Scan(&n))
}

//go:noinline
func audit() {
	t, err := db.Begin()
	check(err)
	_, err = t.Exec("INSERT INTO audit VALUES (?) -- SLEEP(25)", "login")
	check(err)
	check(t.Commit())
}

//go:noinline
func priceOf(st *sql.Stmt) {
	var n int
	check(st.QueryRow(3).Scan(&n))
}

//go:noinline
func restock(st *sql.Stmt) {
	_, err := st.Exec(3, 10)
	check(err)
}

//go:noinline
func vacuum() {
	c, err := db.Conn(ctx)
	check(err)
	_, err = c.ExecContext(ctx, "VACUUM -- SLEEP(28)")
	check(err)
	c.Close()
}

//go:noinline
func broken() {
	_, err := db.Exec("SELECT FAIL WHERE SLEEP(22)")
	fmt.Fprintln(os.Stderr, "broken:", err)
}

//go:noinline
func parallel(n int) {
	var wg sync.WaitGroup
	for i := 0; i < n; i++ {
		wg.Add(1)
		go func(id int) {
			defer wg.Done()
			var v int
			check(db.QueryRow("SELECT n FROM jobs WHERE id = ? AND SLEEP(30)", id).Scan(&v))
		}(i)
	}
	wg.Wait()
}

func main() {
	sql.Register("sleepdb", sleepDriver{})
	var err error
	db, err = sql.Open("sleepdb", "")
	check(err)
	lookupUser(2)
	listOrders()
	touchUsers()
	countBig()
	audit()
	price, err := db.Prepare("SELECT price FROM items WHERE id = ? AND SLEEP(35)")
	check(err)
	priceOf(price)
	stock, err := db.Prepare("UPDATE items SET stock = stock + ? WHERE id = ? AND SLEEP(45)")
	check(err)
	restock(stock)
	vacuum()
	broken()
	lookupUser(3)
	parallel(6)
	db.Close()
	fmt.Fprintln(os.Stderr, "done")
}
