// SPDX-License-Identifier: GPL-2.0
/*
 * qnx - a PCI NIC's load path, called from ndo_open (which does not hold
 * the driver lock) and from the recovery path (which does).
 * Tricky: qnx_load(edev, is_locked) takes edev->lock only when the caller
 * does not hold it, then for each queue drops the lock around a helper
 * that takes it itself and takes it back.  When is_locked is true the
 * caller holds the lock: the drop is only for a while, and every path
 * returns with the lock as it found it.
 */
#include <linux/module.h>
#include <linux/mutex.h>
#include <linux/netdevice.h>
#include <linux/io.h>

#define QNX_MAX_QUEUES	8

struct qnx_coal {
	u16 rx_usecs;
	u16 tx_usecs;
	bool valid;
};

struct qnx_dev {
	struct net_device *ndev;
	struct mutex lock;
	void __iomem *regs;
	int num_queues;
	struct qnx_coal coal[QNX_MAX_QUEUES];
};

static void qnx_set_coalesce(struct qnx_dev *edev, int q, u16 rx, u16 tx)
{
	mutex_lock(&edev->lock);
	writel(rx | (tx << 16), edev->regs + 0x100 + 4 * q);
	mutex_unlock(&edev->lock);
}

static int qnx_load(struct qnx_dev *edev, bool is_locked)
{
	int i;

	if (!is_locked)
		mutex_lock(&edev->lock);
	writel(1, edev->regs);
	for (i = 0; i < edev->num_queues; i++) {
		u16 rx = 24, tx = 48;

		if (edev->coal[i].valid) {
			rx = edev->coal[i].rx_usecs;
			tx = edev->coal[i].tx_usecs;
		}
		mutex_unlock(&edev->lock);
		qnx_set_coalesce(edev, i, rx, tx);
		mutex_lock(&edev->lock);
	}
	if (!is_locked)
		mutex_unlock(&edev->lock);
	return 0;
}

int qnx_open(struct net_device *ndev)
{
	struct qnx_dev *edev = netdev_priv(ndev);

	return qnx_load(edev, false);
}
EXPORT_SYMBOL(qnx_open);

void qnx_recover(struct qnx_dev *edev)
{
	mutex_lock(&edev->lock);
	writel(0, edev->regs);
	qnx_load(edev, true);
	mutex_unlock(&edev->lock);
}
EXPORT_SYMBOL(qnx_recover);

MODULE_LICENSE("GPL");
