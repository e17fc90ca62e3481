/*
 * drvlint reduced-mode stand-in: base types, compiler annotations, generic
 * helper macros, errno values, ERR_PTR helpers, printk/dev_* logging,
 * WARN/BUG, byte order, bit operations, atomics, string helpers and the
 * MODULE_* machinery.
 *
 * This is drvlint's own minimal declaration set written for parsing driver
 * sources when no kernel headers are installed.  It is NOT the Linux
 * kernel's header and contains no kernel code.
 */
#ifndef DRVLINT_TYPES_H
#define DRVLINT_TYPES_H

/* ---- forward declarations used across the stand-in headers ---------- */
struct device;
struct device_node;
struct file;
struct inode;
struct module;
struct page;
struct vm_area_struct;
struct mm_struct;
struct task_struct;
struct sk_buff;
struct net_device;
struct irq_domain;
struct seq_file;
struct poll_table_struct;
struct irq_chip;
struct irq_desc;
typedef void (*irq_flow_handler_t)(struct irq_desc *desc);

/* ---- integer types -------------------------------------------------- */
typedef signed char s8;
typedef unsigned char u8;
typedef short s16;
typedef unsigned short u16;
typedef int s32;
typedef unsigned int u32;
typedef long long s64;
typedef unsigned long long u64;
typedef s8 __s8;
typedef u8 __u8;
typedef s16 __s16;
typedef u16 __u16;
typedef s32 __s32;
typedef u32 __u32;
typedef s64 __s64;
typedef u64 __u64;
typedef s8 int8_t;
typedef u8 uint8_t;
typedef s16 int16_t;
typedef u16 uint16_t;
typedef s32 int32_t;
typedef u32 uint32_t;
typedef s64 int64_t;
typedef u64 uint64_t;
typedef u8 u_int8_t;
typedef u16 u_int16_t;
typedef u32 u_int32_t;
typedef u64 u_int64_t;
typedef unsigned char u_char, unchar;
typedef unsigned short u_short, ushort;
typedef unsigned int u_int, uint;
typedef unsigned long u_long, ulong;
typedef u16 __le16;
typedef u16 __be16;
typedef u32 __le32;
typedef u32 __be32;
typedef u64 __le64;
typedef u64 __be64;
typedef u16 __sum16;
typedef u32 __wsum;
typedef unsigned long size_t;
typedef long ssize_t;
typedef long ptrdiff_t;
typedef long intptr_t;
typedef unsigned long uintptr_t;
typedef unsigned long __kernel_size_t;
typedef long __kernel_ssize_t;
typedef unsigned long kernel_ulong_t;
typedef long long loff_t;
typedef long off_t;
typedef _Bool bool;
#define true 1
#define false 0
typedef u64 dma_addr_t;
typedef u64 phys_addr_t;
typedef phys_addr_t resource_size_t;
typedef unsigned int gfp_t;
typedef unsigned int slab_flags_t;
typedef unsigned int fmode_t;
typedef unsigned short umode_t;
typedef u32 dev_t;
typedef int pid_t;
typedef unsigned int uid_t;
typedef unsigned int gid_t;
typedef struct { uid_t val; } kuid_t;
typedef struct { gid_t val; } kgid_t;
typedef s64 time64_t;
typedef u64 timeu64_t;
typedef long __kernel_time_t;
typedef s64 ktime_t;
typedef int clockid_t;
typedef u64 sector_t;
typedef unsigned long pgoff_t;
typedef unsigned long irq_hw_number_t;
typedef unsigned int __poll_t;
typedef u32 compat_uptr_t;
typedef u32 compat_ulong_t;
typedef s32 compat_long_t;
typedef s32 compat_int_t;
typedef u32 compat_uint_t;
typedef struct { int counter; } atomic_t;
typedef struct { s64 counter; } atomic64_t;
typedef struct { long counter; } atomic_long_t;
typedef struct { atomic_t refs; } refcount_t;
typedef __builtin_va_list va_list;
#define va_start(ap, last) __builtin_va_start(ap, last)
#define va_end(ap) __builtin_va_end(ap)
#define va_arg(ap, type) __builtin_va_arg(ap, type)
#define va_copy(d, s) __builtin_va_copy(d, s)

#define NULL ((void *)0)
#define offsetof(type, member) __builtin_offsetof(type, member)

#define U8_MAX ((u8)~0U)
#define S8_MAX ((s8)(U8_MAX >> 1))
#define S8_MIN ((s8)(-S8_MAX - 1))
#define U16_MAX ((u16)~0U)
#define S16_MAX ((s16)(U16_MAX >> 1))
#define S16_MIN ((s16)(-S16_MAX - 1))
#define U32_MAX ((u32)~0U)
#define S32_MAX ((s32)(U32_MAX >> 1))
#define S32_MIN ((s32)(-S32_MAX - 1))
#define U64_MAX ((u64)~0ULL)
#define S64_MAX ((s64)(U64_MAX >> 1))
#define S64_MIN ((s64)(-S64_MAX - 1))
#define USHRT_MAX ((unsigned short)~0U)
#define SHRT_MAX ((short)(USHRT_MAX >> 1))
#define SHRT_MIN ((short)(-SHRT_MAX - 1))
#define INT_MAX ((int)(~0U >> 1))
#define INT_MIN (-INT_MAX - 1)
#define UINT_MAX (~0U)
#define LONG_MAX ((long)(~0UL >> 1))
#define LONG_MIN (-LONG_MAX - 1)
#define ULONG_MAX (~0UL)
#define LLONG_MAX ((long long)(~0ULL >> 1))
#define ULLONG_MAX (~0ULL)
#define SIZE_MAX (~(size_t)0)
#define BITS_PER_BYTE 8
#define BITS_PER_LONG 64
#define BITS_PER_LONG_LONG 64

/* ---- compiler annotations ------------------------------------------- */
/* Address-space and locking annotations only matter to sparse; they expand
 * to nothing here (the lead may read them from the tokens). */
