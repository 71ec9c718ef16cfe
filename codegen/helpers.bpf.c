/* helpers.bpf.c - BPF-side helpers that read better as C than as IR
 * builder calls. Compiled to LLVM bitcode with clang at build time,
 * embedded in gotrace, and linked into every generated module, where they
 * are inlined. Every loop is bounded by a constant after inlining. */

typedef unsigned long long u64;
typedef long long s64;
typedef unsigned int u32;

#define HELPER __attribute__((always_inline))

/* hist() bucket: 0 for negative values, 1 for 0, 2 for 1, then
 * floor(log2(v)) + 2. */
HELPER u64 gt_hist_bucket(s64 v)
{
	if (v < 0)
		return 0;
	if (v == 0)
		return 1;
	u64 n = (u64)v, r = 0;
	if (n >> 32) { n >>= 32; r += 32; }
	if (n >> 16) { n >>= 16; r += 16; }
	if (n >> 8) { n >>= 8; r += 8; }
	if (n >> 4) { n >>= 4; r += 4; }
	if (n >> 2) { n >>= 2; r += 2; }
	if (n >> 1) { r += 1; }
	return r + 2;
}

/* lhist() bucket: 0 below min, 1 + (v - min) / step inside, the last one
 * at or above max. */
HELPER u64 gt_lhist_bucket(s64 v, s64 min, s64 max, s64 step)
{
	if (v < min)
		return 0;
	if (v >= max)
		return (u64)(max - min) / (u64)step + 1;
	return (u64)(v - min) / (u64)step + 1;
}

/* Signed division and remainder (BPF v3 divides unsigned only); x / 0 is 0
 * and x % 0 is x, as in BPF. */
HELPER s64 gt_sdiv(s64 a, s64 b)
{
	if (b == 0)
		return 0;
	u64 ua = a < 0 ? -(u64)a : (u64)a, ub = b < 0 ? -(u64)b : (u64)b;
	u64 q = ua / ub;
	return (a < 0) != (b < 0) ? -(s64)q : (s64)q;
}

HELPER s64 gt_smod(s64 a, s64 b)
{
	if (b == 0)
		return a;
	u64 ua = a < 0 ? -(u64)a : (u64)a, ub = b < 0 ? -(u64)b : (u64)b;
	u64 r = ua % ub;
	return a < 0 ? -(s64)r : (s64)r;
}

/* Length of a NUL-terminated string in a buffer of n bytes. */
HELPER u64 gt_strlen(const char *s, u32 n)
{
	u32 i;
	for (i = 0; i < n; i++)
		if (!s[i])
			break;
	return i;
}

/* 1 if h (buffer of n bytes) contains needle (buffer of n bytes). */
HELPER u64 gt_strcontains(const char *h, const char *needle, u32 n)
{
	if (!needle[0])
		return 1;
	for (u32 i = 0; i < n; i++) {
		if (!h[i])
			return 0;
		u32 j;
		for (j = 0; j < n; j++) {
			u32 k = i + j;
			if (!needle[j])
				return 1;
			if (k >= n || h[k] != needle[j])
				break;
		}
		if (j == n)
			return 1;
	}
	return 0;
}

/* ustack: where the return address is, as an offset from SP, at an
 * instruction of a Go prologue or epilogue where BP is not (or no longer)
 * the function's frame pointer, from its bytes (little-endian, 8 read at
 * the pc); 0 elsewhere, where it is at SP only if the function has no
 * frame (a frameless leaf, an entry, a RET). User space keeps the word
 * only if .gopclntab's SP delta at the pc agrees.
 *   Go >= 1.21: PUSHQ BP; MOVQ SP, BP (48 89 e5): at the MOV, SP + 8
 *   Go < 1.21: SUBQ $n, SP; MOVQ BP, n-8(SP) (48 89 6c 24 d8 or
 *   48 89 ac 24 d32); LEAQ n-8(SP), BP (48 8d 6c 24 d8 or 48 8d ac 24
 *   d32): at either, SP + n; the epilogue MOVQ n-8(SP), BP; ADDQ $n, SP
 *   (48 83 c4 i8 or 48 81 c4 i32): at the ADD, SP + n */
HELPER u64 gt_frame_ret_off(u64 insn)
{
	u32 b0 = insn & 0xff, b1 = (insn >> 8) & 0xff, b2 = (insn >> 16) & 0xff;
	u32 b3 = (insn >> 24) & 0xff;
	s64 d8 = (signed char)((insn >> 32) & 0xff);
	s64 d32 = (int)(insn >> 32);
	if (b0 != 0x48)
		return 0;
	if (b1 == 0x89 && b2 == 0xe5)
		return 8;
	if ((b1 == 0x89 || b1 == 0x8d) && b2 == 0x6c && b3 == 0x24 && d8 >= 0)
		return (u64)d8 + 8;
	if ((b1 == 0x89 || b1 == 0x8d) && b2 == 0xac && b3 == 0x24 && d32 >= 0 && d32 < 0xfff0)
		return (u64)d32 + 8;
	s64 i8 = (signed char)((insn >> 24) & 0xff);
	s64 i32 = (int)((insn >> 24) & 0xffffffff);
	if (b1 == 0x83 && b2 == 0xc4 && i8 > 0)
		return (u64)i8;
	if (b1 == 0x81 && b2 == 0xc4 && i32 > 0 && i32 < 0xfff0)
		return (u64)i32;
	return 0;
}

