// SPDX-License-Identifier: GPL-2.0
/*
 * pmicx - register window of a PMIC behind an indirect address/data pair.
 * The window must not be interrupted between the address and the data
 * access, so pmicx_rmw() disables interrupts with local_irq_save() and then
 * takes the window lock with spin_lock(); the success path undoes both
 * with spin_unlock_irqrestore(), and so does the busy error path.
 */
#include <linux/module.h>
#include <linux/spinlock.h>
#include <linux/io.h>
#include <linux/errno.h>
#include <linux/export.h>

#define PMICX_ADDR	0x00
#define PMICX_DATA	0x04
#define PMICX_STAT	0x08
#define PMICX_BUSY	0x1

struct pmicx {
	void __iomem *base;
	spinlock_t win_lock;
};

int pmicx_rmw(struct pmicx *pm, u32 reg, u32 mask, u32 val)
{
	unsigned long flags;
	u32 old;

	local_irq_save(flags);
	spin_lock(&pm->win_lock);
	if (readl(pm->base + PMICX_STAT) & PMICX_BUSY) {
		spin_unlock_irqrestore(&pm->win_lock, flags);
		return -EBUSY;
	}
	writel(reg, pm->base + PMICX_ADDR);
	old = readl(pm->base + PMICX_DATA);
	writel((old & ~mask) | (val & mask), pm->base + PMICX_DATA);
	spin_unlock_irqrestore(&pm->win_lock, flags);
	return 0;
}
EXPORT_SYMBOL_GPL(pmicx_rmw);

MODULE_LICENSE("GPL");