#define __user
#define __kernel
#define __iomem
#define __force
#define __rcu
#define __percpu
#define __bitwise
#define __safe
#define __nocast
#define __private
#define __acquires(x)
#define __releases(x)
#define __must_hold(x)
#define __acquire(x) ((void)0)
#define __release(x) ((void)0)
#define __cond_lock(x, c) (c)
#define __must_check __attribute__((__warn_unused_result__))
#define __always_inline inline __attribute__((__always_inline__))
#define noinline __attribute__((__noinline__))
#define __inline__ inline
#define __inline inline
#define notrace
#define noinstr
#define __init
#define __exit
#define __initdata
#define __initconst
#define __exitdata
#define __devinit
#define __devexit
#define __devexit_p(x) x
#define __ref
#define __sched
#define __cold __attribute__((__cold__))
#define __maybe_unused __attribute__((__unused__))
#define __always_unused __attribute__((__unused__))
#define __used __attribute__((__used__))
#define __packed __attribute__((__packed__))
#define __aligned(x) __attribute__((__aligned__(x)))
#define __section(s) __attribute__((__section__(s)))
#define __weak __attribute__((__weak__))
#define __pure __attribute__((__pure__))
#define __noreturn __attribute__((__noreturn__))
#define __deprecated
#define __printf(a, b)
#define __scanf(a, b)
#define __attribute_const__ __attribute__((__const__))
#define __read_mostly
#define __ro_after_init
#define __visible
#define __nonstring
#define __randomize_layout
#define __no_randomize_layout
#define __latent_entropy
#define __counted_by(m)
#define __cacheline_aligned
#define ____cacheline_aligned
#define ____cacheline_aligned_in_smp
#define __cacheline_aligned_in_smp
#define asmlinkage
#define fallthrough __attribute__((__fallthrough__))
#define likely(x) __builtin_expect(!!(x), 1)
#define unlikely(x) __builtin_expect(!!(x), 0)
#define unreachable() __builtin_unreachable()
#define barrier_data(p) ((void)(p))
#define __stringify_1(x...) #x
#define __stringify(x...) __stringify_1(x)
#define __DRVLINT_CAT2(a, b) a##b
#define __DRVLINT_CAT(a, b) __DRVLINT_CAT2(a, b)
#define __UNIQUE_ID(p) __DRVLINT_CAT(__UNIQUE_ID_##p, __COUNTER__)
#define __same_type(a, b) __builtin_types_compatible_p(__typeof__(a), __typeof__(b))
#define __must_be_array(a) 0
#define __is_constexpr(x) __builtin_constant_p(x)
#define typeof_member(T, m) __typeof__(((T *)0)->m)
#define BITS_PER_TYPE(type) (sizeof(type) * BITS_PER_BYTE)
#define struct_group(NAME, MEMBERS...) \
	union { struct { MEMBERS }; struct { MEMBERS } NAME; }
#define struct_group_tagged(TAG, NAME, MEMBERS...) \
	union { struct { MEMBERS }; struct TAG { MEMBERS } NAME; }
