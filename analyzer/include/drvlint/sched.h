/*
 * drvlint reduced-mode stand-in: tasks and scheduling, wait queues,
 * completions, jiffies/ktime, timers, hrtimers, workqueues, tasklets,
 * kthreads, delays and user-space access (uaccess).
 *
 * drvlint's own minimal declarations for parsing drivers without kernel
 * headers; NOT the Linux kernel's header.  Kernel macros that take a
 * condition or an lvalue (wait_event*, get_user, ...) are modelled as a
 * macro that expands to a call of a function with the SAME name, so the
 * call expression keeps the written name and argument count.
 */
#ifndef DRVLINT_SCHED_H
#define DRVLINT_SCHED_H

/* ---- tasks ---------------------------------------------------------- */
#define TASK_COMM_LEN 16
struct task_struct {
	volatile long __state;
	pid_t pid, tgid;
	unsigned int flags;
	int prio;
	char comm[TASK_COMM_LEN];
	struct mm_struct *mm;
	void *stack;
};
struct task_struct *get_current(void);
#define current get_current()
#define TASK_RUNNING 0x0000
#define TASK_INTERRUPTIBLE 0x0001
#define TASK_UNINTERRUPTIBLE 0x0002
#define TASK_WAKEKILL 0x0100
#define TASK_NOLOAD 0x0400
#define TASK_KILLABLE (TASK_WAKEKILL | TASK_UNINTERRUPTIBLE)
#define TASK_IDLE (TASK_UNINTERRUPTIBLE | TASK_NOLOAD)
#define MAX_SCHEDULE_TIMEOUT LONG_MAX
void set_current_state(long state);
void __set_current_state(long state);
void schedule(void);
long schedule_timeout(long timeout);
long schedule_timeout_interruptible(long timeout);
long schedule_timeout_uninterruptible(long timeout);
long schedule_timeout_killable(long timeout);
long schedule_timeout_idle(long timeout);
void io_schedule(void);
int cond_resched(void);
void yield(void);
int wake_up_process(struct task_struct *tsk);
int signal_pending(struct task_struct *p);
int fatal_signal_pending(struct task_struct *p);
int send_sig(int sig, struct task_struct *p, int priv);
void allow_signal(int sig);
void flush_signals(struct task_struct *p);
pid_t task_pid_nr(struct task_struct *tsk);
pid_t task_pid_vnr(struct task_struct *tsk);
void get_task_struct(struct task_struct *t);
void put_task_struct(struct task_struct *t);
bool capable(int cap);
enum {
	CAP_NET_ADMIN = 12, CAP_SYS_RAWIO = 17, CAP_SYS_ADMIN = 21, CAP_SYS_TTY_CONFIG = 26,
	SIGKILL = 9, SIGTERM = 15, SIGIO = 29, SIGHUP = 1, SIGINT = 2, SIGUSR1 = 10,
};
struct task_struct *kthread_create(int (*threadfn)(void *data), void *data, const char *namefmt, ...);
struct task_struct *kthread_run(int (*threadfn)(void *data), void *data, const char *namefmt, ...);
int kthread_stop(struct task_struct *k);
bool kthread_should_stop(void);
bool kthread_should_park(void);
void kthread_parkme(void);
int kthread_park(struct task_struct *k);
void kthread_unpark(struct task_struct *k);
void kthread_bind(struct task_struct *k, unsigned int cpu);
void set_freezable(void);
bool try_to_freeze(void);
bool freezing(struct task_struct *p);

/* ---- delays --------------------------------------------------------- */
void msleep(unsigned int msecs);
unsigned long msleep_interruptible(unsigned int msecs);
void ssleep(unsigned int seconds);
void usleep_range(unsigned long min, unsigned long max);
void usleep_range_state(unsigned long min, unsigned long max, unsigned int state);
void fsleep(unsigned long usecs);
void udelay(unsigned long usecs);
void mdelay(unsigned long msecs);
void ndelay(unsigned long nsecs);

