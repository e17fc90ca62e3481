// SPDX-License-Identifier: GPL-2.0
/*
 * csx - a multi-ring gigabit NIC: each TX ring has its own lock, and a
 * reset must hold all of them.
 * Tricky: the helpers take and drop every ring's lock in a loop over the
 * ring index (spin_lock_nested() with the index as lockdep subclass), so
 * the lock text "&cp->tx_lock[i]" is acquired again while "held" - but
 * each pass of the loop advances i and takes another element of the
 * array.  The reset path also does it inline.
 */
#include <linux/module.h>
#include <linux/spinlock.h>
#include <linux/netdevice.h>
#include <linux/io.h>

#define CSX_TX_RINGS	4

struct csx {
	struct net_device *dev;
	void __iomem *regs;
	spinlock_t lock;
	spinlock_t tx_lock[CSX_TX_RINGS];
	unsigned int tx_old[CSX_TX_RINGS];
};

static void csx_lock_tx(struct csx *cp)
{
	int i;

	for (i = 0; i < CSX_TX_RINGS; i++)
		spin_lock_nested(&cp->tx_lock[i], i);
}

static void csx_unlock_tx(struct csx *cp)
{
	int i;

	for (i = CSX_TX_RINGS; i > 0; i--)
		spin_unlock(&cp->tx_lock[i - 1]);
}

void csx_reset_rings(struct csx *cp)
{
	unsigned long flags;
	int i;

	spin_lock_irqsave(&cp->lock, flags);
	csx_lock_tx(cp);
	for (i = 0; i < CSX_TX_RINGS; i++)
		cp->tx_old[i] = 0;
	writel(1, cp->regs);
	csx_unlock_tx(cp);
	spin_unlock_irqrestore(&cp->lock, flags);
}
EXPORT_SYMBOL(csx_reset_rings);

void csx_clear_stats(struct csx *cp)
{
	int i;

	for (i = 0; i < CSX_TX_RINGS; i++)
		spin_lock_nested(&cp->tx_lock[i], i);
	writel(0, cp->regs + 4);
	for (i = CSX_TX_RINGS; i > 0; i--)
		spin_unlock(&cp->tx_lock[i - 1]);
}
EXPORT_SYMBOL(csx_clear_stats);

MODULE_LICENSE("GPL");