#define DECLARE_FLEX_ARRAY(TYPE, NAME) \
	struct { struct { } __drvlint_empty_##NAME; TYPE NAME[]; }

/* Kconfig helpers: IS_ENABLED(CONFIG_FOO) is 1 when CONFIG_FOO or
 * CONFIG_FOO_MODULE is defined to 1, 0 otherwise. */
#define __DRVLINT_PLACEHOLDER_1 0,
#define __drvlint_second(ignored, val, ...) val
#define __drvlint_isdef(x) __drvlint_isdef1(x)
#define __drvlint_isdef1(val) __drvlint_isdef2(__DRVLINT_PLACEHOLDER_##val)
#define __drvlint_isdef2(junk) __drvlint_second(junk 1, 0)
#define IS_BUILTIN(option) __drvlint_isdef(option)
#define IS_MODULE(option) __drvlint_isdef(option##_MODULE)
#define IS_ENABLED(option) (IS_BUILTIN(option) || IS_MODULE(option))
#define IS_REACHABLE(option) IS_ENABLED(option)

/* ---- generic helpers ------------------------------------------------ */
#define container_of(ptr, type, member) \
	((type *)((char *)(ptr) - __builtin_offsetof(type, member)))
#define container_of_const(ptr, type, member) container_of(ptr, type, member)
#define ARRAY_SIZE(arr) (sizeof(arr) / sizeof((arr)[0]))
#define sizeof_field(TYPE, MEMBER) sizeof((((TYPE *)0)->MEMBER))
#define FIELD_SIZEOF(t, f) sizeof_field(t, f)
#define struct_size(p, member, count) (sizeof(*(p)) + sizeof(*(p)->member) * (count))
#define flex_array_size(p, member, count) (sizeof(*(p)->member) * (count))
#define array_size(a, b) ((size_t)(a) * (size_t)(b))
#define array3_size(a, b, c) ((size_t)(a) * (size_t)(b) * (size_t)(c))
#define size_add(a, b) ((size_t)(a) + (size_t)(b))
#define size_mul(a, b) ((size_t)(a) * (size_t)(b))
#define check_add_overflow(a, b, d) __builtin_add_overflow(a, b, d)
#define check_sub_overflow(a, b, d) __builtin_sub_overflow(a, b, d)
#define check_mul_overflow(a, b, d) __builtin_mul_overflow(a, b, d)
#define min(x, y) ((x) < (y) ? (x) : (y))
#define max(x, y) ((x) > (y) ? (x) : (y))
#define min3(x, y, z) min(min(x, y), z)
#define max3(x, y, z) max(max(x, y), z)
#define min_t(type, x, y) ((type)(x) < (type)(y) ? (type)(x) : (type)(y))
#define max_t(type, x, y) ((type)(x) > (type)(y) ? (type)(x) : (type)(y))
#define min_not_zero(x, y) ((x) == 0 ? (y) : ((y) == 0 ? (x) : min(x, y)))
#define clamp(val, lo, hi) min(max(val, lo), hi)
#define clamp_t(type, val, lo, hi) min_t(type, max_t(type, val, lo), hi)
#define clamp_val(val, lo, hi) clamp_t(__typeof__(val), val, lo, hi)
#define umin(x, y) min(x, y)
#define umax(x, y) max(x, y)
#define swap(a, b) do { __typeof__(a) __drvlint_tmp = (a); (a) = (b); (b) = __drvlint_tmp; } while (0)
#define abs(x) ((x) < 0 ? -(x) : (x))
#define DIV_ROUND_UP(n, d) (((n) + (d) - 1) / (d))
#define DIV_ROUND_UP_ULL(n, d) DIV_ROUND_UP((unsigned long long)(n), d)
#define DIV_ROUND_CLOSEST(x, d) (((x) + ((d) / 2)) / (d))
#define DIV_ROUND_CLOSEST_ULL(x, d) DIV_ROUND_CLOSEST((unsigned long long)(x), d)
#define div_u64(a, b) ((u64)(a) / (u32)(b))
#define div_s64(a, b) ((s64)(a) / (s32)(b))
#define div64_u64(a, b) ((u64)(a) / (u64)(b))
#define div64_ul(a, b) ((u64)(a) / (unsigned long)(b))
#define do_div(n, base) ({ u32 __drvlint_rem = (u32)((n) % (base)); (n) = (n) / (base); __drvlint_rem; })
#define roundup(x, y) ((((x) + ((y) - 1)) / (y)) * (y))
#define rounddown(x, y) ((x) - ((x) % (y)))
#define round_up(x, y) ((((x) - 1) | ((__typeof__(x))((y) - 1))) + 1)
#define round_down(x, y) ((x) & ~((__typeof__(x))((y) - 1)))
#define ALIGN(x, a) (((x) + ((__typeof__(x))(a) - 1)) & ~((__typeof__(x))(a) - 1))
#define ALIGN_DOWN(x, a) ALIGN((x) - ((a) - 1), (a))
#define PTR_ALIGN(p, a) ((__typeof__(p))ALIGN((unsigned long)(p), (a)))
#define IS_ALIGNED(x, a) (((x) & ((__typeof__(x))(a) - 1)) == 0)
#define upper_32_bits(n) ((u32)(((n) >> 16) >> 16))
#define lower_32_bits(n) ((u32)((n) & 0xffffffff))
#define upper_16_bits(n) ((u16)((n) >> 16))
#define lower_16_bits(n) ((u16)((n) & 0xffff))
#define READ_ONCE(x) (*(const volatile __typeof__(x) *)&(x))
#define WRITE_ONCE(x, val) do { *(volatile __typeof__(x) *)&(x) = (val); } while (0)
#define ACCESS_ONCE(x) (*(volatile __typeof__(x) *)&(x))
#define BUILD_BUG_ON(cond) ((void)sizeof(char[1 - 2 * !!(cond)]))
#define BUILD_BUG_ON_MSG(cond, msg) BUILD_BUG_ON(cond)
#define BUILD_BUG_ON_ZERO(e) ((int)(sizeof(struct { int : (-!!(e)); })))
#define BUILD_BUG() ((void)0)
#define static_assert(expr, ...) _Static_assert(expr, "" __VA_ARGS__)
#define PTR_IF(cond, ptr) ((cond) ? (ptr) : NULL)
#define u64_to_user_ptr(x) ((void __user *)(uintptr_t)(x))
#define PAGE_SHIFT 12
#define PAGE_SIZE (1UL << PAGE_SHIFT)
#define PAGE_MASK (~(PAGE_SIZE - 1))
#define PAGE_ALIGN(addr) ALIGN(addr, PAGE_SIZE)
#define L1_CACHE_BYTES 64
#define SMP_CACHE_BYTES 64
#define NR_CPUS 64
#define KSYM_NAME_LEN 512

/* ---- errno ---------------------------------------------------------- */
#define EPERM 1
#define ENOENT 2
#define ESRCH 3
#define EINTR 4
#define EIO 5
#define ENXIO 6
#define E2BIG 7
#define ENOEXEC 8
#define EBADF 9
#define ECHILD 10
#define EAGAIN 11
#define ENOMEM 12
#define EACCES 13
#define EFAULT 14
#define ENOTBLK 15
#define EBUSY 16
#define EEXIST 17
#define EXDEV 18
#define ENODEV 19
#define ENOTDIR 20
#define EISDIR 21
#define EINVAL 22
#define ENFILE 23
#define EMFILE 24
#define ENOTTY 25
#define ETXTBSY 26
#define EFBIG 27
#define ENOSPC 28
#define ESPIPE 29
#define EROFS 30
#define EMLINK 31
#define EPIPE 32
#define EDOM 33
#define ERANGE 34
#define EDEADLK 35
#define ENAMETOOLONG 36
#define ENOLCK 37
#define ENOSYS 38
#define ENOTEMPTY 39
#define ELOOP 40
#define EWOULDBLOCK EAGAIN
#define ENOMSG 42
#define EIDRM 43
#define ECHRNG 44
#define EL2NSYNC 45
#define EL3HLT 46
#define EL3RST 47
#define ELNRNG 48
#define EUNATCH 49
#define ENOCSI 50
#define EL2HLT 51
#define EBADE 52
#define EBADR 53
#define EXFULL 54
#define ENOANO 55
#define EBADRQC 56
#define EBADSLT 57
#define EDEADLOCK EDEADLK
#define EBFONT 59
#define ENOSTR 60
#define ENODATA 61
#define ETIME 62
#define ENOSR 63
#define ENONET 64
#define ENOPKG 65
#define EREMOTE 66
#define ENOLINK 67
#define EADV 68
#define ESRMNT 69
#define ECOMM 70
#define EPROTO 71
#define EMULTIHOP 72
#define EDOTDOT 73
#define EBADMSG 74
#define EOVERFLOW 75
#define ENOTUNIQ 76
#define EBADFD 77
#define EREMCHG 78
#define ELIBACC 79
#define ELIBBAD 80
#define ELIBSCN 81
#define ELIBMAX 82
#define ELIBEXEC 83
#define EILSEQ 84
#define ERESTART 85
#define ESTRPIPE 86
#define EUSERS 87
#define ENOTSOCK 88
#define EDESTADDRREQ 89
#define EMSGSIZE 90
#define EPROTOTYPE 91
#define ENOPROTOOPT 92
#define EPROTONOSUPPORT 93
#define ESOCKTNOSUPPORT 94
#define EOPNOTSUPP 95
#define EPFNOSUPPORT 96
#define EAFNOSUPPORT 97
#define EADDRINUSE 98
#define EADDRNOTAVAIL 99
#define ENETDOWN 100
#define ENETUNREACH 101
#define ENETRESET 102
#define ECONNABORTED 103
#define ECONNRESET 104
#define ENOBUFS 105
#define EISCONN 106
#define ENOTCONN 107
#define ESHUTDOWN 108
#define ETOOMANYREFS 109
#define ETIMEDOUT 110
#define ECONNREFUSED 111
#define EHOSTDOWN 112
#define EHOSTUNREACH 113
#define EALREADY 114
#define EINPROGRESS 115
#define ESTALE 116
#define EUCLEAN 117
#define ENOTNAM 118
#define ENAVAIL 119
#define EISNAM 120
#define EREMOTEIO 121
#define EDQUOT 122
#define ENOMEDIUM 123
#define EMEDIUMTYPE 124
#define ECANCELED 125
#define ENOKEY 126
#define EKEYEXPIRED 127
#define EKEYREVOKED 128
#define EKEYREJECTED 129
#define EOWNERDEAD 130
#define ENOTRECOVERABLE 131
#define ERFKILL 132
#define EHWPOISON 133
#define ERESTARTSYS 512
#define ERESTARTNOINTR 513
#define ERESTARTNOHAND 514
#define ENOIOCTLCMD 515
#define ERESTART_RESTARTBLOCK 516
#define EPROBE_DEFER 517
#define EOPENSTALE 518
#define ENOPARAM 519
#define EBADHANDLE 521
#define ENOTSYNC 522
#define EBADCOOKIE 523
#define ENOTSUPP 524
#define ETOOSMALL 525
#define ESERVERFAULT 526
#define EBADTYPE 527
#define EJUKEBOX 528
#define EIOCBQUEUED 529
#define ERECALLCONFLICT 530

/* ---- ERR_PTR helpers (prototypes so the calls stay visible) --------- */
#define MAX_ERRNO 4095
#define IS_ERR_VALUE(x) ((unsigned long)(void *)(x) >= (unsigned long)-MAX_ERRNO)
void *ERR_PTR(long error);
long PTR_ERR(const void *ptr);
bool IS_ERR(const void *ptr);
bool IS_ERR_OR_NULL(const void *ptr);
void *ERR_CAST(const void *ptr);
int PTR_ERR_OR_ZERO(const void *ptr);

/* ---- printk and friends --------------------------------------------- */
#define KERN_SOH "\001"
#define KERN_EMERG KERN_SOH "0"
#define KERN_ALERT KERN_SOH "1"
#define KERN_CRIT KERN_SOH "2"
#define KERN_ERR KERN_SOH "3"
#define KERN_WARNING KERN_SOH "4"
#define KERN_NOTICE KERN_SOH "5"
#define KERN_INFO KERN_SOH "6"
#define KERN_DEBUG KERN_SOH "7"
#define KERN_DEFAULT ""
#define KERN_CONT KERN_SOH "c"
/* pr_*() are functions, so a driver's own pr_fmt() is simply unused. */
int printk(const char *fmt, ...);
int vprintk(const char *fmt, va_list args);
int pr_emerg(const char *fmt, ...);
int pr_alert(const char *fmt, ...);
int pr_crit(const char *fmt, ...);
int pr_err(const char *fmt, ...);
int pr_warn(const char *fmt, ...);
int pr_warning(const char *fmt, ...);
int pr_notice(const char *fmt, ...);
int pr_info(const char *fmt, ...);
int pr_cont(const char *fmt, ...);
int pr_debug(const char *fmt, ...);
int pr_devel(const char *fmt, ...);
int pr_err_once(const char *fmt, ...);
int pr_warn_once(const char *fmt, ...);
int pr_info_once(const char *fmt, ...);
int pr_err_ratelimited(const char *fmt, ...);
int pr_warn_ratelimited(const char *fmt, ...);
int pr_info_ratelimited(const char *fmt, ...);
int pr_debug_ratelimited(const char *fmt, ...);
int printk_ratelimited(const char *fmt, ...);
int printk_once(const char *fmt, ...);
int printk_ratelimit(void);
struct ratelimit_state {
	unsigned int lock;
	int interval, burst, printed, missed;
	unsigned long begin, flags;
};
#define DEFAULT_RATELIMIT_INTERVAL (5 * HZ)
#define DEFAULT_RATELIMIT_BURST 10
#define DEFINE_RATELIMIT_STATE(name, interval_init, burst_init) \
	struct ratelimit_state name = { .interval = (interval_init), .burst = (burst_init) }
void ratelimit_state_init(struct ratelimit_state *rs, int interval, int burst);
int ___ratelimit(struct ratelimit_state *rs, const char *func);
#define __ratelimit(state) ___ratelimit(state, __func__)
int net_ratelimit(void);
enum { DUMP_PREFIX_NONE, DUMP_PREFIX_ADDRESS, DUMP_PREFIX_OFFSET };
void print_hex_dump(const char *level, const char *prefix_str, int prefix_type,
		    int rowsize, int groupsize, const void *buf, size_t len, bool ascii);
void print_hex_dump_bytes(const char *prefix_str, int prefix_type, const void *buf, size_t len);
void print_hex_dump_debug(const char *prefix_str, int prefix_type, int rowsize,
			  int groupsize, const void *buf, size_t len, bool ascii);
int hex_dump_to_buffer(const void *buf, size_t len, int rowsize, int groupsize,
		       char *linebuf, size_t linebuflen, bool ascii);
void dump_stack(void);

/* WARN_ON and friends have the kernel's shape: a statement expression that
 * evaluates the condition once, warns when it holds, and yields it. */
void __warn_printk(const char *fmt, ...);
#define WARN_ON(condition) ({ int __ret_warn_on = !!(condition); \
	if (__ret_warn_on) __warn_printk("WARN_ON"); __ret_warn_on; })
