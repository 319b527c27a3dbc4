/*
 * kernel/mm/memblock.c - the boot-time memory allocator.
 *
 * Fed from GRUB's memory map (kernel/mm/init.c), it answers the early
 * questions: where is RAM, what is taken, where can mem_map and the page
 * tables go. Each list is kept sorted and merged, so that a range added
 * twice or overlapping another is stored once. Pure range arithmetic:
 * host-tested in tests/host/test_memblock.c.
 *
 * Counterpart: Linux mm/memblock.c.
 */
#include <pagoda/gfp.h>
#include <pagoda/kernel.h>
#include <pagoda/memblock.h>
#include <pagoda/string.h>

#include <uapi/errno.h>

struct memblock memblock;

void
memblock_reset(void)
{
	memset(&memblock, 0, sizeof(memblock));
}

static void
remove_region(struct memblock_type *type, unsigned int i)
{
	memmove(&type->regions[i], &type->regions[i + 1],
		(type->cnt - i - 1) * sizeof(type->regions[0]));
	type->cnt--;
}

/*
 * memblock_add_range - add [start, end) to @type, merging it with every
 * region it overlaps or touches, so the list stays sorted and disjoint.
 */
static int
memblock_add_range(struct memblock_type *type, phys_addr_t start, phys_addr_t end)
{
	unsigned int i = 0;

	if (start >= end)
		return 0;
	/* Skip the regions wholly below; absorb the ones we overlap or touch. */
	while (i < type->cnt && type->regions[i].end < start)
		i++;
	while (i < type->cnt && type->regions[i].start <= end) {
		start = min(start, type->regions[i].start);
		end = max(end, type->regions[i].end);
		remove_region(type, i);
	}
	if (type->cnt >= MEMBLOCK_MAX_REGIONS)
		return -ENOMEM;
	memmove(&type->regions[i + 1], &type->regions[i],
		(type->cnt - i) * sizeof(type->regions[0]));
	type->regions[i] = (struct memblock_region){ start, end };
	type->cnt++;
	return 0;
}

int
memblock_add(phys_addr_t start, phys_addr_t end)
{
	return memblock_add_range(&memblock.memory, start, end);
}

int
memblock_reserve(phys_addr_t start, phys_addr_t end)
{
	return memblock_add_range(&memblock.reserved, start, end);
}

/*
 * for_each_free_range - call @fn(start, end, @arg) for each range of RAM that
 * no reservation covers, in ascending order. Both lists are sorted and
 * disjoint, so one pass over the reservations per RAM region suffices.
 */
static void
for_each_free_range(void (*fn)(phys_addr_t start, phys_addr_t end, void *arg), void *arg)
{
	for (unsigned int m = 0; m < memblock.memory.cnt; m++) {
		phys_addr_t start = memblock.memory.regions[m].start;
		phys_addr_t end = memblock.memory.regions[m].end;

		for (unsigned int r = 0; r < memblock.reserved.cnt && start < end; r++) {
			const struct memblock_region *res = &memblock.reserved.regions[r];

			if (res->end <= start)
				continue;
			if (res->start >= end)
				break;
			if (res->start > start)
				fn(start, res->start, arg);
			start = res->end;
		}
		if (start < end)
			fn(start, end, arg);
	}
}

/* What memblock_alloc() is looking for, and the best place found so far. */
struct alloc_request {
	phys_addr_t size, align, limit;
	phys_addr_t found; /* 0 until a place is found */
};

/* Ranges come in ascending order, so the last fit is the highest. */
static void
try_fit(phys_addr_t start, phys_addr_t end, void *arg)
{
	struct alloc_request *req = arg;

	end = min(end, req->limit);
	if (end < start + req->size)
		return;
	phys_addr_t at = ALIGN_DOWN(end - req->size, req->align);

	if (at >= start && at != 0)
		req->found = at;
}

phys_addr_t
memblock_alloc(phys_addr_t size, phys_addr_t align, phys_addr_t limit)
{
	struct alloc_request req = { size, align, limit, 0 };

	for_each_free_range(try_fit, &req);
	if (req.found && memblock_reserve(req.found, req.found + size) < 0)
		return 0;
	return req.found;
}

phys_addr_t
memblock_end_of_ram(void)
{
	unsigned int n = memblock.memory.cnt;

	return n ? memblock.memory.regions[n - 1].end : 0;
}

static phys_addr_t
total_size(const struct memblock_type *type)
{
	phys_addr_t sum = 0;

	for (unsigned int i = 0; i < type->cnt; i++)
		sum += type->regions[i].end - type->regions[i].start;
	return sum;
}

phys_addr_t
memblock_phys_mem_size(void)
{
	return total_size(&memblock.memory);
}

static void
count_free(phys_addr_t start, phys_addr_t end, void *arg)
{
	*(phys_addr_t *)arg += end - start;
}

/* Reserved bytes that are RAM (reservations may cover non-RAM too). */
phys_addr_t
memblock_reserved_size(void)
{
	phys_addr_t free = 0;

	for_each_free_range(count_free, &free);
	return memblock_phys_mem_size() - free;
}

static void
free_range_to_buddy(phys_addr_t start, phys_addr_t end, void *arg)
{
	unsigned long before = totalram_pages();

	free_memory_range(start, end);
	*(unsigned long *)arg += totalram_pages() - before;
}

unsigned long
memblock_free_all(void)
{
	unsigned long pages = 0;

	for_each_free_range(free_range_to_buddy, &pages);
	return pages;
}
