/*
 * drvlint reduced-mode stand-in: spinlocks, rwlocks, mutexes, semaphores,
 * rw-semaphores, RCU, irq/bh/preempt control, lockdep assertions and the
 * scope-based guard()/scoped_guard() helpers.
 *
 * drvlint's own minimal declarations for parsing drivers without kernel
 * headers; NOT the Linux kernel's header.  Every lock operation is a plain
 * prototype so each acquire/release is a real call expression.  The
 * *_irqsave variants take `flags` by value (the kernel macro assigns it).
 */
#ifndef DRVLINT_LOCK_H
#define DRVLINT_LOCK_H

#define SINGLE_DEPTH_NESTING 1
struct lock_class_key {
	int __drvlint_unused;
};
typedef struct raw_spinlock {
	unsigned int raw_lock;
} raw_spinlock_t;
typedef struct spinlock {
	raw_spinlock_t rlock;
} spinlock_t;
typedef struct {
	unsigned int raw_lock;
} rwlock_t;
struct mutex {
	atomic_long_t owner;
	raw_spinlock_t wait_lock;
	struct list_head wait_list;
};
struct semaphore {
	raw_spinlock_t lock;
	unsigned int count;
	struct list_head wait_list;
};
struct rw_semaphore {
	atomic_long_t count, owner;
	raw_spinlock_t wait_lock;
	struct list_head wait_list;
};
typedef struct seqcount {
	unsigned int sequence;
} seqcount_t;
typedef struct {
	seqcount_t seqcount;
	spinlock_t lock;
} seqlock_t;

#define __RAW_SPIN_LOCK_UNLOCKED(name) { 0 }
#define __SPIN_LOCK_UNLOCKED(name) { .rlock = { 0 } }
#define __RW_LOCK_UNLOCKED(name) { 0 }
#define __MUTEX_INITIALIZER(name) { .wait_list = LIST_HEAD_INIT((name).wait_list) }
#define __SEMAPHORE_INITIALIZER(name, n) { .count = (n), .wait_list = LIST_HEAD_INIT((name).wait_list) }
#define DEFINE_RAW_SPINLOCK(name) raw_spinlock_t name = __RAW_SPIN_LOCK_UNLOCKED(name)
#define DEFINE_SPINLOCK(name) spinlock_t name = __SPIN_LOCK_UNLOCKED(name)
#define DEFINE_RWLOCK(name) rwlock_t name = __RW_LOCK_UNLOCKED(name)
#define DEFINE_MUTEX(name) struct mutex name = __MUTEX_INITIALIZER(name)
#define DEFINE_SEMAPHORE(name, ...) struct semaphore name = __SEMAPHORE_INITIALIZER(name, 1)
#define DECLARE_RWSEM(name) struct rw_semaphore name = { .wait_list = LIST_HEAD_INIT((name).wait_list) }
#define DEFINE_SEQLOCK(name) seqlock_t name = { 0 }

/* ---- spinlocks ------------------------------------------------------ */
void spin_lock_init(spinlock_t *lock);
void spin_lock(spinlock_t *lock);
void spin_unlock(spinlock_t *lock);
void spin_lock_bh(spinlock_t *lock);
void spin_unlock_bh(spinlock_t *lock);
void spin_lock_irq(spinlock_t *lock);
void spin_unlock_irq(spinlock_t *lock);
void spin_lock_irqsave(spinlock_t *lock, unsigned long flags);
void spin_unlock_irqrestore(spinlock_t *lock, unsigned long flags);
void spin_lock_nested(spinlock_t *lock, int subclass);
void spin_lock_irqsave_nested(spinlock_t *lock, unsigned long flags, int subclass);
void spin_lock_bh_nested(spinlock_t *lock, int subclass);
int spin_trylock(spinlock_t *lock);
int spin_trylock_bh(spinlock_t *lock);
int spin_trylock_irq(spinlock_t *lock);
int spin_trylock_irqsave(spinlock_t *lock, unsigned long flags);
int spin_is_locked(spinlock_t *lock);
int spin_is_contended(spinlock_t *lock);
void assert_spin_locked(spinlock_t *lock);
void raw_spin_lock_init(raw_spinlock_t *lock);
void raw_spin_lock(raw_spinlock_t *lock);
void raw_spin_unlock(raw_spinlock_t *lock);
void raw_spin_lock_irq(raw_spinlock_t *lock);
void raw_spin_unlock_irq(raw_spinlock_t *lock);
void raw_spin_lock_irqsave(raw_spinlock_t *lock, unsigned long flags);
void raw_spin_unlock_irqrestore(raw_spinlock_t *lock, unsigned long flags);
void raw_spin_lock_bh(raw_spinlock_t *lock);
void raw_spin_unlock_bh(raw_spinlock_t *lock);
int raw_spin_trylock(raw_spinlock_t *lock);