#define WARN_ON_ONCE(condition) WARN_ON(condition)
#define WARN(condition, format...) ({ int __ret_warn_on = !!(condition); \
	if (__ret_warn_on) __warn_printk(format); __ret_warn_on; })
#define WARN_ONCE(condition, format...) WARN(condition, format)
#define WARN_RATELIMIT(condition, format...) WARN(condition, format)
void BUG(void) __attribute__((__noreturn__));
void BUG_ON(bool condition);
void panic(const char *fmt, ...) __attribute__((__noreturn__));
long restart_syscall(void);
/* notifier chains */
struct notifier_block {
	int (*notifier_call)(struct notifier_block *nb, unsigned long action, void *data);
	struct notifier_block *next;
	int priority;
};
#define NOTIFY_DONE 0x0000
#define NOTIFY_OK 0x0001
#define NOTIFY_STOP_MASK 0x8000
#define NOTIFY_BAD (NOTIFY_STOP_MASK | 0x0002)
#define NOTIFY_STOP (NOTIFY_OK | NOTIFY_STOP_MASK)
int notifier_from_errno(int err);
int notifier_to_errno(int ret);
void might_sleep(void);
#define might_sleep_if(cond) do { if (cond) might_sleep(); } while (0)
void might_resched(void);
void cant_sleep(void);
void might_fault(void);

