/*
 * drvlint reduced-mode stand-in: linked lists (list_head, hlist), kref,
 * kfifo and idr/ida basics.
 *
 * drvlint's own minimal declarations for parsing drivers without kernel
 * headers; NOT the Linux kernel's header.  Iteration helpers are macros
 * (they introduce for-loops); the list operations are prototypes.
 */
#ifndef DRVLINT_LIST_H
#define DRVLINT_LIST_H

struct list_head {
	struct list_head *next, *prev;
};
struct hlist_node {
	struct hlist_node *next, **pprev;
};
struct hlist_head {
	struct hlist_node *first;
};
struct rcu_head {
	struct rcu_head *next;
	void (*func)(struct rcu_head *head);
};
#define callback_head rcu_head

#define LIST_HEAD_INIT(name) { &(name), &(name) }
#define LIST_HEAD(name) struct list_head name = LIST_HEAD_INIT(name)
void INIT_LIST_HEAD(struct list_head *list);
void list_add(struct list_head *new, struct list_head *head);
void list_add_tail(struct list_head *new, struct list_head *head);
void list_del(struct list_head *entry);
void list_del_init(struct list_head *entry);
void list_replace(struct list_head *old, struct list_head *new);
void list_replace_init(struct list_head *old, struct list_head *new);
void list_move(struct list_head *list, struct list_head *head);
void list_move_tail(struct list_head *list, struct list_head *head);
int list_empty(const struct list_head *head);
int list_empty_careful(const struct list_head *head);
int list_is_singular(const struct list_head *head);
int list_is_last(const struct list_head *list, const struct list_head *head);
int list_is_first(const struct list_head *list, const struct list_head *head);
void list_splice(const struct list_head *list, struct list_head *head);
void list_splice_tail(struct list_head *list, struct list_head *head);
void list_splice_init(struct list_head *list, struct list_head *head);
void list_splice_tail_init(struct list_head *list, struct list_head *head);
void list_cut_position(struct list_head *list, struct list_head *head, struct list_head *entry);
void list_rotate_left(struct list_head *head);
size_t list_count_nodes(struct list_head *head);
void list_add_rcu(struct list_head *new, struct list_head *head);
void list_add_tail_rcu(struct list_head *new, struct list_head *head);
void list_del_rcu(struct list_head *entry);

#define list_entry(ptr, type, member) container_of(ptr, type, member)
#define list_first_entry(ptr, type, member) list_entry((ptr)->next, type, member)
#define list_last_entry(ptr, type, member) list_entry((ptr)->prev, type, member)
#define list_first_entry_or_null(ptr, type, member) \
	(list_empty(ptr) ? NULL : list_first_entry(ptr, type, member))
#define list_last_entry_or_null(ptr, type, member) \
	(list_empty(ptr) ? NULL : list_last_entry(ptr, type, member))
#define list_next_entry(pos, member) list_entry((pos)->member.next, __typeof__(*(pos)), member)
#define list_prev_entry(pos, member) list_entry((pos)->member.prev, __typeof__(*(pos)), member)
#define list_entry_is_head(pos, head, member) (&(pos)->member == (head))
#define list_for_each(pos, head) \
	for ((pos) = (head)->next; (pos) != (head); (pos) = (pos)->next)
#define list_for_each_prev(pos, head) \
	for ((pos) = (head)->prev; (pos) != (head); (pos) = (pos)->prev)
#define list_for_each_safe(pos, n, head) \
	for ((pos) = (head)->next, (n) = (pos)->next; (pos) != (head); \
	     (pos) = (n), (n) = (pos)->next)
#define list_for_each_entry(pos, head, member) \
	for ((pos) = list_first_entry(head, __typeof__(*(pos)), member); \
	     !list_entry_is_head(pos, head, member); \
	     (pos) = list_next_entry(pos, member))
#define list_for_each_entry_reverse(pos, head, member) \
	for ((pos) = list_last_entry(head, __typeof__(*(pos)), member); \
	     !list_entry_is_head(pos, head, member); \
	     (pos) = list_prev_entry(pos, member))