/* ---- rwlocks -------------------------------------------------------- */
void rwlock_init(rwlock_t *lock);
void read_lock(rwlock_t *lock);
void read_unlock(rwlock_t *lock);
void read_lock_bh(rwlock_t *lock);
void read_unlock_bh(rwlock_t *lock);
void read_lock_irq(rwlock_t *lock);
void read_unlock_irq(rwlock_t *lock);
void read_lock_irqsave(rwlock_t *lock, unsigned long flags);
void read_unlock_irqrestore(rwlock_t *lock, unsigned long flags);
void write_lock(rwlock_t *lock);
void write_unlock(rwlock_t *lock);
void write_lock_bh(rwlock_t *lock);
void write_unlock_bh(rwlock_t *lock);
void write_lock_irq(rwlock_t *lock);
void write_unlock_irq(rwlock_t *lock);
void write_lock_irqsave(rwlock_t *lock, unsigned long flags);
void write_unlock_irqrestore(rwlock_t *lock, unsigned long flags);
int read_trylock(rwlock_t *lock);
int write_trylock(rwlock_t *lock);

/* ---- seqlocks ------------------------------------------------------- */
void seqlock_init(seqlock_t *sl);
unsigned int read_seqbegin(const seqlock_t *sl);
unsigned int read_seqretry(const seqlock_t *sl, unsigned int start);
void write_seqlock(seqlock_t *sl);
void write_sequnlock(seqlock_t *sl);
void write_seqlock_irqsave(seqlock_t *sl, unsigned long flags);
void write_sequnlock_irqrestore(seqlock_t *sl, unsigned long flags);

/* ---- mutexes -------------------------------------------------------- */
void mutex_init(struct mutex *lock);
void mutex_destroy(struct mutex *lock);
void mutex_lock(struct mutex *lock);
void mutex_lock_nested(struct mutex *lock, unsigned int subclass);
void mutex_lock_io(struct mutex *lock);
int __must_check mutex_lock_interruptible(struct mutex *lock);
int __must_check mutex_lock_interruptible_nested(struct mutex *lock, unsigned int subclass);
int __must_check mutex_lock_killable(struct mutex *lock);
int __must_check mutex_lock_killable_nested(struct mutex *lock, unsigned int subclass);
int mutex_trylock(struct mutex *lock);
void mutex_unlock(struct mutex *lock);
bool mutex_is_locked(struct mutex *lock);
int atomic_dec_and_mutex_lock(atomic_t *cnt, struct mutex *lock);

/* ---- semaphores ----------------------------------------------------- */
void sema_init(struct semaphore *sem, int val);
void down(struct semaphore *sem);
int __must_check down_interruptible(struct semaphore *sem);
int __must_check down_killable(struct semaphore *sem);
int __must_check down_trylock(struct semaphore *sem);
int __must_check down_timeout(struct semaphore *sem, long jiffies);
void up(struct semaphore *sem);

/* ---- rw-semaphores -------------------------------------------------- */
void init_rwsem(struct rw_semaphore *sem);
void down_read(struct rw_semaphore *sem);
void down_read_nested(struct rw_semaphore *sem, int subclass);
int __must_check down_read_interruptible(struct rw_semaphore *sem);
int __must_check down_read_killable(struct rw_semaphore *sem);
int down_read_trylock(struct rw_semaphore *sem);
void up_read(struct rw_semaphore *sem);
void down_write(struct rw_semaphore *sem);
void down_write_nested(struct rw_semaphore *sem, int subclass);
int __must_check down_write_killable(struct rw_semaphore *sem);
int down_write_trylock(struct rw_semaphore *sem);
void up_write(struct rw_semaphore *sem);
void downgrade_write(struct rw_semaphore *sem);
int rwsem_is_locked(struct rw_semaphore *sem);

