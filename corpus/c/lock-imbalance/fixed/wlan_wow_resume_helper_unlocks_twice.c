// SPDX-License-Identifier: GPL-2.0
/*
 * Bug pattern: an error path calls the driver's resume helper, which ends
 * by unlocking the configuration mutex, and then unlocks it again.
 *
 * Models a WLAN driver's WoW suspend: suspend trylocks the configuration
 * mutex and the scan semaphore and holds both while the device sleeps;
 * resume (a same-file function that also serves as the ieee80211 resume
 * op) releases both.  Two late failures of suspend undo the work by
 * calling resume and then "mutex_unlock(&priv->conf_mutex)" again: a
 * double unlock.  The helper reaches the private data as "hw->priv"
 * through a local, so its effects are known only when the local is
 * followed back to the parameter.  The fixed twin drops the second unlock.
 *
 * Fixed twin: the error paths rely on wowl_resume() for both releases.
 */
#include <linux/module.h>
#include <linux/mutex.h>
#include <linux/semaphore.h>
#include <linux/atomic.h>
#include <linux/errno.h>

struct ieee_hw {
	void *priv;
};

struct wowl_priv {
	struct mutex conf_mutex;
	struct semaphore scan_lock;
	atomic_t bh_rx;
	int (*power_mgmt)(struct wowl_priv *priv, bool enable);
	bool suspended;
};

int wowl_resume(struct ieee_hw *hw)
{
	struct wowl_priv *priv = hw->priv;

	priv->power_mgmt(priv, false);
	up(&priv->scan_lock);
	priv->suspended = false;
	mutex_unlock(&priv->conf_mutex);
	return 0;
}
EXPORT_SYMBOL_GPL(wowl_resume);

int wowl_suspend(struct ieee_hw *hw)
{
	struct wowl_priv *priv = hw->priv;
	int ret;

	if (!mutex_trylock(&priv->conf_mutex))
		return -EBUSY;
	if (down_trylock(&priv->scan_lock)) {
		mutex_unlock(&priv->conf_mutex);
		return -EBUSY;
	}
	priv->suspended = true;

	ret = priv->power_mgmt(priv, true);
	if (ret) {
		wowl_resume(hw);
		return -EBUSY;
	}
	if (atomic_read(&priv->bh_rx)) {
		wowl_resume(hw);
		return -EAGAIN;
	}
	return 0;
}
EXPORT_SYMBOL_GPL(wowl_suspend);

MODULE_LICENSE("GPL");
