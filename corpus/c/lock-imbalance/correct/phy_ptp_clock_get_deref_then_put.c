// SPDX-License-Identifier: GPL-2.0
/*
 * ptpx - a PHY with a PTP clock shared by every PHY on the same MDIO bus.
 * clock_get() locks the shared clock when there is one and returns it;
 * clock_put() unlocks it.  Removing a PHY hands the clock to another PHY
 * or unlinks this one from the clock's list.
 * Tricky: clock_get() takes the lock only for a non-NULL clock, so right
 * after the call there is a path where the clock is NULL and unlocked, and
 * clock_put() on it would release a lock never taken.  But remove
 * dereferences the clock before it puts it: past "clock->chosen" the
 * pointer was not NULL (the kernel would have oopsed), so the lock was
 * taken on every path that reaches the put.
 */
#include <linux/module.h>
#include <linux/mutex.h>
#include <linux/list.h>
#include <linux/slab.h>
#include <linux/phy.h>

struct ptpx_clock {
	struct mutex lock;
	struct list_head phylist;
	struct ptpx_priv *chosen;
};

struct ptpx_priv {
	struct ptpx_clock *clock;
	struct list_head list;
};

static struct ptpx_clock *ptpx_clock_get(struct ptpx_clock *clock)
{
	if (clock)
		mutex_lock(&clock->lock);
	return clock;
}

static void ptpx_clock_put(struct ptpx_clock *clock)
{
	mutex_unlock(&clock->lock);
}

static void ptpx_remove(struct phy_device *phydev)
{
	struct ptpx_priv *priv = phydev->priv;
	struct ptpx_clock *clock;

	clock = ptpx_clock_get(priv->clock);
	if (priv == clock->chosen)
		clock->chosen = NULL;
	else
		list_del_init(&priv->list);
	ptpx_clock_put(clock);
	kfree(priv);
}

static struct phy_driver ptpx_driver = {
	.phy_id		= 0x20005ce1,
	.phy_id_mask	= 0xfffffff0,
	.name		= "ptpx",
	.remove		= ptpx_remove,
};
struct phy_driver *ptpx_phy_driver(void)
{
	return &ptpx_driver;
}
EXPORT_SYMBOL(ptpx_phy_driver);

MODULE_LICENSE("GPL");
