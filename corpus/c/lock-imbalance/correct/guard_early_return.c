// SPDX-License-Identifier: GPL-2.0
/*
 * tmpsn - I2C temperature sensor with alarm thresholds.
 * Tricky: locks are taken with guard() and released implicitly when the
 * guard variable goes out of scope; no unlock call is written.
 * tmpsn_set_limit() has three returns after guard(mutex) and
 * tmpsn_alarm_pending() three after guard(spinlock_irqsave).
 * tmpsn_resume() uses guard(mutex) inside an if block, then locks the same
 * mutex explicitly: the guard was released at the closing brace of the if,
 * so this is not a double lock.
 */
#include <linux/module.h>
#include <linux/i2c.h>
#include <linux/mutex.h>
#include <linux/spinlock.h>

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

#define TMPSN_REG_HIGH		0x02
#define TMPSN_REG_CONF		0x01
#define TMPSN_LIMIT_MAX		125000

struct tmpsn {
	struct i2c_client *client;
	struct mutex update_lock;
	spinlock_t alarm_lock;
	bool suspended;
	u8 conf;
	int high_mc;
	unsigned long alarms;
};

static int tmpsn_set_limit(struct tmpsn *ts, int millicelsius)
{
	int ret;

	if (millicelsius > TMPSN_LIMIT_MAX)
		return -ERANGE;

	guard(mutex)(&ts->update_lock);
	if (ts->suspended)
		return -EBUSY;
	if (ts->high_mc == millicelsius)
		return 0;
	ret = i2c_smbus_write_byte_data(ts->client, TMPSN_REG_HIGH,
					millicelsius / 1000);
	if (ret < 0) {
		dev_err(&ts->client->dev, "cannot write limit: %d\n", ret);
		return ret;
	}
	ts->high_mc = millicelsius;
	return 0;
}

static bool tmpsn_alarm_pending(struct tmpsn *ts, unsigned int bit)
{
	guard(spinlock_irqsave)(&ts->alarm_lock);

	if (!ts->alarms || ts->suspended)
		return false;
	if (!test_bit(bit, &ts->alarms))
		return false;
	__clear_bit(bit, &ts->alarms);
	return true;
}

static int tmpsn_resume(struct device *dev)
{
	struct tmpsn *ts = i2c_get_clientdata(to_i2c_client(dev));
	int ret;

	if (ts->suspended) {
		guard(mutex)(&ts->update_lock);
		ts->suspended = false;
	}

	mutex_lock(&ts->update_lock);
	ret = i2c_smbus_write_byte_data(ts->client, TMPSN_REG_CONF, ts->conf);
	mutex_unlock(&ts->update_lock);
	if (ret < 0 || tmpsn_alarm_pending(ts, 0))
		dev_err(dev, "resume: conf %d, alarm raised while asleep\n", ret);
	return ret < 0 ? ret : 0;
}

static DEFINE_SIMPLE_DEV_PM_OPS(tmpsn_pm_ops, NULL, tmpsn_resume);

MODULE_LICENSE("GPL");