/* ---- jiffies and time ----------------------------------------------- */
#define HZ 250
extern volatile unsigned long jiffies;
extern u64 jiffies_64;
u64 get_jiffies_64(void);
unsigned long msecs_to_jiffies(const unsigned int m);
unsigned long usecs_to_jiffies(const unsigned int u);
unsigned long nsecs_to_jiffies(u64 n);
unsigned int jiffies_to_msecs(const unsigned long j);
unsigned int jiffies_to_usecs(const unsigned long j);
u64 jiffies_to_nsecs(const unsigned long j);
unsigned long round_jiffies(unsigned long j);
unsigned long round_jiffies_relative(unsigned long j);
unsigned long round_jiffies_up(unsigned long j);
unsigned long round_jiffies_up_relative(unsigned long j);
#define time_after(a, b) ((long)((b) - (a)) < 0)
#define time_before(a, b) time_after(b, a)
#define time_after_eq(a, b) ((long)((a) - (b)) >= 0)
#define time_before_eq(a, b) time_after_eq(b, a)
#define time_in_range(a, b, c) (time_after_eq(a, b) && time_before_eq(a, c))
#define time_is_after_jiffies(a) time_before(jiffies, a)
#define time_is_before_jiffies(a) time_after(jiffies, a)
#define time_is_after_eq_jiffies(a) time_before_eq(jiffies, a)
#define time_is_before_eq_jiffies(a) time_after_eq(jiffies, a)
#define time_after64(a, b) ((s64)((b) - (a)) < 0)
#define time_before64(a, b) time_after64(b, a)
#define MSEC_PER_SEC 1000L
#define USEC_PER_MSEC 1000L
#define NSEC_PER_USEC 1000L
#define NSEC_PER_MSEC 1000000L
#define USEC_PER_SEC 1000000L
#define NSEC_PER_SEC 1000000000L
#define KTIME_MAX ((s64)~((u64)1 << 63))
struct timespec64 {
	time64_t tv_sec;
	long tv_nsec;
};
ktime_t ktime_get(void);
ktime_t ktime_get_real(void);
ktime_t ktime_get_boottime(void);
ktime_t ktime_get_raw(void);
u64 ktime_get_ns(void);
u64 ktime_get_real_ns(void);
u64 ktime_get_boottime_ns(void);
u64 ktime_get_mono_fast_ns(void);
time64_t ktime_get_seconds(void);
time64_t ktime_get_real_seconds(void);
void ktime_get_ts64(struct timespec64 *ts);
void ktime_get_real_ts64(struct timespec64 *ts);
#define ktime_set(secs, nsecs) ((ktime_t)((s64)(secs) * NSEC_PER_SEC + (s64)(nsecs)))
#define ms_to_ktime(ms) ((ktime_t)((u64)(ms) * NSEC_PER_MSEC))
#define us_to_ktime(us) ((ktime_t)((u64)(us) * NSEC_PER_USEC))
#define ns_to_ktime(ns) ((ktime_t)(ns))
#define ktime_add(a, b) ((a) + (b))
#define ktime_sub(a, b) ((a) - (b))
#define ktime_add_ns(kt, ns) ((kt) + (ns))
#define ktime_add_us(kt, us) ((kt) + (s64)(us) * NSEC_PER_USEC)
#define ktime_add_ms(kt, ms) ((kt) + (s64)(ms) * NSEC_PER_MSEC)
#define ktime_to_ns(kt) ((s64)(kt))
#define ktime_to_us(kt) ((s64)(kt) / NSEC_PER_USEC)
#define ktime_to_ms(kt) ((s64)(kt) / NSEC_PER_MSEC)
#define ktime_us_delta(later, earlier) ktime_to_us((later) - (earlier))
#define ktime_ms_delta(later, earlier) ktime_to_ms((later) - (earlier))
#define ktime_compare(a, b) ((a) < (b) ? -1 : ((a) > (b) ? 1 : 0))
#define ktime_after(a, b) ((a) > (b))
#define ktime_before(a, b) ((a) < (b))
#define ktime_to_timespec64(kt) ((struct timespec64){ .tv_sec = (kt) / NSEC_PER_SEC, .tv_nsec = (kt) % NSEC_PER_SEC })
enum {
	CLOCK_REALTIME = 0, CLOCK_MONOTONIC = 1, CLOCK_BOOTTIME = 7, CLOCK_TAI = 11,
};