#define list_for_each_entry_continue(pos, head, member) \
	for ((pos) = list_next_entry(pos, member); \
	     !list_entry_is_head(pos, head, member); \
	     (pos) = list_next_entry(pos, member))
#define list_for_each_entry_from(pos, head, member) \
	for (; !list_entry_is_head(pos, head, member); (pos) = list_next_entry(pos, member))
#define list_for_each_entry_safe(pos, n, head, member) \
	for ((pos) = list_first_entry(head, __typeof__(*(pos)), member), \
	     (n) = list_next_entry(pos, member); \
	     !list_entry_is_head(pos, head, member); \
	     (pos) = (n), (n) = list_next_entry(n, member))
#define list_for_each_entry_safe_reverse(pos, n, head, member) \
	for ((pos) = list_last_entry(head, __typeof__(*(pos)), member), \
	     (n) = list_prev_entry(pos, member); \
	     !list_entry_is_head(pos, head, member); \
	     (pos) = (n), (n) = list_prev_entry(n, member))
#define list_for_each_entry_rcu(pos, head, member, ...) list_for_each_entry(pos, head, member)

#define HLIST_HEAD_INIT { .first = NULL }
#define HLIST_HEAD(name) struct hlist_head name = { .first = NULL }
#define INIT_HLIST_HEAD(ptr) ((ptr)->first = NULL)
void INIT_HLIST_NODE(struct hlist_node *h);
int hlist_empty(const struct hlist_head *h);
int hlist_unhashed(const struct hlist_node *h);
void hlist_add_head(struct hlist_node *n, struct hlist_head *h);
void hlist_add_head_rcu(struct hlist_node *n, struct hlist_head *h);
void hlist_del(struct hlist_node *n);
void hlist_del_init(struct hlist_node *n);
void hlist_del_rcu(struct hlist_node *n);
#define hlist_entry(ptr, type, member) container_of(ptr, type, member)
#define hlist_entry_safe(ptr, type, member) \
	({ __typeof__(ptr) __drvlint_hp = (ptr); \
	   __drvlint_hp ? hlist_entry(__drvlint_hp, type, member) : NULL; })
#define hlist_for_each(pos, head) for ((pos) = (head)->first; (pos); (pos) = (pos)->next)
#define hlist_for_each_safe(pos, n, head) \
	for ((pos) = (head)->first; (pos) && ({ (n) = (pos)->next; 1; }); (pos) = (n))
#define hlist_for_each_entry(pos, head, member) \
	for ((pos) = hlist_entry_safe((head)->first, __typeof__(*(pos)), member); (pos); \
	     (pos) = hlist_entry_safe((pos)->member.next, __typeof__(*(pos)), member))
#define hlist_for_each_entry_safe(pos, n, head, member) \
	for ((pos) = hlist_entry_safe((head)->first, __typeof__(*(pos)), member); \
	     (pos) && ({ (n) = (pos)->member.next; 1; }); \
	     (pos) = hlist_entry_safe(n, __typeof__(*(pos)), member))
#define hlist_for_each_entry_rcu(pos, head, member, ...) hlist_for_each_entry(pos, head, member)

/* ---- kref ----------------------------------------------------------- */
struct kref {
	refcount_t refcount;
};
#define KREF_INIT(n) { .refcount = REFCOUNT_INIT(n) }
void kref_init(struct kref *kref);
void kref_get(struct kref *kref);
int kref_put(struct kref *kref, void (*release)(struct kref *kref));
int kref_get_unless_zero(struct kref *kref);
unsigned int kref_read(const struct kref *kref);

