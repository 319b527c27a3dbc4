/*
 * include/pagoda/list.h - circular doubly linked lists, Linux's list_head.
 *
 * A struct list_head is embedded in the objects being listed; an empty
 * list is a head that points at itself. container_of() (kernel.h) gets
 * from the embedded node back to the object. The buddy allocator's free
 * lists are lists of struct page (page->lru).
 *
 * Counterpart: Linux include/linux/list.h.
 */
#ifndef PAGODA_LIST_H
#define PAGODA_LIST_H

#include <pagoda/kernel.h>

struct list_head {
	struct list_head *next;
	struct list_head *prev;
};

#define LIST_HEAD_INIT(name)                                                                       \
	{                                                                                          \
		&(name), &(name)                                                                   \
	}

static inline void
INIT_LIST_HEAD(struct list_head *list)
{
	list->next = list;
	list->prev = list;
}

static inline void
__list_add(struct list_head *node, struct list_head *prev, struct list_head *next)
{
	next->prev = node;
	node->next = next;
	node->prev = prev;
	prev->next = node;
}

/* list_add - insert @node right after @head (at the front: a stack). */
static inline void
list_add(struct list_head *node, struct list_head *head)
{
	__list_add(node, head, head->next);
}

/* list_add_tail - insert @node right before @head (at the back: a queue). */
static inline void
list_add_tail(struct list_head *node, struct list_head *head)
{
	__list_add(node, head->prev, head);
}

/* list_del - take @entry out of its list; it points nowhere afterwards. */
static inline void
list_del(struct list_head *entry)
{
	entry->next->prev = entry->prev;
	entry->prev->next = entry->next;
	entry->next = NULL;
	entry->prev = NULL;
}

/* list_del_init - take @entry out of its list; it is an empty list after. */
static inline void
list_del_init(struct list_head *entry)
{
	entry->next->prev = entry->prev;
	entry->prev->next = entry->next;
	entry->next = entry->prev = entry;
}

static inline bool
list_empty(const struct list_head *head)
{
	return head->next == head;
}

#define list_entry(ptr, type, member)	     container_of(ptr, type, member)
#define list_first_entry(head, type, member) list_entry((head)->next, type, member)

#define list_for_each(pos, head)	     for (pos = (head)->next; pos != (head); pos = pos->next)

#define list_for_each_entry(pos, head, member)                                                     \
	for (pos = list_entry((head)->next, __typeof__(*pos), member); &pos->member != (head);     \
	     pos = list_entry(pos->member.next, __typeof__(*pos), member))

/* The same, where the loop may take @pos out of the list (@n: the next). */
#define list_for_each_entry_safe(pos, n, head, member)                                             \
	for (pos = list_entry((head)->next, __typeof__(*pos), member),                             \
	    n = list_entry(pos->member.next, __typeof__(*pos), member);                            \
	     &pos->member != (head);                                                               \
	     pos = n, n = list_entry(n->member.next, __typeof__(*n), member))

#endif /* PAGODA_LIST_H */
