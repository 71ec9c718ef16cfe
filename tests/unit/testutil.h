/* testutil.h - what several unit tests need: the repository's root, and
 * the Go binaries that tests/gobins/fetch puts in build/gobins/ (or
 * $GOBINS), opened or skipped visibly (a SKIP line names the missing
 * file). Included after <cmocka.h> (and golang/gobin.h for the binaries);
 * every function is static inline, so a test that uses none of them pays
 * nothing. */
#ifndef GOTRACE_TESTUTIL_H
#define GOTRACE_TESTUTIL_H

#include <limits.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "util/util.h"

/* --- the repository ------------------------------------------------------ */

/* The nearest folder from start up that holds gotrace.c and docs/, copied
 * to root; false if there is none. */
static inline bool find_root_from(const char *start, char *root, size_t size)
{
	char dir[PATH_MAX];
	snprintf(dir, sizeof(dir), "%s", start);
	for (;;) {
		char probe[PATH_MAX + 32];
		snprintf(probe, sizeof(probe), "%s/gotrace.c", dir);
		if (access(probe, R_OK) == 0) {
			snprintf(probe, sizeof(probe), "%s/docs", dir);
			if (access(probe, R_OK) == 0) {
				snprintf(root, size, "%s", dir);
				return true;
			}
		}
		char *slash = strrchr(dir, '/');
		if (!slash || slash == dir)
			return false;
		*slash = '\0';
	}
}

/* The repository's root: found from the current directory, else from
 * where the test's executable is (build/tests/ in the repository); NULL
 * if neither is in it. Found once. */
static inline const char *repo_root(void)
{
	static char root[PATH_MAX];
	char dir[PATH_MAX];
	if (root[0])
		return root;
	if (getcwd(dir, sizeof(dir)) && find_root_from(dir, root, sizeof(root)))
		return root;
	ssize_t n = readlink("/proc/self/exe", dir, sizeof(dir) - 1);
	if (n > 0) {
		dir[n] = '\0';
		if (find_root_from(dir, root, sizeof(root)))
			return root;
	}
	root[0] = '\0';
	return NULL;
}

/* --- fetched Go binaries ------------------------------------------------- */

#ifdef GOTRACE_GOBIN_H
/* The path of a fetched binary (an absolute path stays as it is); NULL,
 * after a SKIP line, when it is not there. The caller frees it. */
static inline char *gobin_test_path(const char *name)
{
	const char *dir = getenv("GOBINS");
	char *p = name[0] == '/' ? xstrdup(name)
				 : xasprintf("%s/%s", dir ? dir : "build/gobins", name);
	if (access(p, R_OK) == 0)
		return p;
	print_message("SKIP: %s is missing (run tests/gobins/fetch)\n", p);
	free(p);
	return NULL;
}

/* One binary of each Go release gotrace reads, 1.16 to the newest
 * (esbuild from npm for the releases not built here), for tests that go
 * through them all with open_if_there:
 *   static const char *const names[] = { EVERY_RELEASE }; */
#define EVERY_RELEASE                                                                   \
	"esbuild-0.11.23" /* 1.16 */, "esbuild-0.13.15" /* 1.17 */,                     \
		"esbuild-0.14.40" /* 1.18 */, "small-go1.19", "esbuild-0.17.19" /* 1.20 */, \
		"small-go1.21", "small-go1.22", "small-go1.23", "small-go1.24",          \
		"small-go1.25", "small-go1.26", "small-go1.27", "esbuild-0.28.2"

/* A fetched binary, opened; NULL, after a SKIP line, when it is missing
 * (for tests that go through a list of releases). The test fails when it
 * is there but does not open. */
static inline struct gobin *open_if_there(const char *name)
{
	char *p = gobin_test_path(name), *err = NULL;
	struct gobin *b = NULL;
	if (!p)
		return NULL;
	int r = gobin_open(p, &b, &err);
	if (r)
		print_message("%s: %s\n", p, err);
	assert_int_equal(r, 0);
	free(err);
	free(p);
	return b;
}

/* A fetched binary, opened; the test skips when it is missing and fails
 * when it does not open. */
static inline struct gobin *open_or_skip(const char *name)
{
	struct gobin *b = open_if_there(name);
	if (!b)
		skip();
	return b;
}
#endif

#endif