/* --- reading user memory ------------------------------------------------- */

typedef long (*read_fn)(void *dst, u32 size, const void *src);
#define probe_read_user ((read_fn)112)     /* BPF_FUNC_probe_read_user */
#define probe_read_user_str ((read_fn)114) /* BPF_FUNC_probe_read_user_str */
#define copy_from_user ((read_fn)148)      /* BPF_FUNC_copy_from_user */
/* The kfunc (Linux 6.12); codegen declares it with the BTF libbpf needs. */
extern int bpf_copy_from_user_str(void *dst, u32 size, const void *src, u64 flags);

/* User memory as the probe may read it: in a sleepable probe (sleepable,
 * a constant after inlining) with bpf_copy_from_user, which takes page
 * faults, else bpf_probe_read_user. 0 or a negative errno. */
HELPER long gt_read(void *dst, u32 size, const void *src, u64 sleepable)
{
	return sleepable ? copy_from_user(dst, size, src) : probe_read_user(dst, size, src);
}

/* A NUL-terminated string likewise: its length with the NUL, or a
 * negative errno (dst zeroed: bpf_copy_from_user_str's flag 1). */
HELPER long gt_read_str(void *dst, u32 size, const void *src, u64 sleepable)
{
	return sleepable ? bpf_copy_from_user_str(dst, size, src, 1)
			 : probe_read_user_str(dst, size, src);
}

/* The first error of a and b (0 or negative errnos). */
#define FIRST_ERR(a, b) ((a) < 0 ? (a) : (b))

/* The name of a Go type, from its name record at `name` (runtime/type.go's
 * name: a flags byte, the length as a uvarint, 2 big-endian bytes before
 * Go 1.17 (old), then the bytes), into out (size bytes, zeroed by the
 * caller), without the '*' of a tflag extra-star name. 0, or the first
 * read's negative errno. */
HELPER long gt_gotype_name(char *out, u32 size, u64 name, u64 tflag, u64 old, u64 sleepable)
{
	unsigned char h[4] = { 0 };
	u64 len, hdr;
	long err = gt_read(h, 3, (const void *)name, sleepable);
	if (err < 0)
		return err;
	if (old) {
		len = (u64)h[1] << 8 | h[2];
		hdr = 3;
	} else if (h[1] & 0x80) {
		len = (u64)(h[1] & 0x7f) | (u64)(h[2] & 0x7f) << 7;
		hdr = 3;
	} else {
		len = h[1];
		hdr = 2;
	}
	if ((tflag & 2) && len) { /* tflagExtraStar */
		hdr++;
		len--;
	}
	if (len > size - 1)
		len = size - 1;
	if (len)
		err = gt_read(out, (u32)len, (const void *)(name + hdr), sleepable);
	return err;
}

/* join(): up to 16 strings joined by sep into tmp, a zeroed buffer of
 * 2 * size bytes (so that a copy starting before size - 1 always fits);
 * the caller keeps the first size - 1 bytes. go: ptr is a []string's
 * data (n string headers); else a NULL-terminated char *argv[]. 0, or the
 * first failed read's negative errno. */
HELPER long gt_join(char *tmp, u32 size, u64 ptr, s64 n, u64 go, const char *sep, u32 seplen,
		    u64 sleepable)
{
	u32 off = 0;
	long err = 0;
	for (int i = 0; i < 16; i++) {
		u64 hdr[2];
		long r;
		if (go) {
			if (i >= n)
				break;
			r = gt_read(hdr, 16, (const void *)(ptr + 16 * (u64)i), sleepable);
			err = FIRST_ERR(err, r);
			if (r < 0)
				break;
		} else {
			r = gt_read(hdr, 8, (const void *)(ptr + 8 * (u64)i), sleepable);
			err = FIRST_ERR(err, r);
			if (r < 0 || !hdr[0])
				break;
		}
		for (u32 j = 0; i && j < seplen && j < 8; j++) {
			if (off >= size - 1)
				break;
			tmp[off++] = sep[j];
		}
		if (off >= size - 1)
			break;
		if (go) {
			u64 len = hdr[1];
			if (len > size - 1)
				len = size - 1;
			if (len)
				err = FIRST_ERR(err, gt_read(tmp + off, (u32)len, (const void *)hdr[0], sleepable));
			off += (u32)len;
		} else {
			r = gt_read_str(tmp + off, size - 1, (const void *)hdr[0], sleepable);
			err = FIRST_ERR(err, r);
			if (r > 0)
				off += (u32)r - 1;
		}
		if (off >= size - 1)
			break;
	}
	return err;
}