/* ---- RCU ------------------------------------------------------------ */
void rcu_read_lock(void);
void rcu_read_unlock(void);
void rcu_read_lock_bh(void);
void rcu_read_unlock_bh(void);
void rcu_read_lock_sched(void);
void rcu_read_unlock_sched(void);
void synchronize_rcu(void);
void rcu_barrier(void);
void call_rcu(struct rcu_head *head, void (*func)(struct rcu_head *head));
/* rcu_dereference(p) -> call named rcu_dereference, cast back to p's type */
void *rcu_dereference(const volatile void *p);
void *rcu_dereference_bh(const volatile void *p);
void *rcu_dereference_raw(const volatile void *p);
void *rcu_dereference_protected(const volatile void *p, bool c);
void *rcu_access_pointer(const volatile void *p);
void rcu_assign_pointer(void *pp, const volatile void *v);
void kfree_rcu(const void *ptr);
void kvfree_rcu(const void *ptr);
#define rcu_dereference(p) ((__typeof__(p))rcu_dereference(p))
#define rcu_dereference_bh(p) ((__typeof__(p))rcu_dereference_bh(p))
#define rcu_dereference_raw(p) ((__typeof__(p))rcu_dereference_raw(p))
#define rcu_dereference_check(p, c) ((__typeof__(p))rcu_dereference(p))
#define rcu_dereference_protected(p, c) ((__typeof__(p))rcu_dereference_protected((p), (c)))
#define rcu_access_pointer(p) ((__typeof__(p))rcu_access_pointer(p))
#define rcu_assign_pointer(p, v) rcu_assign_pointer(&(p), (v))
#define RCU_INIT_POINTER(p, v) do { (p) = (v); } while (0)
#define kfree_rcu(ptr, ...) kfree_rcu(ptr)
#define kvfree_rcu(ptr, ...) kvfree_rcu(ptr)
bool rcu_read_lock_held(void);

/* ---- SRCU (sleepable RCU): one read-side "lock" per srcu_struct ---- */
struct srcu_struct {
	unsigned int srcu_idx;
	struct list_head __drvlint_readers;
};
#define DEFINE_SRCU(name) struct srcu_struct name = { 0 }
#define DEFINE_STATIC_SRCU(name) static struct srcu_struct name = { 0 }
int init_srcu_struct(struct srcu_struct *ssp);
void cleanup_srcu_struct(struct srcu_struct *ssp);
int srcu_read_lock(struct srcu_struct *ssp);
void srcu_read_unlock(struct srcu_struct *ssp, int idx);
int srcu_read_lock_held(const struct srcu_struct *ssp);
void synchronize_srcu(struct srcu_struct *ssp);
void synchronize_srcu_expedited(struct srcu_struct *ssp);
void srcu_barrier(struct srcu_struct *ssp);
void call_srcu(struct srcu_struct *ssp, struct rcu_head *head, void (*func)(struct rcu_head *head));
/*
 * srcu_dereference(p, ssp) -> call named srcu_dereference, cast back to p's
 * type.  ssp is only looked at by lockdep, so (as in a non-lockdep kernel
 * build) it is not passed on: the srcu_struct is not handed to a call here.
 */
void *srcu_dereference(const volatile void *p);
#define srcu_dereference(p, ssp) ((__typeof__(p))srcu_dereference(p))
#define srcu_dereference_check(p, ssp, c) ((__typeof__(p))srcu_dereference(p))

/* ---- interrupt / bottom-half / preemption control ------------------- */
void local_irq_disable(void);
void local_irq_enable(void);
void local_irq_save(unsigned long flags);
void local_irq_restore(unsigned long flags);
void local_save_flags(unsigned long flags);
void local_bh_disable(void);
void local_bh_enable(void);
void preempt_disable(void);
void preempt_enable(void);
void preempt_enable_no_resched(void);
void migrate_disable(void);
void migrate_enable(void);
int irqs_disabled(void);
bool in_interrupt(void);
bool in_irq(void);
bool in_hardirq(void);
bool in_softirq(void);
bool in_serving_softirq(void);
bool in_atomic(void);
/* in_task() and preemptible() test the preemption count, as the kernel's macros do */
int preempt_count(void);
#define in_task() (!(preempt_count() & 0x1fff00))
#define preemptible() (preempt_count() == 0 && !irqs_disabled())
int smp_processor_id(void);
int raw_smp_processor_id(void);
int get_cpu(void);
void put_cpu(void);
#define for_each_possible_cpu(cpu) for ((cpu) = 0; (cpu) < 1; (cpu)++)
#define for_each_online_cpu(cpu) for ((cpu) = 0; (cpu) < 1; (cpu)++)
#define DEFINE_PER_CPU(type, name) __typeof__(type) name
#define DECLARE_PER_CPU(type, name) extern __typeof__(type) name
#define per_cpu(var, cpu) (var)
#define per_cpu_ptr(ptr, cpu) (ptr)
#define this_cpu_ptr(ptr) (ptr)
#define raw_cpu_ptr(ptr) (ptr)
#define get_cpu_ptr(ptr) (ptr)
#define put_cpu_ptr(ptr) ((void)(ptr))
#define this_cpu_inc(v) ((v)++)
#define this_cpu_add(v, n) ((v) += (n))
#define this_cpu_read(v) (v)
void *__alloc_percpu(size_t size, size_t align);
void *alloc_percpu_gfp(size_t size, gfp_t gfp);
#define alloc_percpu(type) ((type *)__alloc_percpu(sizeof(type), __alignof__(type)))
#define alloc_percpu_gfp(type, gfp) ((type *)alloc_percpu_gfp(sizeof(type), (gfp)))
#define devm_alloc_percpu(dev, type) ((type *)__alloc_percpu(sizeof(type), __alignof__(type)))
void free_percpu(void *ptr);