/* ---- kfifo: one untyped fifo type; operations take a pointer -------- */
struct kfifo {
	unsigned int in, out, mask, esize;
	void *data;
};
#define DECLARE_KFIFO_PTR(fifo, type) struct kfifo fifo
#define DECLARE_KFIFO(fifo, type, size) struct kfifo fifo
#define DEFINE_KFIFO(fifo, type, size) struct kfifo fifo = { 0 }
#define STRUCT_KFIFO_PTR(type) struct kfifo
#define STRUCT_KFIFO(type, size) struct kfifo
#define INIT_KFIFO(fifo) kfifo_reset(&(fifo))
struct spinlock;
int kfifo_alloc(struct kfifo *fifo, unsigned int size, gfp_t gfp);
void kfifo_free(struct kfifo *fifo);
int kfifo_init(struct kfifo *fifo, void *buffer, unsigned int size);
void kfifo_reset(struct kfifo *fifo);
void kfifo_reset_out(struct kfifo *fifo);
unsigned int kfifo_len(struct kfifo *fifo);
unsigned int kfifo_avail(struct kfifo *fifo);
unsigned int kfifo_size(struct kfifo *fifo);
bool kfifo_is_empty(struct kfifo *fifo);
bool kfifo_is_full(struct kfifo *fifo);
bool kfifo_initialized(struct kfifo *fifo);
unsigned int kfifo_in(struct kfifo *fifo, const void *buf, unsigned int n);
unsigned int kfifo_out(struct kfifo *fifo, void *buf, unsigned int n);
unsigned int kfifo_out_peek(struct kfifo *fifo, void *buf, unsigned int n);
unsigned int kfifo_in_locked(struct kfifo *fifo, const void *buf, unsigned int n, struct spinlock *lock);
unsigned int kfifo_out_locked(struct kfifo *fifo, void *buf, unsigned int n, struct spinlock *lock);
unsigned int kfifo_in_spinlocked(struct kfifo *fifo, const void *buf, unsigned int n, struct spinlock *lock);
unsigned int kfifo_out_spinlocked(struct kfifo *fifo, void *buf, unsigned int n, struct spinlock *lock);
void kfifo_skip(struct kfifo *fifo);
int kfifo_to_user(struct kfifo *fifo, void __user *to, unsigned long len, unsigned int *copied);
int kfifo_from_user(struct kfifo *fifo, const void __user *from, unsigned long len, unsigned int *copied);
/* kfifo_put/get take a value / an lvalue pointer of the element type */
int kfifo_put(struct kfifo *fifo, unsigned long val);
#define kfifo_put(fifo, val) kfifo_put((fifo), (unsigned long)(val))
int kfifo_get(struct kfifo *fifo, void *val);
int kfifo_peek(struct kfifo *fifo, void *val);

/* ---- idr / ida ------------------------------------------------------ */
struct idr {
	void *idr_rt;
	unsigned int idr_base, idr_next;
};
struct ida {
	void *xa;
};
#define DEFINE_IDR(name) struct idr name = { 0 }
#define DEFINE_IDA(name) struct ida name = { 0 }
void idr_init(struct idr *idr);
int idr_alloc(struct idr *idr, void *ptr, int start, int end, gfp_t gfp);
int idr_alloc_cyclic(struct idr *idr, void *ptr, int start, int end, gfp_t gfp);
void *idr_find(const struct idr *idr, unsigned long id);
void *idr_remove(struct idr *idr, unsigned long id);
void *idr_replace(struct idr *idr, void *ptr, unsigned long id);
void idr_destroy(struct idr *idr);
void *idr_get_next(struct idr *idr, int *nextid);
#define idr_for_each_entry(idr, entry, id) \
	for ((id) = 0; ((entry) = idr_get_next((idr), &(id))) != NULL; (id) += 1U)
void ida_init(struct ida *ida);
int ida_alloc(struct ida *ida, gfp_t gfp);
int ida_alloc_range(struct ida *ida, unsigned int min, unsigned int max, gfp_t gfp);
int ida_alloc_max(struct ida *ida, unsigned int max, gfp_t gfp);
void ida_free(struct ida *ida, unsigned int id);
void ida_destroy(struct ida *ida);
int ida_simple_get(struct ida *ida, unsigned int start, unsigned int end, gfp_t gfp);
void ida_simple_remove(struct ida *ida, unsigned int id);

#endif /* DRVLINT_LIST_H */
