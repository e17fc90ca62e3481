// SPDX-License-Identifier: GPL-2.0
/*
 * tunergate - I2C gate between a demodulator and its tuner on a USB TV
 * stick.  Models the DVB frontends' i2c_gate_ctrl(fe, enable) callback: the
 * demodulator and the tuner share the bus, so opening the gate takes the
 * bus mutex and closing it releases it; the DVB core always calls the pair.
 * A second helper does the same with a command argument (PAUSE takes the
 * stream lock, RESUME releases it).
 * Tricky: each function returns holding the lock on some paths and having
 * released it on the others; a parameter decides which, and no path merely
 * forgets to unlock.
 */
#include <linux/module.h>
#include <linux/mutex.h>
#include <linux/errno.h>

enum tgate_cmd { TGATE_PAUSE, TGATE_RESUME };

struct tgate {
	struct mutex bus_lock;
	struct mutex stream_lock;
	int (*hw_gate)(struct tgate *tg, int open);
	bool paused;
};

int tgate_i2c_gate_ctrl(struct tgate *tg, int enable)
{
	int ret;

	if (!tg)
		return -EINVAL;
	if (enable) {
		mutex_lock(&tg->bus_lock);
		ret = tg->hw_gate(tg, 1);
	} else {
		ret = tg->hw_gate(tg, 0);
		mutex_unlock(&tg->bus_lock);
	}
	return ret;
}
EXPORT_SYMBOL_GPL(tgate_i2c_gate_ctrl);

int tgate_stream_ctrl(struct tgate *tg, enum tgate_cmd cmd)
{
	switch (cmd) {
	case TGATE_PAUSE:
		mutex_lock(&tg->stream_lock);
		tg->paused = true;
		return 0;
	case TGATE_RESUME:
		tg->paused = false;
		mutex_unlock(&tg->stream_lock);
		return 0;
	}
	return -EINVAL;
}
EXPORT_SYMBOL_GPL(tgate_stream_ctrl);

MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("I2C gate and stream pause helpers of a USB TV stick");