/* ---- wait queues ---------------------------------------------------- */
struct wait_queue_entry;
typedef int (*wait_queue_func_t)(struct wait_queue_entry *wq_entry, unsigned mode, int flags, void *key);
struct wait_queue_entry {
	unsigned int flags;
	void *private;
	wait_queue_func_t func;
	struct list_head entry;
};
typedef struct wait_queue_entry wait_queue_entry_t;
struct wait_queue_head {
	spinlock_t lock;
	struct list_head head;
};
typedef struct wait_queue_head wait_queue_head_t;
#define __WAIT_QUEUE_HEAD_INITIALIZER(name) { .head = LIST_HEAD_INIT((name).head) }
#define DECLARE_WAIT_QUEUE_HEAD(name) wait_queue_head_t name = __WAIT_QUEUE_HEAD_INITIALIZER(name)
#define DECLARE_WAIT_QUEUE_HEAD_ONSTACK(name) DECLARE_WAIT_QUEUE_HEAD(name)
#define DECLARE_WAITQUEUE(name, tsk) struct wait_queue_entry name = { .private = (tsk) }
#define DEFINE_WAIT(name) struct wait_queue_entry name = { .private = current }
#define DEFINE_WAIT_FUNC(name, function) struct wait_queue_entry name = { .private = current, .func = (function) }
void init_waitqueue_head(wait_queue_head_t *wq_head);
void init_waitqueue_entry(struct wait_queue_entry *wq_entry, struct task_struct *p);
void add_wait_queue(wait_queue_head_t *wq_head, struct wait_queue_entry *wq_entry);
void add_wait_queue_exclusive(wait_queue_head_t *wq_head, struct wait_queue_entry *wq_entry);
void remove_wait_queue(wait_queue_head_t *wq_head, struct wait_queue_entry *wq_entry);
void prepare_to_wait(wait_queue_head_t *wq_head, struct wait_queue_entry *wq_entry, int state);
void prepare_to_wait_exclusive(wait_queue_head_t *wq_head, struct wait_queue_entry *wq_entry, int state);
void finish_wait(wait_queue_head_t *wq_head, struct wait_queue_entry *wq_entry);
int waitqueue_active(wait_queue_head_t *wq_head);
bool wq_has_sleeper(wait_queue_head_t *wq_head);
void wake_up(wait_queue_head_t *wq_head);
void wake_up_nr(wait_queue_head_t *wq_head, int nr);
void wake_up_all(wait_queue_head_t *wq_head);
void wake_up_locked(wait_queue_head_t *wq_head);
void wake_up_interruptible(wait_queue_head_t *wq_head);
void wake_up_interruptible_all(wait_queue_head_t *wq_head);
void wake_up_interruptible_sync(wait_queue_head_t *wq_head);
void wake_up_poll(wait_queue_head_t *wq_head, __poll_t mask);
void wake_up_interruptible_poll(wait_queue_head_t *wq_head, __poll_t mask);
/* wait_event*(wq, cond, ...): call of the same name with &wq and cond */
void wait_event(wait_queue_head_t *wq_head, bool condition);
long wait_event_timeout(wait_queue_head_t *wq_head, bool condition, long timeout);
int wait_event_interruptible(wait_queue_head_t *wq_head, bool condition);
long wait_event_interruptible_timeout(wait_queue_head_t *wq_head, bool condition, long timeout);
int wait_event_interruptible_exclusive(wait_queue_head_t *wq_head, bool condition);
int wait_event_killable(wait_queue_head_t *wq_head, bool condition);
long wait_event_killable_timeout(wait_queue_head_t *wq_head, bool condition, long timeout);
void wait_event_idle(wait_queue_head_t *wq_head, bool condition);
long wait_event_idle_timeout(wait_queue_head_t *wq_head, bool condition, long timeout);
int wait_event_freezable(wait_queue_head_t *wq_head, bool condition);
void wait_event_lock_irq(wait_queue_head_t *wq_head, bool condition, spinlock_t *lock);
int wait_event_interruptible_lock_irq(wait_queue_head_t *wq_head, bool condition, spinlock_t *lock);
long wait_event_interruptible_lock_irq_timeout(wait_queue_head_t *wq_head, bool condition, spinlock_t *lock, long timeout);
#define wait_event(wq, cond) wait_event(&(wq), (cond))
#define wait_event_timeout(wq, cond, t) wait_event_timeout(&(wq), (cond), (t))
#define wait_event_interruptible(wq, cond) wait_event_interruptible(&(wq), (cond))
#define wait_event_interruptible_timeout(wq, cond, t) wait_event_interruptible_timeout(&(wq), (cond), (t))
#define wait_event_interruptible_exclusive(wq, cond) wait_event_interruptible_exclusive(&(wq), (cond))
#define wait_event_killable(wq, cond) wait_event_killable(&(wq), (cond))
#define wait_event_killable_timeout(wq, cond, t) wait_event_killable_timeout(&(wq), (cond), (t))
#define wait_event_idle(wq, cond) wait_event_idle(&(wq), (cond))
#define wait_event_idle_timeout(wq, cond, t) wait_event_idle_timeout(&(wq), (cond), (t))
#define wait_event_freezable(wq, cond) wait_event_freezable(&(wq), (cond))
#define wait_event_lock_irq(wq, cond, lock) wait_event_lock_irq(&(wq), (cond), &(lock))
#define wait_event_interruptible_lock_irq(wq, cond, lock) wait_event_interruptible_lock_irq(&(wq), (cond), &(lock))
#define wait_event_interruptible_lock_irq_timeout(wq, cond, lock, t) \
	wait_event_interruptible_lock_irq_timeout(&(wq), (cond), &(lock), (t))