/* ---- byte order (little-endian host) -------------------------------- */
#define __swab16(x) ((u16)__builtin_bswap16((u16)(x)))
#define __swab32(x) ((u32)__builtin_bswap32((u32)(x)))
#define __swab64(x) ((u64)__builtin_bswap64((u64)(x)))
#define swab16(x) __swab16(x)
#define swab32(x) __swab32(x)
#define swab64(x) __swab64(x)
#define cpu_to_le16(x) ((__le16)(u16)(x))
#define cpu_to_le32(x) ((__le32)(u32)(x))
#define cpu_to_le64(x) ((__le64)(u64)(x))
#define le16_to_cpu(x) ((u16)(__le16)(x))
#define le32_to_cpu(x) ((u32)(__le32)(x))
#define le64_to_cpu(x) ((u64)(__le64)(x))
#define cpu_to_be16(x) ((__be16)__swab16(x))
#define cpu_to_be32(x) ((__be32)__swab32(x))
#define cpu_to_be64(x) ((__be64)__swab64(x))
#define be16_to_cpu(x) __swab16((__be16)(x))
#define be32_to_cpu(x) __swab32((__be32)(x))
#define be64_to_cpu(x) __swab64((__be64)(x))
#define __cpu_to_le16(x) cpu_to_le16(x)
#define __cpu_to_le32(x) cpu_to_le32(x)
#define __le16_to_cpu(x) le16_to_cpu(x)
#define __le32_to_cpu(x) le32_to_cpu(x)
#define __cpu_to_be16(x) cpu_to_be16(x)
#define __cpu_to_be32(x) cpu_to_be32(x)
#define __be16_to_cpu(x) be16_to_cpu(x)
#define __be32_to_cpu(x) be32_to_cpu(x)
#define __cpu_to_le64(x) cpu_to_le64(x)
#define __le64_to_cpu(x) le64_to_cpu(x)
#define __cpu_to_be64(x) cpu_to_be64(x)
#define __be64_to_cpu(x) be64_to_cpu(x)
#define __le16_to_cpup(p) le16_to_cpup(p)
#define __le32_to_cpup(p) le32_to_cpup(p)
#define __le64_to_cpup(p) le64_to_cpup(p)
#define __constant_cpu_to_le16(x) cpu_to_le16(x)
#define __constant_cpu_to_le32(x) cpu_to_le32(x)
#define __constant_le16_to_cpu(x) le16_to_cpu(x)
#define __constant_cpu_to_be16(x) cpu_to_be16(x)
#define __constant_cpu_to_be32(x) cpu_to_be32(x)
#define __constant_htons(x) cpu_to_be16(x)
#define __constant_ntohs(x) be16_to_cpu(x)
#define htons(x) cpu_to_be16(x)
#define ntohs(x) be16_to_cpu(x)
#define htonl(x) cpu_to_be32(x)
#define ntohl(x) be32_to_cpu(x)
#define le16_to_cpup(p) ((u16)*(const __le16 *)(p))
#define le32_to_cpup(p) ((u32)*(const __le32 *)(p))
#define le64_to_cpup(p) ((u64)*(const __le64 *)(p))
#define be16_to_cpup(p) be16_to_cpu(*(const __be16 *)(p))
#define be32_to_cpup(p) be32_to_cpu(*(const __be32 *)(p))
#define cpu_to_le16s(p) ((void)(p))
#define cpu_to_le32s(p) ((void)(p))
#define le16_to_cpus(p) ((void)(p))
#define le32_to_cpus(p) ((void)(p))
#define cpu_to_le64s(p) ((void)(p))
#define le64_to_cpus(p) ((void)(p))
#define cpu_to_be16s(p) (*(p) = __swab16(*(p)))
#define be16_to_cpus(p) (*(p) = __swab16(*(p)))
#define cpu_to_be32s(p) (*(p) = __swab32(*(p)))
#define be32_to_cpus(p) (*(p) = __swab32(*(p)))
#define le16_add_cpu(p, v) ((void)(*(p) += (v)))
#define le32_add_cpu(p, v) ((void)(*(p) += (v)))
#define be16_add_cpu(p, v) ((void)(*(p) = cpu_to_be16(be16_to_cpu(*(p)) + (v))))
#define get_unaligned(ptr) (*(ptr))
#define put_unaligned(val, ptr) ((void)(*(ptr) = (val)))
u16 get_unaligned_le16(const void *p);
u32 get_unaligned_le32(const void *p);
u64 get_unaligned_le64(const void *p);
u16 get_unaligned_be16(const void *p);
u32 get_unaligned_be32(const void *p);
u64 get_unaligned_be64(const void *p);
u32 get_unaligned_le24(const void *p);
u32 get_unaligned_be24(const void *p);
void put_unaligned_le16(u16 val, void *p);
void put_unaligned_le32(u32 val, void *p);
void put_unaligned_le64(u64 val, void *p);
void put_unaligned_be16(u16 val, void *p);
void put_unaligned_be32(u32 val, void *p);
void put_unaligned_be64(u64 val, void *p);
void put_unaligned_le24(u32 val, void *p);
void put_unaligned_be24(u32 val, void *p);

/* ---- bit operations ------------------------------------------------- */
#define BIT(nr) (1UL << (nr))
#define BIT_ULL(nr) (1ULL << (nr))
#define BIT_MASK(nr) (1UL << ((nr) % BITS_PER_LONG))
#define BIT_WORD(nr) ((nr) / BITS_PER_LONG)
#define GENMASK(h, l) (((~0UL) << (l)) & (~0UL >> (BITS_PER_LONG - 1 - (h))))
#define GENMASK_ULL(h, l) (((~0ULL) << (l)) & (~0ULL >> (63 - (h))))
#define BITS_TO_LONGS(nr) DIV_ROUND_UP(nr, BITS_PER_LONG)
#define BITS_TO_U32(nr) DIV_ROUND_UP(nr, 32)
#define BITS_TO_BYTES(nr) DIV_ROUND_UP(nr, 8)
#define DECLARE_BITMAP(name, bits) unsigned long name[BITS_TO_LONGS(bits)]
#define __bf_shf(x) __builtin_ctzll(x)
#define FIELD_PREP(mask, val) (((__typeof__(mask))(val) << __bf_shf(mask)) & (mask))
#define FIELD_GET(mask, reg) ((__typeof__(mask))(((reg) & (mask)) >> __bf_shf(mask)))
#define FIELD_FIT(mask, val) (!((((__typeof__(mask))(val)) << __bf_shf(mask)) & ~(mask)))
#define FIELD_MAX(mask) ((__typeof__(mask))((mask) >> __bf_shf(mask)))
#define u8_get_bits(v, field) FIELD_GET(field, v)
#define u16_get_bits(v, field) FIELD_GET(field, v)
#define u32_get_bits(v, field) FIELD_GET(field, v)
#define le32_get_bits(v, field) FIELD_GET(field, le32_to_cpu(v))
#define u32_encode_bits(v, field) FIELD_PREP(field, v)
#define le32_encode_bits(v, field) cpu_to_le32(FIELD_PREP(field, v))
void set_bit(long nr, volatile unsigned long *addr);
void clear_bit(long nr, volatile unsigned long *addr);
void change_bit(long nr, volatile unsigned long *addr);
bool test_bit(long nr, const volatile unsigned long *addr);

