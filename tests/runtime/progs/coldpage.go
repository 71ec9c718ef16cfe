// coldpage: strings and bytes on pages of the binary's read-only data that
// the program never touches. blob is one constant of 160 pieces of 16 KiB
// (a sum of constants, so that this file stays small); piece k starts with
// its name, "page000" to "page159", and a NUL. For i = 0 .. 39, main passes
// to functions that never read them a string (pointer, length) each:
//   gostr(s)  piece i's name (7 bytes)
//   cstr(s)   piece 40+i's name and its NUL (8 bytes: read as a C string)
//   bytes(s)  the first 8 bytes of piece 80+i (read with buf)
//   word(s)   the first 8 bytes of piece 120+i (its byte 6 is a digit)
// A tracer that reads user memory without taking page faults finds them
// not yet mapped: empty strings and zeros.
package main

const k1 = "................................................................" // 64
const k4 = k1 + k1 + k1 + k1 + k1 + k1 + k1 + k1 + k1 + k1 + k1 + k1 + k1 + k1 + k1 + k1 // 1 KiB
const k15 = k4 + k4 + k4 + k4 + k4 + k4 + k4 + k4 + k4 + k4 + k4 + k4 + k4 + k4 + k4 // 15 KiB

// A piece: its name and a NUL (8 bytes), then padding to 16 KiB.
const pad = k15 + k1 + k1 + k1 + k1 + k1 + k1 + k1 + k1 + k1 + k1 + k1 + k1 + k1 + k1 + k1 +
	"........................................................" // 16384 - 8

const blob = "page000\x00" + pad + "page001\x00" + pad + "page002\x00" + pad + "page003\x00" + pad +
	"page004\x00" + pad + "page005\x00" + pad + "page006\x00" + pad + "page007\x00" + pad +
	"page008\x00" + pad + "page009\x00" + pad + "page010\x00" + pad + "page011\x00" + pad +
	"page012\x00" + pad + "page013\x00" + pad + "page014\x00" + pad + "page015\x00" + pad +
	"page016\x00" + pad + "page017\x00" + pad + "page018\x00" + pad + "page019\x00" + pad +
	"page020\x00" + pad + "page021\x00" + pad + "page022\x00" + pad + "page023\x00" + pad +
	"page024\x00" + pad + "page025\x00" + pad + "page026\x00" + pad + "page027\x00" + pad +
	"page028\x00" + pad + "page029\x00" + pad + "page030\x00" + pad + "page031\x00" + pad +
	"page032\x00" + pad + "page033\x00" + pad + "page034\x00" + pad + "page035\x00" + pad +
	"page036\x00" + pad + "page037\x00" + pad + "page038\x00" + pad + "page039\x00" + pad +
	"page040\x00" + pad + "page041\x00" + pad + "page042\x00" + pad + "page043\x00" + pad +
	"page044\x00" + pad + "page045\x00" + pad + "page046\x00" + pad + "page047\x00" + pad +
	"page048\x00" + pad + "page049\x00" + pad + "page050\x00" + pad + "page051\x00" + pad +
	"page052\x00" + pad + "page053\x00" + pad + "page054\x00" + pad + "page055\x00" + pad +
	"page056\x00" + pad + "page057\x00" + pad + "page058\x00" + pad + "page059\x00" + pad +
	"page060\x00" + pad + "page061\x00" + pad + "page062\x00" + pad + "page063\x00" + pad +
	"page064\x00" + pad + "page065\x00" + pad + "page066\x00" + pad + "page067\x00" + pad +
	"page068\x00" + pad + "page069\x00" + pad + "page070\x00" + pad + "page071\x00" + pad +
	"page072\x00" + pad + "page073\x00" + pad + "page074\x00" + pad + "page075\x00" + pad +
	"page076\x00" + pad + "page077\x00" + pad + "page078\x00" + pad + "page079\x00" + pad +
	"page080\x00" + pad + "page081\x00" + pad + "page082\x00" + pad + "page083\x00" + pad +
	"page084\x00" + pad + "page085\x00" + pad + "page086\x00" + pad + "page087\x00" + pad +
	"page088\x00" + pad + "page089\x00" + pad + "page090\x00" + pad + "page091\x00" + pad +
	"page092\x00" + pad + "page093\x00" + pad + "page094\x00" + pad + "page095\x00" + pad +
	"page096\x00" + pad + "page097\x00" + pad + "page098\x00" + pad + "page099\x00" + pad +
	"page100\x00" + pad + "page101\x00" + pad + "page102\x00" + pad + "page103\x00" + pad +
	"page104\x00" + pad + "page105\x00" + pad + "page106\x00" + pad + "page107\x00" + pad +
	"page108\x00" + pad + "page109\x00" + pad + "page110\x00" + pad + "page111\x00" + pad +
	"page112\x00" + pad + "page113\x00" + pad + "page114\x00" + pad + "page115\x00" + pad +
	"page116\x00" + pad + "page117\x00" + pad + "page118\x00" + pad + "page119\x00" + pad +
	"page120\x00" + pad + "page121\x00" + pad + "page122\x00" + pad + "page123\x00" + pad +
	"page124\x00" + pad + "page125\x00" + pad + "page126\x00" + pad + "page127\x00" + pad +
	"page128\x00" + pad + "page129\x00" + pad + "page130\x00" + pad + "page131\x00" + pad +
	"page132\x00" + pad + "page133\x00" + pad + "page134\x00" + pad + "page135\x00" + pad +
	"page136\x00" + pad + "page137\x00" + pad + "page138\x00" + pad + "page139\x00" + pad +
	"page140\x00" + pad + "page141\x00" + pad + "page142\x00" + pad + "page143\x00" + pad +
	"page144\x00" + pad + "page145\x00" + pad + "page146\x00" + pad + "page147\x00" + pad +
	"page148\x00" + pad + "page149\x00" + pad + "page150\x00" + pad + "page151\x00" + pad +
	"page152\x00" + pad + "page153\x00" + pad + "page154\x00" + pad + "page155\x00" + pad +
	"page156\x00" + pad + "page157\x00" + pad + "page158\x00" + pad + "page159\x00" + pad

const piece = 16384

//go:noinline
func gostr(s string) int { return len(s) }

//go:noinline
func cstr(s string) int { return len(s) }

//go:noinline
func bytes(s string) int { return len(s) }

//go:noinline
func word(s string) int { return len(s) }

// name is the first 7 or 8 bytes of piece k (a pointer into blob, no read).
func name(k, n int) string { return blob[k*piece : k*piece+n] }

func main() {
	t := 0
	for i := 0; i < 40; i++ {
		t += gostr(name(i, 7)) + cstr(name(40+i, 8)) + bytes(name(80+i, 8)) + word(name(120+i, 8))
	}
	println(t)
}