/* ---- completions ---------------------------------------------------- */
struct completion {
	unsigned int done;
	wait_queue_head_t wait;
};
#define COMPLETION_INITIALIZER(work) { 0, __WAIT_QUEUE_HEAD_INITIALIZER((work).wait) }
#define COMPLETION_INITIALIZER_ONSTACK(work) COMPLETION_INITIALIZER(work)
#define DECLARE_COMPLETION(work) struct completion work = COMPLETION_INITIALIZER(work)
#define DECLARE_COMPLETION_ONSTACK(work) DECLARE_COMPLETION(work)
void init_completion(struct completion *x);
void reinit_completion(struct completion *x);
void complete(struct completion *x);
void complete_all(struct completion *x);
void wait_for_completion(struct completion *x);
void wait_for_completion_io(struct completion *x);
unsigned long wait_for_completion_timeout(struct completion *x, unsigned long timeout);
unsigned long wait_for_completion_io_timeout(struct completion *x, unsigned long timeout);
int wait_for_completion_interruptible(struct completion *x);
long wait_for_completion_interruptible_timeout(struct completion *x, unsigned long timeout);
int wait_for_completion_killable(struct completion *x);
long wait_for_completion_killable_timeout(struct completion *x, unsigned long timeout);
bool try_wait_for_completion(struct completion *x);
bool completion_done(struct completion *x);