/* static keys (jump labels): tests whose value a sysfs knob flips, not the code that tests them */
struct static_key { int enabled; };
struct static_key_true { struct static_key key; };
struct static_key_false { struct static_key key; };
#define DEFINE_STATIC_KEY_TRUE(name) struct static_key_true name = { { 1 } }
#define DEFINE_STATIC_KEY_FALSE(name) struct static_key_false name = { { 0 } }
#define DECLARE_STATIC_KEY_TRUE(name) extern struct static_key_true name
#define DECLARE_STATIC_KEY_FALSE(name) extern struct static_key_false name
bool static_branch_unlikely(const void *key);
bool static_branch_likely(const void *key);
bool static_key_enabled(const void *key);
void static_branch_enable(void *key);
void static_branch_disable(void *key);
bool test_and_set_bit(long nr, volatile unsigned long *addr);
bool test_and_clear_bit(long nr, volatile unsigned long *addr);
bool test_and_change_bit(long nr, volatile unsigned long *addr);
void __set_bit(long nr, volatile unsigned long *addr);
void __clear_bit(long nr, volatile unsigned long *addr);
void __change_bit(long nr, volatile unsigned long *addr);
bool __test_and_set_bit(long nr, volatile unsigned long *addr);
bool __test_and_clear_bit(long nr, volatile unsigned long *addr);
void clear_bit_unlock(long nr, volatile unsigned long *addr);
bool test_and_set_bit_lock(long nr, volatile unsigned long *addr);
void assign_bit(long nr, volatile unsigned long *addr, bool value);
unsigned long find_first_bit(const unsigned long *addr, unsigned long size);
unsigned long find_next_bit(const unsigned long *addr, unsigned long size, unsigned long offset);
unsigned long find_first_zero_bit(const unsigned long *addr, unsigned long size);
unsigned long find_next_zero_bit(const unsigned long *addr, unsigned long size, unsigned long offset);
#define for_each_set_bit(bit, addr, size) \
	for ((bit) = find_first_bit((addr), (size)); (bit) < (size); \
	     (bit) = find_next_bit((addr), (size), (bit) + 1))
#define for_each_clear_bit(bit, addr, size) \
	for ((bit) = find_first_zero_bit((addr), (size)); (bit) < (size); \
	     (bit) = find_next_zero_bit((addr), (size), (bit) + 1))
void bitmap_zero(unsigned long *dst, unsigned int nbits);
void bitmap_fill(unsigned long *dst, unsigned int nbits);
void bitmap_copy(unsigned long *dst, const unsigned long *src, unsigned int nbits);
bool bitmap_empty(const unsigned long *src, unsigned int nbits);
void bitmap_or(unsigned long *dst, const unsigned long *a, const unsigned long *b, unsigned int nbits);
bool bitmap_and(unsigned long *dst, const unsigned long *a, const unsigned long *b, unsigned int nbits);
unsigned int bitmap_weight(const unsigned long *src, unsigned int nbits);
unsigned int hweight8(unsigned int w);
unsigned int hweight16(unsigned int w);
unsigned int hweight32(unsigned int w);
unsigned long hweight64(u64 w);
unsigned long hweight_long(unsigned long w);
int fls(unsigned int x);
int fls64(u64 x);
int ffs(int x);
unsigned long __ffs(unsigned long word);
unsigned long __fls(unsigned long word);
unsigned long ffz(unsigned long word);
int ilog2(u64 n);
int order_base_2(u64 n);
unsigned long roundup_pow_of_two(unsigned long n);
unsigned long rounddown_pow_of_two(unsigned long n);
bool is_power_of_2(unsigned long n);
int get_order(unsigned long size);
u32 rol32(u32 word, unsigned int shift);
u32 ror32(u32 word, unsigned int shift);
u8 bitrev8(u8 x);
u16 bitrev16(u16 x);
u32 bitrev32(u32 x);
u32 crc32_le(u32 crc, const void *p, size_t len);
u32 crc32_be(u32 crc, const void *p, size_t len);
#define crc32(seed, data, length) crc32_le(seed, data, length)
u32 ether_crc(int length, const unsigned char *data);
u32 ether_crc_le(int length, const unsigned char *data);
u16 crc16(u16 crc, const u8 *buffer, size_t len);
u16 crc_ccitt(u16 crc, const u8 *buffer, size_t len);
u16 crc_itu_t(u16 crc, const u8 *buffer, size_t len);
u8 crc8(const u8 *table, const u8 *pdata, size_t nbytes, u8 crc);

