/* util.h - small helpers shared by every phase: allocation that never
 * returns NULL, growable arrays, a string builder and an arena.
 *
 * util/ is the bottom of the tree: it includes nothing of gotrace's but
 * itself. diag.h is the compiler's located diagnostics. */
#ifndef GOTRACE_UTIL_H
#define GOTRACE_UTIL_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

#define ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))
#define ALIGN_UP(x, a) (((x) + ((a) - 1)) & ~((uint64_t)(a) - 1))
#define MIN(a, b) ((a) < (b) ? (a) : (b))
#define MAX(a, b) ((a) > (b) ? (a) : (b))

#if defined(__GNUC__)
#define PRINTF_LIKE(f, a) __attribute__((format(printf, f, a)))
#define NORETURN __attribute__((noreturn))
#else
#define PRINTF_LIKE(f, a)
#define NORETURN
#endif

void *xmalloc(size_t n);
void *xcalloc(size_t n, size_t size);
void *xrealloc(void *p, size_t n);
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t n);
char *xasprintf(const char *fmt, ...) PRINTF_LIKE(1, 2);
NORETURN void die(const char *fmt, ...) PRINTF_LIKE(1, 2);

/* Growable array: a struct with `T *v; size_t n, cap;`. */
#define VEC(T)                                                                 \
	struct {                                                               \
		T *v;                                                          \
		size_t n, cap;                                                 \
	}
#define vec_push(vec, x)                                                       \
	do {                                                                   \
		if ((vec)->n == (vec)->cap) {                                  \
			(vec)->cap = (vec)->cap ? (vec)->cap * 2 : 8;          \
			(vec)->v = xrealloc((vec)->v,                          \
					    (vec)->cap * sizeof(*(vec)->v));   \
		}                                                              \
		(vec)->v[(vec)->n++] = (x);                                    \
	} while (0)
#define vec_free(vec)                                                          \
	do {                                                                   \
		free((vec)->v);                                                \
		(vec)->v = NULL;                                               \
		(vec)->n = (vec)->cap = 0;                                     \
	} while (0)

/* String builder. */
/* Bytes owned by whoever holds them: the BPF object codegen makes and
 * the runtime loads. */
struct blob {
	void *data;
	size_t size;
};
void blob_free(struct blob *b);

struct strbuf {
	char *s;
	size_t len, cap;
};
void sb_init(struct strbuf *sb);
void sb_putc(struct strbuf *sb, char c);
void sb_puts(struct strbuf *sb, const char *s);
void sb_putn(struct strbuf *sb, const char *s, size_t n);
void sb_printf(struct strbuf *sb, const char *fmt, ...) PRINTF_LIKE(2, 3);
void sb_vprintf(struct strbuf *sb, const char *fmt, va_list ap);
void sb_reset(struct strbuf *sb);
char *sb_steal(struct strbuf *sb); /* returns the string, leaves sb empty */
void sb_free(struct strbuf *sb);

/* Arena: many small allocations freed at once (the AST, types). */
struct arena_chunk;
struct arena {
	struct arena_chunk *head;
};
void *arena_alloc(struct arena *a, size_t n); /* zeroed, 16-byte aligned */
char *arena_strdup(struct arena *a, const char *s);
char *arena_strndup(struct arena *a, const char *s, size_t n);
void arena_free(struct arena *a);

/* Reads a whole file; returns NULL and sets errno on failure. */
char *read_file(const char *path, size_t *len);

/* Nanoseconds of CLOCK_MONOTONIC. */
uint64_t mono_ns(void);

#endif
