/* hashmap.c - two small open-addressing hash maps: function names to
 * indexes, and DWARF offsets to decoded types. */
#include <stdlib.h>
#include <string.h>

#include "golang/internal.h"

/* Hashes s eight bytes at a time (names are long and share prefixes). */
static uint64_t str_hash(const char *s)
{
	size_t n = strlen(s);
	uint64_t h = 0x9e3779b97f4a7c15ull ^ n, w;

	for (; n >= 8; n -= 8, s += 8) {
		memcpy(&w, s, 8);
		h = (h ^ w) * 0xbf58476d1ce4e5b9ull;
		h ^= h >> 31;
	}
	w = 0;
	memcpy(&w, s, n);
	h = (h ^ w) * 0x94d049bb133111ebull;
	h ^= h >> 29;
	h *= 0xbf58476d1ce4e5b9ull;
	return h ^ (h >> 32);
}

/* A 64-bit mix (splitmix64's finalizer). */
static uint64_t u64_hash(uint64_t x)
{
	x ^= x >> 30;
	x *= 0xbf58476d1ce4e5b9ull;
	x ^= x >> 27;
	x *= 0x94d049bb133111ebull;
	return x ^ (x >> 31);
}

/* Makes the table hold ncap slots (a power of two) and re-inserts every
 * key. */
static void strmap_resize(struct strmap *m, size_t ncap)
{
	struct strslot *slots = xcalloc(ncap, sizeof(*slots));

	for (size_t i = 0; i < m->cap; i++) {
		if (!m->slots[i].key)
			continue;
		size_t j = m->slots[i].hash & (ncap - 1);
		while (slots[j].key)
			j = (j + 1) & (ncap - 1);
		slots[j] = m->slots[i];
	}
	free(m->slots);
	m->slots = slots;
	m->cap = ncap;
}

/* Makes room for n keys in all, so that inserting them never rehashes. */
void strmap_reserve(struct strmap *m, size_t n)
{
	size_t cap = 64;

	while (cap < 2 * n + 2)
		cap *= 2;
	if (cap > m->cap)
		strmap_resize(m, cap);
}

/* Inserts key -> val unless key is present. */
bool strmap_put(struct strmap *m, const char *key, uint32_t val)
{
	uint64_t h = str_hash(key);

	if ((m->n + 1) * 2 > m->cap)
		strmap_resize(m, m->cap ? m->cap * 2 : 64);
	size_t j = h & (m->cap - 1);
	while (m->slots[j].key) {
		if (m->slots[j].hash == h && strcmp(m->slots[j].key, key) == 0)
			return false;
		j = (j + 1) & (m->cap - 1);
	}
	m->slots[j].key = key;
	m->slots[j].val = val;
	m->slots[j].hash = h;
	m->n++;
	return true;
}

/* Looks key up. */
bool strmap_get(const struct strmap *m, const char *key, uint32_t *val)
{
	if (!m->cap)
		return false;
	uint64_t h = str_hash(key);
	size_t j = h & (m->cap - 1);
	while (m->slots[j].key) {
		if (m->slots[j].hash == h &&
		    strcmp(m->slots[j].key, key) == 0) {
			*val = m->slots[j].val;
			return true;
		}
		j = (j + 1) & (m->cap - 1);
	}
	return false;
}

void strmap_free(struct strmap *m)
{
	free(m->slots);
	memset(m, 0, sizeof(*m));
}

/* Doubles the table; key 0 is not used by callers and marks a free slot
 * (keys are stored +1 so that 0 stays usable). */
static void u64map_grow(struct u64map *m)
{
	size_t ncap = m->cap ? m->cap * 2 : 64;
	uint64_t *keys = xcalloc(ncap, sizeof(*keys));
	void **vals = xcalloc(ncap, sizeof(*vals));

	for (size_t i = 0; i < m->cap; i++) {
		if (!m->keys[i])
			continue;
		size_t j = u64_hash(m->keys[i]) & (ncap - 1);
		while (keys[j])
			j = (j + 1) & (ncap - 1);
		keys[j] = m->keys[i];
		vals[j] = m->vals[i];
	}
	free(m->keys);
	free(m->vals);
	m->keys = keys;
	m->vals = vals;
	m->cap = ncap;
}

/* Sets key -> val, replacing an older value. */
void u64map_put(struct u64map *m, uint64_t key, void *val)
{
	uint64_t k = key + 1;

	if ((m->n + 1) * 2 > m->cap)
		u64map_grow(m);
	size_t j = u64_hash(k) & (m->cap - 1);
	while (m->keys[j]) {
		if (m->keys[j] == k) {
			m->vals[j] = val;
			return;
		}
		j = (j + 1) & (m->cap - 1);
	}
	m->keys[j] = k;
	m->vals[j] = val;
	m->n++;
}

/* The value of key, or NULL. */
void *u64map_get(const struct u64map *m, uint64_t key)
{
	uint64_t k = key + 1;

	if (!m->cap)
		return NULL;
	size_t j = u64_hash(k) & (m->cap - 1);
	while (m->keys[j]) {
		if (m->keys[j] == k)
			return m->vals[j];
		j = (j + 1) & (m->cap - 1);
	}
	return NULL;
}

void u64map_free(struct u64map *m)
{
	free(m->keys);
	free(m->vals);
	memset(m, 0, sizeof(*m));
}
