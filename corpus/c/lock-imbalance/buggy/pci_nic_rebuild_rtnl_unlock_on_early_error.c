// SPDX-License-Identifier: GPL-2.0
/*
 * Bug pattern: conditional rtnl_unlock() reached by an error path that runs
 * before the conditional rtnl_lock().
 *
 * Models fixes titled along the lines of "don't release RTNL we never took
 * on rebuild failure" in multi-queue PCI Ethernet drivers.  The rebuild
 * routine after a core reset is called from the reset work (RTNL not held,
 * lock_acquired == false) and from ndo callbacks that already run under
 * RTNL (lock_acquired == true).  It takes RTNL itself only half-way
 * through, right before the netdev-visible part of the rebuild, but the
 * early "firmware did not come back" failure already jumps to the common
 * exit label, which drops RTNL under the same !lock_acquired test: the
 * reset work releases a mutex owned by nobody (or by another task).
 */
#include <linux/module.h>
#include <linux/pci.h>
#include <linux/netdevice.h>
#include <linux/etherdevice.h>
#include <linux/rtnetlink.h>
#include <linux/workqueue.h>
#include <linux/interrupt.h>
#include <linux/delay.h>
#include <linux/io.h>

#define QNIC_REG_FW_STATUS	0x0010
#define QNIC_REG_RESET		0x0014
#define QNIC_REG_QCOUNT		0x0020
#define QNIC_REG_MTU		0x0024
#define QNIC_REG_IRQ_CAUSE	0x0040
#define QNIC_FW_READY		BIT(0)
#define QNIC_RESET_CORE		BIT(0)
#define QNIC_IRQ_FATAL		BIT(31)
#define QNIC_FW_POLL_MS		20
#define QNIC_FW_POLL_TRIES	50
#define QNIC_MAX_QUEUES		16

enum qnic_state_bits {
	QNIC_STATE_DOWN,
	QNIC_STATE_RESET_REQUESTED,
};

struct qnic_pf {
	struct pci_dev *pdev;
	void __iomem *hw;
	struct net_device *netdev;
	struct work_struct reset_task;
	unsigned long state;
	unsigned int num_queues;
	u32 fw_build;
};

struct qnic_netdev_priv {
	struct qnic_pf *pf;
};

static int qnic_wait_fw_ready(struct qnic_pf *pf)
{
	int tries;

	for (tries = 0; tries < QNIC_FW_POLL_TRIES; tries++) {
		if (readl(pf->hw + QNIC_REG_FW_STATUS) & QNIC_FW_READY)
			return 0;
		msleep(QNIC_FW_POLL_MS);
	}
	return -ETIMEDOUT;
}

static int qnic_setup_queues(struct qnic_pf *pf)
{
	int ret;

	writel(pf->num_queues, pf->hw + QNIC_REG_QCOUNT);
	ret = netif_set_real_num_tx_queues(pf->netdev, pf->num_queues);
	if (ret)
		return ret;
	return netif_set_real_num_rx_queues(pf->netdev, pf->num_queues);
}

/**
 * qnic_rebuild - bring the function back after a core reset
 * @pf: board private structure
 * @lock_acquired: the caller already holds RTNL
 */
void qnic_rebuild(struct qnic_pf *pf, bool lock_acquired)
{
	struct net_device *netdev = pf->netdev;
	int ret;

	if (test_bit(QNIC_STATE_DOWN, &pf->state))
		goto end_core_reset;

	ret = qnic_wait_fw_ready(pf);
	if (ret) {
		dev_err(&pf->pdev->dev, "firmware not ready after reset: %d\n", ret);
		goto end_unlock;
	}
	pf->fw_build = readl(pf->hw + QNIC_REG_FW_STATUS) >> 16;

	/* from here on the rebuild touches netdev state */
	if (!lock_acquired)
		rtnl_lock();

	ret = qnic_setup_queues(pf);
	if (ret) {
		dev_err(&pf->pdev->dev, "queue setup failed: %d\n", ret);
		goto end_unlock;
	}
	writel(netdev->mtu, pf->hw + QNIC_REG_MTU);
	netif_device_attach(netdev);
	if (netif_running(netdev))
		netif_tx_wake_all_queues(netdev);

end_unlock:
	if (!lock_acquired)
		rtnl_unlock(); /* expect: lock-imbalance */
end_core_reset:
	clear_bit(QNIC_STATE_RESET_REQUESTED, &pf->state);
}
EXPORT_SYMBOL_GPL(qnic_rebuild);

static void qnic_core_reset(struct qnic_pf *pf)
{
	netif_device_detach(pf->netdev);
	writel(QNIC_RESET_CORE, pf->hw + QNIC_REG_RESET);
}

