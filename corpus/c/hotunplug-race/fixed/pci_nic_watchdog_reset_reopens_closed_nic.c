// SPDX-License-Identifier: GPL-2.0
/*
 * wdnic - a PCI NIC with a software watchdog whose reset work reopens the
 * NIC under RTNL.  Fixed: the work bails under RTNL when the interface is
 * no longer running, so it cannot reopen a NIC the core has closed.
 */
#include <linux/module.h>
#include <linux/pci.h>
#include <linux/netdevice.h>
#include <linux/etherdevice.h>
#include <linux/interrupt.h>
#include <linux/timer.h>
#include <linux/workqueue.h>
#include <linux/rtnetlink.h>
#include <linux/slab.h>
#include <linux/io.h>

#define WDNIC_RING_SIZE		256
#define WDNIC_REG_TX_DONE	0x20
#define WDNIC_WATCHDOG		(2 * HZ)

struct wdnic_tx_info {
	struct sk_buff *skb;
	dma_addr_t dma;
};

struct wdnic_ring {
	struct wdnic_tx_info *info;
	unsigned int req;
	unsigned int done;
	unsigned int last_done;
};

struct wdnic_priv {
	struct pci_dev *pdev;
	struct net_device *netdev;
	void __iomem *regs;
	struct wdnic_ring tx;
	struct timer_list watchdog_timer;
	struct work_struct reset_work;
	bool running;
};

static irqreturn_t wdnic_irq(int irq, void *data)
{
	struct wdnic_priv *priv = data;
	unsigned int done = readl(priv->regs + WDNIC_REG_TX_DONE);

	if (done == priv->tx.done)
		return IRQ_NONE;
	while (priv->tx.done != done) {
		struct wdnic_tx_info *info = &priv->tx.info[priv->tx.done % WDNIC_RING_SIZE];

		dev_consume_skb_irq(info->skb);
		info->skb = NULL;
		priv->tx.done++;
	}
	return IRQ_HANDLED;
}

static void wdnic_watchdog(struct timer_list *t)
{
	struct wdnic_priv *priv = from_timer(priv, t, watchdog_timer);

	if (priv->tx.req != priv->tx.done && priv->tx.done == priv->tx.last_done) {
		schedule_work(&priv->reset_work);
		return;
	}
	priv->tx.last_done = priv->tx.done;
	mod_timer(&priv->watchdog_timer, jiffies + WDNIC_WATCHDOG);
}

static int wdnic_open(struct net_device *netdev)
{
	struct wdnic_priv *priv = netdev_priv(netdev);
	int err;

	priv->tx.info = kcalloc(WDNIC_RING_SIZE, sizeof(*priv->tx.info), GFP_KERNEL);
	if (!priv->tx.info)
		return -ENOMEM;
	priv->tx.req = 0;
	priv->tx.done = 0;
	priv->tx.last_done = 0;
	err = request_irq(priv->pdev->irq, wdnic_irq, 0, netdev_name(netdev), priv);
	if (err) {
		kfree(priv->tx.info);
		priv->tx.info = NULL;
		return err;
	}
	priv->running = true;
	mod_timer(&priv->watchdog_timer, jiffies + WDNIC_WATCHDOG);
	netif_start_queue(netdev);
	return 0;
}

static int wdnic_stop(struct net_device *netdev)
{
	struct wdnic_priv *priv = netdev_priv(netdev);

	if (!priv->running)
		return 0;
	priv->running = false;
	netif_stop_queue(netdev);
	del_timer_sync(&priv->watchdog_timer);
	free_irq(priv->pdev->irq, priv);
	kfree(priv->tx.info);
	priv->tx.info = NULL;
	return 0;
}

static void wdnic_reset_work(struct work_struct *work)
{
	struct wdnic_priv *priv = container_of(work, struct wdnic_priv, reset_work);

	netdev_warn(priv->netdev, "TX stuck at %u/%u, resetting\n", priv->tx.done, priv->tx.req);
	rtnl_lock();
	if (!netif_running(priv->netdev))
		goto out;
	wdnic_stop(priv->netdev);
	if (wdnic_open(priv->netdev))
		netdev_err(priv->netdev, "reopen after reset failed\n");
out:
	rtnl_unlock();
}

static netdev_tx_t wdnic_xmit(struct sk_buff *skb, struct net_device *netdev)
{
	struct wdnic_priv *priv = netdev_priv(netdev);

	priv->tx.info[priv->tx.req % WDNIC_RING_SIZE].skb = skb;
	priv->tx.req++;
	return NETDEV_TX_OK;
}

static const struct net_device_ops wdnic_netdev_ops = {
	.ndo_open	= wdnic_open,
	.ndo_stop	= wdnic_stop,
	.ndo_start_xmit	= wdnic_xmit,
};

static int wdnic_probe(struct pci_dev *pdev, const struct pci_device_id *id)
{
	struct net_device *netdev;
	struct wdnic_priv *priv;
	int err;

	err = pci_enable_device(pdev);
	if (err)
		return err;
	netdev = alloc_etherdev(sizeof(*priv));
	if (!netdev) {
		err = -ENOMEM;
		goto err_disable;
	}
	priv = netdev_priv(netdev);
	priv->pdev = pdev;
	priv->netdev = netdev;
	priv->regs = pci_iomap(pdev, 0, 0);
	if (!priv->regs) {
		err = -EIO;
		goto err_free;
	}
	timer_setup(&priv->watchdog_timer, wdnic_watchdog, 0);
	INIT_WORK(&priv->reset_work, wdnic_reset_work);
	netdev->netdev_ops = &wdnic_netdev_ops;
	SET_NETDEV_DEV(netdev, &pdev->dev);
	eth_hw_addr_random(netdev);
	pci_set_drvdata(pdev, priv);
	err = register_netdev(netdev);
	if (err)
		goto err_unmap;
	return 0;

err_unmap:
	pci_iounmap(pdev, priv->regs);
err_free:
	free_netdev(netdev);
err_disable:
	pci_disable_device(pdev);
	return err;
}

static void wdnic_remove(struct pci_dev *pdev)
{
	struct wdnic_priv *priv = pci_get_drvdata(pdev);
	struct net_device *netdev = priv->netdev;

	unregister_netdev(netdev);
	cancel_work_sync(&priv->reset_work);
	pci_iounmap(pdev, priv->regs);
	free_netdev(netdev);
	pci_disable_device(pdev);
}

static const struct pci_device_id wdnic_ids[] = {
	{ PCI_DEVICE(0x1d6a, 0x00f2) },
	{ }
};
MODULE_DEVICE_TABLE(pci, wdnic_ids);

static struct pci_driver wdnic_driver = {
	.name = "wdnic",
	.id_table = wdnic_ids,
	.probe = wdnic_probe,
	.remove = wdnic_remove,
};
module_pci_driver(wdnic_driver);
MODULE_LICENSE("GPL");