/* ---- timers --------------------------------------------------------- */
struct timer_list {
	struct hlist_node entry;
	unsigned long expires;
	void (*function)(struct timer_list *t);
	u32 flags;
};
#define TIMER_DEFERRABLE 0x00080000
#define TIMER_PINNED 0x00100000
#define TIMER_IRQSAFE 0x00200000
#define DEFINE_TIMER(name, fn) struct timer_list name = { .function = (fn) }
#define from_timer(var, callback_timer, timer_fieldname) \
	container_of(callback_timer, __typeof__(*(var)), timer_fieldname)
void timer_setup(struct timer_list *timer, void (*func)(struct timer_list *t), unsigned int flags);
void timer_setup_on_stack(struct timer_list *timer, void (*func)(struct timer_list *t), unsigned int flags);
void destroy_timer_on_stack(struct timer_list *timer);
void add_timer(struct timer_list *timer);
int mod_timer(struct timer_list *timer, unsigned long expires);
int mod_timer_pending(struct timer_list *timer, unsigned long expires);
int timer_reduce(struct timer_list *timer, unsigned long expires);
int del_timer(struct timer_list *timer);
int del_timer_sync(struct timer_list *timer);
int timer_delete(struct timer_list *timer);
int timer_delete_sync(struct timer_list *timer);
int timer_shutdown(struct timer_list *timer);
int timer_shutdown_sync(struct timer_list *timer);
int timer_pending(const struct timer_list *timer);

/* ---- hrtimers ------------------------------------------------------- */
enum hrtimer_restart {
	HRTIMER_NORESTART,
	HRTIMER_RESTART,
};
enum hrtimer_mode {
	HRTIMER_MODE_ABS = 0x00,
	HRTIMER_MODE_REL = 0x01,
	HRTIMER_MODE_PINNED = 0x02,
	HRTIMER_MODE_SOFT = 0x04,
	HRTIMER_MODE_HARD = 0x08,
	HRTIMER_MODE_ABS_PINNED = 0x02,
	HRTIMER_MODE_REL_PINNED = 0x03,
	HRTIMER_MODE_ABS_SOFT = 0x04,
	HRTIMER_MODE_REL_SOFT = 0x05,
	HRTIMER_MODE_ABS_HARD = 0x08,
	HRTIMER_MODE_REL_HARD = 0x09,
};
struct hrtimer {
	ktime_t _softexpires;
	enum hrtimer_restart (*function)(struct hrtimer *timer);
	u8 state, is_rel, is_soft, is_hard;
};
void hrtimer_init(struct hrtimer *timer, clockid_t which_clock, enum hrtimer_mode mode);
void hrtimer_setup(struct hrtimer *timer, enum hrtimer_restart (*function)(struct hrtimer *),
		   clockid_t clock_id, enum hrtimer_mode mode);
void hrtimer_start(struct hrtimer *timer, ktime_t tim, const enum hrtimer_mode mode);
void hrtimer_start_range_ns(struct hrtimer *timer, ktime_t tim, u64 range_ns, const enum hrtimer_mode mode);
int hrtimer_cancel(struct hrtimer *timer);
int hrtimer_try_to_cancel(struct hrtimer *timer);
u64 hrtimer_forward(struct hrtimer *timer, ktime_t now, ktime_t interval);
u64 hrtimer_forward_now(struct hrtimer *timer, ktime_t interval);
bool hrtimer_active(const struct hrtimer *timer);
bool hrtimer_is_queued(struct hrtimer *timer);
ktime_t hrtimer_get_remaining(const struct hrtimer *timer);
ktime_t hrtimer_cb_get_time(struct hrtimer *timer);

