/* ring.c - reading the events ring buffer (BPF_MAP_TYPE_RINGBUF) from its
 * shared memory.
 *
 * The kernel's layout: a consumer page that only we write (the consumer
 * position), then a producer page (the producer position) followed by
 * the data. The kernel offers the data mapped twice in a row, so that a
 * record that wraps around the end reads as one piece; it is mapped once
 * here (the pages of a mapping count in gotrace's memory, 2 MiB each
 * time), and the rare record that wraps is copied into one piece. Each
 * record has an 8-byte header, never split: its length, with a busy bit
 * while the probe still fills it and a discard bit for a record given
 * up. Probes write them in the order they reserved them.
 *
 * libbpf's ring_buffer__consume reads everything there is, and goes on
 * while probes add more: under a load the consumer cannot keep up with,
 * it never returns. ring_drain reads what was there when it started, so
 * the loop gets back to Ctrl-C and the traced process between drains. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <linux/bpf.h>
#include <sys/mman.h>
#include <unistd.h>

#include "runtime/tracer.h"

int ring_open(struct ring *r, int map_fd, uint32_t size)
{
	long page = sysconf(_SC_PAGESIZE);
	r->fd = map_fd;
	r->size = size;
	r->page = (size_t)page;
	r->cons = mmap(NULL, r->page, PROT_READ | PROT_WRITE, MAP_SHARED, map_fd, 0);
	if (r->cons == MAP_FAILED) {
		r->cons = NULL;
		return -errno;
	}
	void *p = mmap(NULL, r->page + size, PROT_READ, MAP_SHARED, map_fd, page);
	if (p == MAP_FAILED) {
		int err = -errno;
		ring_close(r);
		return err;
	}
	r->prod = p;
	r->data = (const uint8_t *)p + r->page;
	return 0;
}

void ring_close(struct ring *r)
{
	if (r->cons)
		munmap(r->cons, r->page);
	if (r->prod)
		munmap((void *)r->prod, r->page + r->size);
	free(r->wrapped);
	r->wrapped = NULL;
	r->cons = NULL;
	r->prod = NULL;
	r->data = NULL;
}

long ring_drain(struct ring *r, void (*fn)(void *ctx, const void *data, uint32_t size), void *ctx)
{
	if (!r->cons)
		return 0;
	uint64_t cons = __atomic_load_n(r->cons, __ATOMIC_RELAXED);
	uint64_t prod = __atomic_load_n(r->prod, __ATOMIC_ACQUIRE);
	long n = 0;
	while (cons < prod) {
		const uint32_t *hdr = (const uint32_t *)(r->data + (cons & (r->size - 1)));
		uint32_t len = __atomic_load_n(hdr, __ATOMIC_ACQUIRE);
		if (len & BPF_RINGBUF_BUSY_BIT)
			break; /* still being written: the rest comes next time */
		uint32_t size = len & ~(BPF_RINGBUF_BUSY_BIT | BPF_RINGBUF_DISCARD_BIT);
		if (!(len & BPF_RINGBUF_DISCARD_BIT)) {
			size_t at = ((cons & (r->size - 1)) + BPF_RINGBUF_HDR_SZ) & (r->size - 1);
			const uint8_t *data = r->data + at;
			size_t first = r->size - at;
			if (size > first) { /* wraps around the end */
				r->wrapped = xrealloc(r->wrapped, size);
				memcpy(r->wrapped, data, first);
				memcpy(r->wrapped + first, r->data, size - first);
				data = r->wrapped;
			}
			fn(ctx, data, size);
			n++;
		}
		cons += ALIGN_UP(size + BPF_RINGBUF_HDR_SZ, 8);
		/* the space is the probes' again */
		__atomic_store_n(r->cons, cons, __ATOMIC_RELEASE);
	}
	return n;
}