/* ---- atomics and barriers ------------------------------------------- */
#define ATOMIC_INIT(i) { (i) }
#define ATOMIC64_INIT(i) { (i) }
#define ATOMIC_LONG_INIT(i) { (i) }
#define REFCOUNT_INIT(n) { .refs = ATOMIC_INIT(n) }
int atomic_read(const atomic_t *v);
void atomic_set(atomic_t *v, int i);
void atomic_inc(atomic_t *v);
void atomic_dec(atomic_t *v);
void atomic_add(int i, atomic_t *v);
void atomic_sub(int i, atomic_t *v);
void atomic_or(int i, atomic_t *v);
void atomic_and(int i, atomic_t *v);
int atomic_inc_return(atomic_t *v);
int atomic_dec_return(atomic_t *v);
int atomic_add_return(int i, atomic_t *v);
int atomic_sub_return(int i, atomic_t *v);
int atomic_fetch_add(int i, atomic_t *v);
int atomic_fetch_sub(int i, atomic_t *v);
int atomic_fetch_or(int i, atomic_t *v);
int atomic_fetch_inc(atomic_t *v);
int atomic_fetch_dec(atomic_t *v);
bool atomic_dec_and_test(atomic_t *v);
bool atomic_inc_and_test(atomic_t *v);
bool atomic_sub_and_test(int i, atomic_t *v);
int atomic_xchg(atomic_t *v, int new);
int atomic_cmpxchg(atomic_t *v, int old, int new);
bool atomic_inc_not_zero(atomic_t *v);
int atomic_add_unless(atomic_t *v, int a, int u);
int atomic_dec_if_positive(atomic_t *v);
s64 atomic64_read(const atomic64_t *v);
void atomic64_set(atomic64_t *v, s64 i);
void atomic64_inc(atomic64_t *v);
void atomic64_dec(atomic64_t *v);
void atomic64_add(s64 i, atomic64_t *v);
void atomic64_sub(s64 i, atomic64_t *v);
s64 atomic64_inc_return(atomic64_t *v);
s64 atomic64_add_return(s64 i, atomic64_t *v);
long atomic_long_read(const atomic_long_t *v);
void atomic_long_set(atomic_long_t *v, long i);
void atomic_long_inc(atomic_long_t *v);
void atomic_long_dec(atomic_long_t *v);
void atomic_long_add(long i, atomic_long_t *v);
void atomic_long_sub(long i, atomic_long_t *v);
long atomic_long_inc_return(atomic_long_t *v);
void refcount_set(refcount_t *r, int n);
unsigned int refcount_read(const refcount_t *r);
void refcount_inc(refcount_t *r);
void refcount_dec(refcount_t *r);
bool refcount_inc_not_zero(refcount_t *r);
bool refcount_dec_and_test(refcount_t *r);
#define xchg(ptr, v) __atomic_exchange_n((ptr), (v), __ATOMIC_SEQ_CST)
#define cmpxchg(ptr, o, n) __sync_val_compare_and_swap((ptr), (o), (n))
#define try_cmpxchg(ptr, po, n) __atomic_compare_exchange_n((ptr), (po), (n), 0, __ATOMIC_SEQ_CST, __ATOMIC_SEQ_CST)
void barrier(void);
void mb(void);
void rmb(void);
void wmb(void);
void smp_mb(void);
void smp_rmb(void);
void smp_wmb(void);
void dma_rmb(void);
void dma_wmb(void);
void smp_mb__before_atomic(void);
void smp_mb__after_atomic(void);
void cpu_relax(void);
#define smp_store_release(p, v) do { barrier(); WRITE_ONCE(*(p), (v)); } while (0)
#define smp_load_acquire(p) READ_ONCE(*(p))
#define smp_store_mb(var, value) do { WRITE_ONCE(var, value); smp_mb(); } while (0)

/* ---- string / formatting -------------------------------------------- */
void *memcpy(void *dst, const void *src, size_t n);
void *memmove(void *dst, const void *src, size_t n);
void *memset(void *s, int c, size_t n);
int memcmp(const void *a, const void *b, size_t n);
void *memchr(const void *s, int c, size_t n);
void *memchr_inv(const void *s, int c, size_t n);
void memzero_explicit(void *s, size_t count);
char *strcpy(char *dst, const char *src);
char *strncpy(char *dst, const char *src, size_t n);
size_t strlcpy(char *dst, const char *src, size_t size);
ssize_t strscpy(char *dst, const char *src, size_t size);
ssize_t strscpy_pad(char *dst, const char *src, size_t size);
char *strcat(char *dst, const char *src);
char *strncat(char *dst, const char *src, size_t n);
size_t strlcat(char *dst, const char *src, size_t n);
size_t strlen(const char *s);
size_t strnlen(const char *s, size_t maxlen);
int strcmp(const char *a, const char *b);
int strncmp(const char *a, const char *b, size_t n);
int strcasecmp(const char *a, const char *b);
int strncasecmp(const char *a, const char *b, size_t n);
char *strchr(const char *s, int c);
char *strrchr(const char *s, int c);
char *strnchr(const char *s, size_t count, int c);
char *strstr(const char *s1, const char *s2);
char *strnstr(const char *s1, const char *s2, size_t len);
char *strsep(char **s, const char *ct);
char *strim(char *s);
char *skip_spaces(const char *s);
char *strreplace(char *s, char old, char new);
int match_string(const char *const *array, size_t n, const char *string);
int __sysfs_match_string(const char *const *array, size_t n, const char *string);
#define sysfs_match_string(array, string) __sysfs_match_string(array, ARRAY_SIZE(array), string)
bool sysfs_streq(const char *s1, const char *s2);
bool str_has_prefix(const char *str, const char *prefix);
bool strstarts(const char *str, const char *prefix);
int sprintf(char *buf, const char *fmt, ...);
int snprintf(char *buf, size_t size, const char *fmt, ...);
int scnprintf(char *buf, size_t size, const char *fmt, ...);
int vsprintf(char *buf, const char *fmt, va_list args);
int vsnprintf(char *buf, size_t size, const char *fmt, va_list args);
int vscnprintf(char *buf, size_t size, const char *fmt, va_list args);
int sscanf(const char *buf, const char *fmt, ...);
int kstrtoint(const char *s, unsigned int base, int *res);
int kstrtouint(const char *s, unsigned int base, unsigned int *res);
int kstrtol(const char *s, unsigned int base, long *res);
int kstrtoul(const char *s, unsigned int base, unsigned long *res);
int kstrtoll(const char *s, unsigned int base, long long *res);
int kstrtoull(const char *s, unsigned int base, unsigned long long *res);
int kstrtou8(const char *s, unsigned int base, u8 *res);
int kstrtos8(const char *s, unsigned int base, s8 *res);
int kstrtou16(const char *s, unsigned int base, u16 *res);
int kstrtos16(const char *s, unsigned int base, s16 *res);
int kstrtou32(const char *s, unsigned int base, u32 *res);
int kstrtos32(const char *s, unsigned int base, s32 *res);
int kstrtou64(const char *s, unsigned int base, u64 *res);
int kstrtos64(const char *s, unsigned int base, s64 *res);
int kstrtobool(const char *s, bool *res);
int strtobool(const char *s, bool *res);
int kstrtoint_from_user(const char __user *s, size_t count, unsigned int base, int *res);
int kstrtouint_from_user(const char __user *s, size_t count, unsigned int base, unsigned int *res);
int kstrtoul_from_user(const char __user *s, size_t count, unsigned int base, unsigned long *res);
int kstrtobool_from_user(const char __user *s, size_t count, bool *res);
unsigned long simple_strtoul(const char *cp, char **endp, unsigned int base);
long simple_strtol(const char *cp, char **endp, unsigned int base);
unsigned long long simple_strtoull(const char *cp, char **endp, unsigned int base);
int hex_to_bin(unsigned char ch);
int hex2bin(u8 *dst, const char *src, size_t count);
char *bin2hex(char *dst, const void *src, size_t count);
extern const char hex_asc[];
extern const char hex_asc_upper[];
#define hex_asc_lo(x) hex_asc[((x) & 0x0f)]
#define hex_asc_hi(x) hex_asc[((x) & 0xf0) >> 4]
char *hex_byte_pack(char *buf, u8 byte);
char *hex_byte_pack_upper(char *buf, u8 byte);
int isdigit(int c);
int isxdigit(int c);
int isalpha(int c);
int isalnum(int c);
int isspace(int c);
int isupper(int c);
int islower(int c);
int isprint(int c);
int ispunct(int c);
int iscntrl(int c);
int isgraph(int c);
int isascii(int c);
int toupper(int c);
int tolower(int c);
u32 get_random_u32(void);
u8 get_random_u8(void);
void get_random_bytes(void *buf, size_t len);
u32 prandom_u32(void);
u32 prandom_u32_max(u32 ceil);
const char *kbasename(const char *path);
const char *str_on_off(bool v);
const char *str_enabled_disabled(bool v);