static void qnic_reset_task(struct work_struct *work)
{
	struct qnic_pf *pf = container_of(work, struct qnic_pf, reset_task);

	if (!test_bit(QNIC_STATE_RESET_REQUESTED, &pf->state))
		return;
	qnic_core_reset(pf);
	qnic_rebuild(pf, false);
}

static irqreturn_t qnic_misc_irq(int irq, void *data)
{
	struct qnic_pf *pf = data;
	u32 cause = readl(pf->hw + QNIC_REG_IRQ_CAUSE);

	if (!cause)
		return IRQ_NONE;
	writel(cause, pf->hw + QNIC_REG_IRQ_CAUSE);
	if ((cause & QNIC_IRQ_FATAL) &&
	    !test_and_set_bit(QNIC_STATE_RESET_REQUESTED, &pf->state))
		schedule_work(&pf->reset_task);
	return IRQ_HANDLED;
}

/* ndo callbacks run under RTNL: the rebuild must not take it again */
static int qnic_change_mtu(struct net_device *netdev, int new_mtu)
{
	struct qnic_netdev_priv *np = netdev_priv(netdev);
	struct qnic_pf *pf = np->pf;

	if (test_and_set_bit(QNIC_STATE_RESET_REQUESTED, &pf->state))
		return -EBUSY;
	netdev->mtu = new_mtu;
	qnic_core_reset(pf);
	qnic_rebuild(pf, true);
	return 0;
}

static int qnic_open(struct net_device *netdev)
{
	netif_tx_start_all_queues(netdev);
	return 0;
}

static int qnic_stop(struct net_device *netdev)
{
	netif_tx_stop_all_queues(netdev);
	return 0;
}

static netdev_tx_t qnic_start_xmit(struct sk_buff *skb, struct net_device *netdev)
{
	netdev->stats.tx_dropped++;
	dev_kfree_skb_any(skb);
	return NETDEV_TX_OK;
}

static const struct net_device_ops qnic_netdev_ops = {
	.ndo_open	= qnic_open,
	.ndo_stop	= qnic_stop,
	.ndo_start_xmit	= qnic_start_xmit,
	.ndo_change_mtu	= qnic_change_mtu,
};

static int qnic_probe(struct pci_dev *pdev, const struct pci_device_id *id)
{
	struct qnic_netdev_priv *np;
	struct net_device *netdev;
	struct qnic_pf *pf;
	int ret;

	ret = pcim_enable_device(pdev);
	if (ret)
		return ret;
	ret = pcim_iomap_regions(pdev, BIT(0), "qnic");
	if (ret)
		return ret;
	pf = devm_kzalloc(&pdev->dev, sizeof(*pf), GFP_KERNEL);
	if (!pf)
		return -ENOMEM;
	pf->pdev = pdev;
	pf->hw = pcim_iomap_table(pdev)[0];
	pf->num_queues = QNIC_MAX_QUEUES;
	INIT_WORK(&pf->reset_task, qnic_reset_task);

	netdev = alloc_etherdev_mq(sizeof(*np), QNIC_MAX_QUEUES);
	if (!netdev)
		return -ENOMEM;
	np = netdev_priv(netdev);
	np->pf = pf;
	pf->netdev = netdev;
	netdev->netdev_ops = &qnic_netdev_ops;
	SET_NETDEV_DEV(netdev, &pdev->dev);
	eth_hw_addr_random(netdev);
	pci_set_drvdata(pdev, pf);

	ret = qnic_wait_fw_ready(pf);
	if (ret)
		goto err_free_netdev;
	ret = devm_request_irq(&pdev->dev, pdev->irq, qnic_misc_irq, IRQF_SHARED, "qnic", pf);
	if (ret)
		goto err_free_netdev;
	ret = register_netdev(netdev);
	if (ret)
		goto err_free_netdev;
	return 0;

err_free_netdev:
	free_netdev(netdev);
	return ret;
}

static void qnic_remove(struct pci_dev *pdev)
{
	struct qnic_pf *pf = pci_get_drvdata(pdev);

	set_bit(QNIC_STATE_DOWN, &pf->state);
	unregister_netdev(pf->netdev);
	devm_free_irq(&pdev->dev, pdev->irq, pf);
	cancel_work_sync(&pf->reset_task);
	free_netdev(pf->netdev);
}

static const struct pci_device_id qnic_ids[] = {
	{ PCI_DEVICE(0x1d6a, 0x00b1) },
	{ }
};
MODULE_DEVICE_TABLE(pci, qnic_ids);

static struct pci_driver qnic_driver = {
	.name		= "qnic",
	.id_table	= qnic_ids,
	.probe		= qnic_probe,
	.remove		= qnic_remove,
};
module_pci_driver(qnic_driver);
MODULE_LICENSE("GPL");
