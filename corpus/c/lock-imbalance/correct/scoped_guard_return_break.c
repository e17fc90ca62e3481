// SPDX-License-Identifier: GPL-2.0
/*
 * dmx - channel allocator of a small DMA multiplexer.
 * Tricky: scoped_guard() releases the lock at the end of its block, and
 * the block is left early: "return -EIO"/"return -EBUSY" from inside the
 * scope (dmx_chan_enable), and "continue"/"break" inside a scoped_guard
 * nested in a for loop, next to a plain "break" of that loop taken with
 * no lock held (dmx_collect_errors).  The same mutex is taken again on the
 * next iteration, which is not a double lock.  A checker that does not
 * model the implicit release at scope exit sees every one of these exits
 * leaving the mutex held.
 */
#include <linux/module.h>
#include <linux/mutex.h>
#include <linux/spinlock.h>
#include <linux/device.h>
#include <linux/io.h>

#ifndef guard
/* guard()/scoped_guard() compatibility for kernels without linux/cleanup.h */
typedef struct mutex *__compat_guard_mutex_t;
static inline __compat_guard_mutex_t __compat_guard_mutex_init(struct mutex *m)
{
	mutex_lock(m);
	return m;
}
static inline void __compat_guard_mutex_exit(__compat_guard_mutex_t *g)
{
	mutex_unlock(*g);
}

typedef struct {
	spinlock_t *lock;
	unsigned long flags;
} __compat_guard_spinlock_irqsave_t;
static inline __compat_guard_spinlock_irqsave_t
__compat_guard_spinlock_irqsave_init(spinlock_t *l)
{
	__compat_guard_spinlock_irqsave_t g = { .lock = l };

	spin_lock_irqsave(l, g.flags);
	return g;
}
static inline void
__compat_guard_spinlock_irqsave_exit(__compat_guard_spinlock_irqsave_t *g)
{
	spin_unlock_irqrestore(g->lock, g->flags);
}

#define __compat_guard_var(_name, _var)					\
	__compat_guard_##_name##_t _var					\
	__attribute__((cleanup(__compat_guard_##_name##_exit))) =	\
		__compat_guard_##_name##_init
#define guard(_name)	__compat_guard_var(_name, __UNIQUE_ID(guard))
#define scoped_guard(_name, args...)					\
	for (__compat_guard_var(_name, scope)(args),			\
	     *__compat_done = NULL; !__compat_done;			\
	     __compat_done = (void *)1)
#endif

#define DMX_NR_CHANNELS		8
#define DMX_REG_CH_CTRL(n)	(0x100 + 0x20 * (n))
#define DMX_REG_CH_STATUS(n)	(0x104 + 0x20 * (n))
#define DMX_CH_ENABLE		BIT(0)
#define DMX_CH_ERROR		BIT(1)

struct dmx_chan {
	bool in_use;
	u32 owner;
	unsigned int errors;
};

struct dmx_dev {
	struct device *dev;
	void __iomem *base;
	struct mutex lock;		/* protects chan[] and the channel registers */
	spinlock_t stat_lock;
	struct dmx_chan chan[DMX_NR_CHANNELS];
	bool halted;
	unsigned long total_errors;
};

static int dmx_chan_enable(struct dmx_dev *dd, unsigned int ch, u32 owner)
{
	if (ch >= DMX_NR_CHANNELS)
		return -EINVAL;

	scoped_guard(mutex, &dd->lock) {
		if (dd->halted)
			return -EIO;
		if (dd->chan[ch].in_use)
			return -EBUSY;
		dd->chan[ch].in_use = true;
		dd->chan[ch].owner = owner;
		writel(DMX_CH_ENABLE, dd->base + DMX_REG_CH_CTRL(ch));
	}
	dev_dbg(dd->dev, "channel %u enabled for %#x\n", ch, owner);
	return 0;
}

/*
 * The loop body ends with the scoped_guard, so "continue" inside it has
 * the same effect whether it ends only the guard's for-loop (as it does
 * with the kernel macro) or the outer loop.  "break" inside a scoped_guard
 * only leaves the guard scope, hence the "halt" flag tested after it.
 */
static unsigned int dmx_collect_errors(struct dmx_dev *dd)
{
	unsigned int ch, found = 0;
	bool halt = false;

	for (ch = 0; ch < DMX_NR_CHANNELS && !halt; ch++) {
		u32 st = readl(dd->base + DMX_REG_CH_STATUS(ch));

		if (st == ~0u) {
			dev_err(dd->dev, "device gone while scanning\n");
			break;
		}
		scoped_guard(mutex, &dd->lock) {
			if (!dd->chan[ch].in_use)
				continue;
			if (dd->halted) {
				halt = true;
				break;
			}
			if (st & DMX_CH_ERROR) {
				dd->chan[ch].errors++;
				found++;
			}
		}
	}

	if (halt)
		return 0;
	scoped_guard(spinlock_irqsave, &dd->stat_lock) {
		dd->total_errors += found;
	}
	return found;
}

MODULE_LICENSE("GPL");