/* ---- module machinery ----------------------------------------------- */
struct module;
extern struct module __this_module;
#define THIS_MODULE (&__this_module)
#define MODULE_LICENSE(x) extern int __drvlint_modinfo
#define MODULE_AUTHOR(x) extern int __drvlint_modinfo
#define MODULE_DESCRIPTION(x) extern int __drvlint_modinfo
#define MODULE_VERSION(x) extern int __drvlint_modinfo
#define MODULE_ALIAS(x) extern int __drvlint_modinfo
#define MODULE_FIRMWARE(x) extern int __drvlint_modinfo
#define MODULE_SOFTDEP(x) extern int __drvlint_modinfo
#define MODULE_INFO(tag, info) extern int __drvlint_modinfo
#define MODULE_IMPORT_NS(ns) extern int __drvlint_modinfo
#define MODULE_PARM_DESC(name, desc) extern int __drvlint_modinfo
#define MODULE_ALIAS_CHARDEV_MAJOR(x) extern int __drvlint_modinfo
#define MODULE_ALIAS_NETPROTO(x) extern int __drvlint_modinfo
#define MODULE_DEVICE_TABLE(type, name) extern __typeof__(name) __mod_##type##__##name##_device_table
#define module_param(name, type, perm) extern int __drvlint_modinfo
#define module_param_named(name, value, type, perm) extern int __drvlint_modinfo
#define module_param_array(name, type, nump, perm) extern int __drvlint_modinfo
#define module_param_string(name, string, len, perm) extern int __drvlint_modinfo
#define module_param_cb(name, ops, arg, perm) extern int __drvlint_modinfo
#define module_param_unsafe(name, type, perm) extern int __drvlint_modinfo
#define module_param_named_unsafe(name, value, type, perm) extern int __drvlint_modinfo
#define module_param_array_named(name, array, type, nump, perm) extern int __drvlint_modinfo
#define module_param_hw(name, type, hwtype, perm) extern int __drvlint_modinfo
#define module_param_hw_named(name, value, type, hwtype, perm) extern int __drvlint_modinfo
#define module_param_hw_array(name, type, hwtype, nump, perm) extern int __drvlint_modinfo
#define MODULE_ALIAS_CHARDEV(major, minor) extern int __drvlint_modinfo
#define MODULE_ALIAS_MISCDEV(minor) extern int __drvlint_modinfo
#define core_param(name, var, type, perm) extern int __drvlint_modinfo
#define EXPORT_SYMBOL(sym) extern int __drvlint_modinfo
#define EXPORT_SYMBOL_GPL(sym) extern int __drvlint_modinfo
#define EXPORT_SYMBOL_NS(sym, ns) extern int __drvlint_modinfo
#define EXPORT_SYMBOL_NS_GPL(sym, ns) extern int __drvlint_modinfo
/* module_init(fn)/module_exit(fn) record the entry point in a typed
 * variable named __drvlint_module_init_<fn> / __drvlint_module_exit_<fn>;
 * like the kernel's they carry their own ';'. */
#define module_init(fn) static int (*__drvlint_module_init_##fn)(void) __attribute__((__used__)) = (fn);
#define module_exit(fn) static void (*__drvlint_module_exit_##fn)(void) __attribute__((__used__)) = (fn);
#define __setup(str, fn) static int (*__drvlint_setup_##fn)(char *) __attribute__((__used__)) = (fn);
#define early_param(str, fn) __setup(str, fn)
#define late_initcall(fn) module_init(fn)
#define subsys_initcall(fn) module_init(fn)
#define device_initcall(fn) module_init(fn)
#define fs_initcall(fn) module_init(fn)
#define arch_initcall(fn) module_init(fn)
#define __initcall(fn) module_init(fn)
/* module_xxx_driver(drv): trivial init/exit stubs that call reg/unreg. */
#define module_driver(__driver, __register, __unregister, ...) \
	static int __drvlint_##__driver##_init(void) \
	{ return __register(&(__driver), ##__VA_ARGS__); } \
	module_init(__drvlint_##__driver##_init) \
	static void __drvlint_##__driver##_exit(void) \
	{ __unregister(&(__driver), ##__VA_ARGS__); } \
	module_exit(__drvlint_##__driver##_exit)
#define builtin_driver(__driver, __register, ...) \
	static int __drvlint_##__driver##_init(void) \
	{ return __register(&(__driver), ##__VA_ARGS__); } \
	module_init(__drvlint_##__driver##_init)
bool try_module_get(struct module *module);
const char *module_name(struct module *mod);
void module_put(struct module *module);
void __module_get(struct module *module);
int request_module(const char *fmt, ...);

#endif /* DRVLINT_TYPES_H */