/* ---- workqueues ----------------------------------------------------- */
struct work_struct;
typedef void (*work_func_t)(struct work_struct *work);
struct work_struct {
	atomic_long_t data;
	struct list_head entry;
	work_func_t func;
};
struct workqueue_struct;
struct delayed_work {
	struct work_struct work;
	struct timer_list timer;
	struct workqueue_struct *wq;
	int cpu;
};
struct rcu_work {
	struct work_struct work;
	struct rcu_head rcu;
	struct workqueue_struct *wq;
};
#define __WORK_INITIALIZER(n, f) { .entry = { &(n).entry, &(n).entry }, .func = (f) }
#define __DELAYED_WORK_INITIALIZER(n, f, tflags) { .work = __WORK_INITIALIZER((n).work, (f)) }
#define DECLARE_WORK(n, f) struct work_struct n = __WORK_INITIALIZER(n, f)
#define DECLARE_DELAYED_WORK(n, f) struct delayed_work n = __DELAYED_WORK_INITIALIZER(n, f, 0)
#define DECLARE_DEFERRABLE_WORK(n, f) DECLARE_DELAYED_WORK(n, f)
void INIT_WORK(struct work_struct *work, work_func_t func);
void INIT_WORK_ONSTACK(struct work_struct *work, work_func_t func);
void INIT_DELAYED_WORK(struct delayed_work *work, work_func_t func);
void INIT_DEFERRABLE_WORK(struct delayed_work *work, work_func_t func);
void INIT_RCU_WORK(struct rcu_work *work, work_func_t func);
void destroy_work_on_stack(struct work_struct *work);
struct delayed_work *to_delayed_work(struct work_struct *work);
struct rcu_work *to_rcu_work(struct work_struct *work);
bool work_pending(const struct work_struct *work);
bool delayed_work_pending(const struct delayed_work *work);
unsigned int work_busy(struct work_struct *work);
#define WORK_BUSY_PENDING (1 << 0)
#define WORK_BUSY_RUNNING (1 << 1)
bool schedule_work(struct work_struct *work);
bool schedule_work_on(int cpu, struct work_struct *work);
bool schedule_delayed_work(struct delayed_work *dwork, unsigned long delay);
bool schedule_delayed_work_on(int cpu, struct delayed_work *dwork, unsigned long delay);
bool queue_work(struct workqueue_struct *wq, struct work_struct *work);
bool queue_work_on(int cpu, struct workqueue_struct *wq, struct work_struct *work);
bool queue_delayed_work(struct workqueue_struct *wq, struct delayed_work *dwork, unsigned long delay);
bool queue_delayed_work_on(int cpu, struct workqueue_struct *wq, struct delayed_work *dwork, unsigned long delay);
bool mod_delayed_work(struct workqueue_struct *wq, struct delayed_work *dwork, unsigned long delay);
bool queue_rcu_work(struct workqueue_struct *wq, struct rcu_work *rwork);
bool cancel_work(struct work_struct *work);
bool cancel_work_sync(struct work_struct *work);
bool cancel_delayed_work(struct delayed_work *dwork);
bool cancel_delayed_work_sync(struct delayed_work *dwork);
bool disable_work_sync(struct work_struct *work);
bool disable_delayed_work_sync(struct delayed_work *dwork);
bool flush_work(struct work_struct *work);
bool flush_delayed_work(struct delayed_work *dwork);
bool flush_rcu_work(struct rcu_work *rwork);
void flush_workqueue(struct workqueue_struct *wq);
void drain_workqueue(struct workqueue_struct *wq);
void flush_scheduled_work(void);
struct workqueue_struct *alloc_workqueue(const char *fmt, unsigned int flags, int max_active, ...);
struct workqueue_struct *alloc_ordered_workqueue(const char *fmt, unsigned int flags, ...);
struct workqueue_struct *create_workqueue(const char *name);
struct workqueue_struct *create_singlethread_workqueue(const char *name);
struct workqueue_struct *create_freezable_workqueue(const char *name);
void destroy_workqueue(struct workqueue_struct *wq);
extern struct workqueue_struct *system_wq;
extern struct workqueue_struct *system_highpri_wq;
extern struct workqueue_struct *system_long_wq;
extern struct workqueue_struct *system_unbound_wq;
extern struct workqueue_struct *system_freezable_wq;
extern struct workqueue_struct *system_power_efficient_wq;
extern struct workqueue_struct *system_bh_wq;
enum {
	WQ_UNBOUND = 1 << 1,
	WQ_FREEZABLE = 1 << 2,
	WQ_MEM_RECLAIM = 1 << 3,
	WQ_HIGHPRI = 1 << 4,
	WQ_CPU_INTENSIVE = 1 << 5,
	WQ_SYSFS = 1 << 6,
	WQ_POWER_EFFICIENT = 1 << 7,
	WQ_BH = 1 << 0,
	WQ_MAX_ACTIVE = 512,
};

