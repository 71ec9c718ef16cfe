/* resolve.c - from the BIN of a probe to a file: a path, a program on
 * PATH, or a library name found through the dynamic loader's cache
 * (/etc/ld.so.cache, read here in glibc's "glibc-ld.so.cache1.1" format)
 * or, failing that, in the usual library folders. */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "golang/internal.h"

#define CACHE_OLD_MAGIC "ld.so-1.7.0"
#define CACHE_NEW_MAGIC "glibc-ld.so.cache1.1"
#define CACHE_NEW_HEADER 48 /* magic+version 20, nlibs, len_strings, ... */
#define CACHE_NEW_ENTRY 24  /* flags, key, value, osversion, hwcap */
#define CACHE_OLD_ENTRY 12
#define FLAG_TYPE_MASK 0x00ff
#define FLAG_ELF_LIBC6 0x0003
#define FLAG_ARCH_MASK 0xff00
#define FLAG_X8664_LIB64 0x0300

static const char *const lib_dirs[] = {
	"/lib/x86_64-linux-gnu", "/usr/lib/x86_64-linux-gnu", "/lib64",
	"/usr/lib64",		 "/usr/local/lib",	      "/usr/lib",
	"/lib",
};

/* Does key name the library `name` ("libc" matches "libc.so.6"; a name
 * with ".so" must match whole)? Returns a rank, lower is better, or -1. */
int gobin_lib_match(const char *key, const char *name)
{
	size_t n = strlen(name);

	if (strcmp(key, name) == 0)
		return 0;
	if (strstr(name, ".so"))
		return -1;
	if (strncmp(key, name, n) != 0 || strncmp(key + n, ".so", 3) != 0)
		return -1;
	if (key[n + 3] == '.')
		return 1; /* libc.so.6 */
	if (key[n + 3] == 0)
		return 2; /* libc.so, often a linker script */
	return -1;
}

/* Looks name up in a loader cache image of len bytes. */
char *gobin_ldcache_lookup(const uint8_t *c, size_t len, const char *name)
{
	size_t base = 0;
	char *best = NULL;
	int best_rank = 99;

	if (len >= sizeof(CACHE_OLD_MAGIC) - 1 &&
	    memcmp(c, CACHE_OLD_MAGIC, sizeof(CACHE_OLD_MAGIC) - 1) == 0) {
		if (len < 16)
			return NULL;
		uint64_t nold = rd32(c + 12);
		base = ALIGN_UP(16 + nold * CACHE_OLD_ENTRY, 8);
	}
	if (base > len || len - base < CACHE_NEW_HEADER ||
	    memcmp(c + base, CACHE_NEW_MAGIC, sizeof(CACHE_NEW_MAGIC) - 1) != 0)
		return NULL;
	const uint8_t *h = c + base;
	size_t avail = len - base;
	uint64_t nlibs = rd32(h + 20);
	if (nlibs > (avail - CACHE_NEW_HEADER) / CACHE_NEW_ENTRY)
		return NULL;
	for (uint64_t i = 0; i < nlibs; i++) {
		const uint8_t *e = h + CACHE_NEW_HEADER + i * CACHE_NEW_ENTRY;
		uint32_t flags = rd32(e), key = rd32(e + 4),
			 value = rd32(e + 8);
		if ((flags & FLAG_TYPE_MASK) != FLAG_ELF_LIBC6 ||
		    (flags & FLAG_ARCH_MASK) != FLAG_X8664_LIB64 ||
		    key >= avail || value >= avail ||
		    !memchr(h + key, 0, avail - key) ||
		    !memchr(h + value, 0, avail - value))
			continue;
		int r = gobin_lib_match((const char *)h + key, name);
		if (r < 0 || r >= best_rank)
			continue;
		best_rank = r;
		free(best);
		best = xstrdup((const char *)h + value);
	}
	return best;
}

/* True for a regular file that starts like an ELF file (a FIFO among
 * the libraries must not block the search). */
static bool is_elf(const char *path)
{
	char magic[4];
	struct stat st;
	int fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK);
	bool ok;

	if (fd < 0)
		return false;
	ok = fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && read(fd, magic, 4) == 4 &&
	     memcmp(magic, "\177ELF", 4) == 0;
	close(fd);
	return ok;
}

/* Looks for name in the usual library folders. */
static char *scan_lib_dirs(const char *name)
{
	for (size_t d = 0; d < ARRAY_SIZE(lib_dirs); d++) {
		DIR *dir = opendir(lib_dirs[d]);
		struct dirent *de;
		char *best = NULL;
		int best_rank = 99;

		if (!dir)
			continue;
		while ((de = readdir(dir))) {
			int r = gobin_lib_match(de->d_name, name);
			if (r < 0 || r >= best_rank)
				continue;
			char *p = xasprintf("%s/%s", lib_dirs[d], de->d_name);
			if (!is_elf(p)) {
				free(p);
				continue;
			}
			free(best);
			best = p;
			best_rank = r;
		}
		closedir(dir);
		if (best)
			return best;
	}
	return NULL;
}

/* An executable regular file? */
static bool is_exec_file(const char *path)
{
	struct stat st;

	return stat(path, &st) == 0 && S_ISREG(st.st_mode) &&
	       access(path, X_OK) == 0;
}

/* Absolute form of path (symlinks resolved), or NULL with errno. */
static char *absolute(const char *path)
{
	char buf[PATH_MAX];

	if (!realpath(path, buf))
		return NULL;
	return xstrdup(buf);
}

/* Resolves a probe's binary name to a malloc'd absolute path: a path, a
 * program on PATH, a library, or a file in the current directory. */
char *gobin_resolve_path(const char *name)
{
	if (!name || !*name) {
		errno = EINVAL;
		return NULL;
	}
	if (strchr(name, '/'))
		return absolute(name);

	const char *path = getenv("PATH");
	if (!path || !*path)
		path = "/usr/local/bin:/usr/bin:/bin";
	for (const char *p = path; *p;) {
		const char *colon = strchr(p, ':');
		size_t n = colon ? (size_t)(colon - p) : strlen(p);
		if (n) {
			char *cand = xasprintf("%.*s/%s", (int)n, p, name);
			if (is_exec_file(cand)) {
				char *abs = absolute(cand);
				free(cand);
				if (abs)
					return abs;
			} else {
				free(cand);
			}
		}
		p += n + (colon ? 1 : 0);
	}

	size_t len;
	char *cache = read_file("/etc/ld.so.cache", &len);
	if (cache) {
		char *hit = gobin_ldcache_lookup((const uint8_t *)cache, len,
						 name);
		free(cache);
		if (hit && access(hit, R_OK) == 0)
			return hit;
		free(hit);
	}
	char *hit = scan_lib_dirs(name);
	if (hit)
		return hit;
	/* Last, a file of that name in the current directory (as bpftrace
	 * does); gobin_open then says what is wrong with it, if anything. */
	struct stat st;
	if (lstat(name, &st) == 0)
		return absolute(name);
	errno = ENOENT;
	return NULL;
}