/* lockdep: any lock pointer is accepted */
void lockdep_assert_held(const volatile void *lock);
void lockdep_assert_held_once(const volatile void *lock);
void lockdep_assert_not_held(const volatile void *lock);
void lockdep_assert_held_write(const volatile void *lock);
void lockdep_assert_held_read(const volatile void *lock);
int lockdep_is_held(const volatile void *lock);
void lockdep_set_class(const volatile void *lock, struct lock_class_key *key);
void lockdep_set_subclass(const volatile void *lock, unsigned int subclass);
void lockdep_set_novalidate_class(const volatile void *lock);
void lockdep_register_key(struct lock_class_key *key);
void lockdep_unregister_key(struct lock_class_key *key);
void lockdep_assert_irqs_disabled(void);
void lockdep_assert_irqs_enabled(void);
void might_lock(const volatile void *lock);
#define lockdep_set_class_and_name(lock, key, name) lockdep_set_class(lock, key)

/* ---- scope-based cleanup: guard() / scoped_guard() / __free() --------
 *
 * guard(name)(args) declares a variable of type class_<name>_t that is
 * initialised by class_<name>_constructor(args) and carries
 * __attribute__((cleanup(class_<name>_destructor))).  The constructors
 * and destructors are trivial static inline stubs that call the matching
 * lock/unlock prototype, so an analyser can follow them.
 * scoped_guard(name, args) { ... } is a one-shot for-loop around such a
 * variable.
 */