/* ---- tasklets ------------------------------------------------------- */
struct tasklet_struct {
	struct tasklet_struct *next;
	unsigned long state;
	atomic_t count;
	bool use_callback;
	union {
		void (*func)(unsigned long data);
		void (*callback)(struct tasklet_struct *t);
	};
	unsigned long data;
};
#define DECLARE_TASKLET(name, cb) struct tasklet_struct name = { .callback = (cb), .use_callback = true }
#define DECLARE_TASKLET_DISABLED(name, cb) DECLARE_TASKLET(name, cb)
#define DECLARE_TASKLET_OLD(name, fn) struct tasklet_struct name = { .func = (fn) }
#define from_tasklet(var, callback_tasklet, tasklet_fieldname) \
	container_of(callback_tasklet, __typeof__(*(var)), tasklet_fieldname)
void tasklet_init(struct tasklet_struct *t, void (*func)(unsigned long), unsigned long data);
void tasklet_setup(struct tasklet_struct *t, void (*callback)(struct tasklet_struct *));
void tasklet_schedule(struct tasklet_struct *t);
void tasklet_hi_schedule(struct tasklet_struct *t);
void tasklet_kill(struct tasklet_struct *t);
void tasklet_disable(struct tasklet_struct *t);
void tasklet_disable_nosync(struct tasklet_struct *t);
void tasklet_enable(struct tasklet_struct *t);
void tasklet_unlock_wait(struct tasklet_struct *t);

/* ---- user-space access ---------------------------------------------- */
unsigned long __must_check copy_from_user(void *to, const void __user *from, unsigned long n);
unsigned long __must_check copy_to_user(void __user *to, const void *from, unsigned long n);
unsigned long __copy_from_user(void *to, const void __user *from, unsigned long n);
unsigned long __copy_to_user(void __user *to, const void *from, unsigned long n);
/* get_user(x, ptr) -> get_user(&(x), ptr): the written name is kept and the
 * first argument is the address of the destination lvalue. */
int get_user(void *x, const volatile void __user *ptr);
int __get_user(void *x, const volatile void __user *ptr);
int put_user(unsigned long long x, volatile void __user *ptr);
int __put_user(unsigned long long x, volatile void __user *ptr);
#define get_user(x, ptr) get_user(&(x), (ptr))
#define __get_user(x, ptr) __get_user(&(x), (ptr))
#define put_user(x, ptr) put_user((unsigned long long)(x), (ptr))
#define __put_user(x, ptr) __put_user((unsigned long long)(x), (ptr))
long strncpy_from_user(char *dst, const char __user *src, long count);
long strnlen_user(const char __user *str, long n);
unsigned long clear_user(void __user *mem, unsigned long len);
int access_ok(const void __user *addr, unsigned long size);
void *memdup_user(const void __user *src, size_t len);
void *memdup_user_nul(const void __user *src, size_t len);
void *vmemdup_user(const void __user *src, size_t len);
char *strndup_user(const char __user *s, long n);
void __user *compat_ptr(compat_uptr_t uptr);
compat_uptr_t ptr_to_compat(void __user *uptr);
bool in_compat_syscall(void);
int copy_struct_from_user(void *dst, size_t ksize, const void __user *src, size_t usize);
bool user_access_begin(const void __user *ptr, size_t len);
void user_access_end(void);

#endif /* DRVLINT_SCHED_H */