#define __cleanup(func) __attribute__((__cleanup__(func)))
#define __DRVLINT_GUARD_VAR(n) __DRVLINT_CAT(__drvlint_guard_, n)
#define guard(name) \
	class_##name##_t __DRVLINT_GUARD_VAR(__COUNTER__) \
	__cleanup(class_##name##_destructor) = class_##name##_constructor
#define __drvlint_scoped_guard(name, var, done, ...) \
	for (class_##name##_t var __cleanup(class_##name##_destructor) = \
	     class_##name##_constructor(__VA_ARGS__), *done = NULL; \
	     !done; done = (void *)1)
#define __drvlint_scoped_guard_n(name, n, ...) \
	__drvlint_scoped_guard(name, __DRVLINT_CAT(__drvlint_scope_, n), \
			       __DRVLINT_CAT(__drvlint_done_, n), __VA_ARGS__)
#define scoped_guard(name, ...) __drvlint_scoped_guard_n(name, __COUNTER__, __VA_ARGS__)

/* A guard whose state is just the lock pointer. */
#define DEFINE_GUARD(name, type, lock, unlock) \
	typedef type class_##name##_t; \
	static inline void class_##name##_destructor(type *__drvlint_p) \
	{ type _T = *__drvlint_p; if (_T) { unlock; } } \
	static inline type class_##name##_constructor(type _T) \
	{ lock; return _T; }
/* A guard that must remember irq flags next to the lock pointer. */
#define __DRVLINT_DEFINE_FLAGS_GUARD(name, ltype, lockfn, unlockfn) \
	typedef struct { ltype *lock; unsigned long flags; } class_##name##_t; \
	static inline void class_##name##_destructor(class_##name##_t *_T) \
	{ if (_T->lock) unlockfn(_T->lock, _T->flags); } \
	static inline class_##name##_t class_##name##_constructor(ltype *l) \
	{ class_##name##_t _t = { .lock = l, .flags = 0 }; lockfn(l, _t.flags); return _t; }
/* A guard without arguments (rcu, irq, preempt). */
#define __DRVLINT_DEFINE_VOID_GUARD(name, lockfn, unlockfn) \
	typedef int class_##name##_t; \
	static inline void class_##name##_destructor(class_##name##_t *_T) \
	{ (void)_T; unlockfn(); } \
	static inline class_##name##_t class_##name##_constructor(void) \
	{ lockfn(); return 1; }
#define DEFINE_LOCK_GUARD_1(name, type, lock, unlock, ...) DEFINE_GUARD(name, type *, lock, unlock)
#define DEFINE_LOCK_GUARD_0(name, lock, unlock, ...) \
	__DRVLINT_DEFINE_VOID_GUARD(name, lock, unlock)

DEFINE_GUARD(mutex, struct mutex *, mutex_lock(_T), mutex_unlock(_T))
DEFINE_GUARD(spinlock, spinlock_t *, spin_lock(_T), spin_unlock(_T))
DEFINE_GUARD(spinlock_irq, spinlock_t *, spin_lock_irq(_T), spin_unlock_irq(_T))
DEFINE_GUARD(spinlock_bh, spinlock_t *, spin_lock_bh(_T), spin_unlock_bh(_T))
DEFINE_GUARD(raw_spinlock, raw_spinlock_t *, raw_spin_lock(_T), raw_spin_unlock(_T))
DEFINE_GUARD(raw_spinlock_irq, raw_spinlock_t *, raw_spin_lock_irq(_T), raw_spin_unlock_irq(_T))
DEFINE_GUARD(read_lock, rwlock_t *, read_lock(_T), read_unlock(_T))
DEFINE_GUARD(write_lock, rwlock_t *, write_lock(_T), write_unlock(_T))
DEFINE_GUARD(read_lock_bh, rwlock_t *, read_lock_bh(_T), read_unlock_bh(_T))
DEFINE_GUARD(write_lock_bh, rwlock_t *, write_lock_bh(_T), write_unlock_bh(_T))
DEFINE_GUARD(rwsem_read, struct rw_semaphore *, down_read(_T), up_read(_T))
DEFINE_GUARD(rwsem_write, struct rw_semaphore *, down_write(_T), up_write(_T))
DEFINE_GUARD(semaphore, struct semaphore *, down(_T), up(_T))
__DRVLINT_DEFINE_FLAGS_GUARD(spinlock_irqsave, spinlock_t, spin_lock_irqsave, spin_unlock_irqrestore)
__DRVLINT_DEFINE_FLAGS_GUARD(raw_spinlock_irqsave, raw_spinlock_t, raw_spin_lock_irqsave, raw_spin_unlock_irqrestore)
__DRVLINT_DEFINE_FLAGS_GUARD(read_lock_irqsave, rwlock_t, read_lock_irqsave, read_unlock_irqrestore)
__DRVLINT_DEFINE_FLAGS_GUARD(write_lock_irqsave, rwlock_t, write_lock_irqsave, write_unlock_irqrestore)
__DRVLINT_DEFINE_VOID_GUARD(rcu, rcu_read_lock, rcu_read_unlock)
typedef struct { unsigned long flags; } class_irqsave_t;
static inline void class_irqsave_destructor(class_irqsave_t *_T) { local_irq_restore(_T->flags); }
static inline class_irqsave_t class_irqsave_constructor(void)
{ class_irqsave_t _t = { 0 }; local_irq_save(_t.flags); return _t; }
__DRVLINT_DEFINE_VOID_GUARD(irq, local_irq_disable, local_irq_enable)
__DRVLINT_DEFINE_VOID_GUARD(preempt, preempt_disable, preempt_enable)
__DRVLINT_DEFINE_VOID_GUARD(migrate, migrate_disable, migrate_enable)

/* __free(name): pointer released by __free_<name>() at scope exit. */
#define __free(name) __cleanup(__free_##name)
#define DEFINE_FREE(name, type, free) \
	static inline void __free_##name(void *p) { type _T = *(type *)p; free; }
#define no_free_ptr(p) ({ __typeof__(p) __drvlint_p = (p); (p) = NULL; __drvlint_p; })
#define return_ptr(p) return no_free_ptr(p)

#endif /* DRVLINT_LOCK_H */
