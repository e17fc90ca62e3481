// SPDX-License-Identifier: GPL-2.0
/*
 * Bug pattern: remove() frees the RX/TX rings after unregister_netdev()
 * while a reset work that the watchdog timer may have queued is still
 * pending, and that work does not check whether the interface is up.
 *
 * Models a PCI NIC whose watchdog timer (armed in ndo_open, deleted in
 * ndo_stop) queues reset_task on a TX hang.  remove() cancels reset_task
 * first, then unregister_netdev() runs ndo_stop, which deletes the timer;
 * a timer that fired in between has queued reset_task again.  remove()
 * then frees the rings and only after that cancels reset_task a second
 * time before free_netdev().  The queued reset_task reprograms the rings
 * remove() freed.  The fixed twin's reset_task takes RTNL and returns when
 * the interface is not running - which is the case for good once
 * unregister_netdev() ran ndo_stop - so the rings are never touched.
 */
#include <linux/module.h>
#include <linux/pci.h>
#include <linux/netdevice.h>
#include <linux/etherdevice.h>
#include <linux/rtnetlink.h>
#include <linux/timer.h>
#include <linux/workqueue.h>
#include <linux/slab.h>
#include <linux/io.h>

#define RNIC_RING_SIZE		256
#define RNIC_REG_TX_HEAD	0x40
#define RNIC_REG_TX_TAIL	0x44

struct rnic_priv {
	struct net_device *netdev;
	void __iomem *hw;
	struct timer_list watchdog;
	struct work_struct reset_task;
	struct sk_buff **rx_ring;
	struct sk_buff **tx_ring;
	unsigned int tx_tail;
};

static void rnic_reinit_rings(struct rnic_priv *priv)
{
	unsigned int i;

	for (i = 0; i < RNIC_RING_SIZE; i++) {
		priv->rx_ring[i] = NULL;
		priv->tx_ring[i] = NULL;
	}
	priv->tx_tail = 0;
	writel(0, priv->hw + RNIC_REG_TX_TAIL);
}

static void rnic_reset_task(struct work_struct *work)
{
	struct rnic_priv *priv = container_of(work, struct rnic_priv, reset_task);

	netif_tx_disable(priv->netdev);
	rnic_reinit_rings(priv);
	netif_wake_queue(priv->netdev);
}

static void rnic_watchdog(struct timer_list *t)
{
	struct rnic_priv *priv = from_timer(priv, t, watchdog);

	if (readl(priv->hw + RNIC_REG_TX_HEAD) != priv->tx_tail)
		schedule_work(&priv->reset_task);
	mod_timer(&priv->watchdog, jiffies + HZ);
}

static int rnic_open(struct net_device *netdev)
{
	struct rnic_priv *priv = netdev_priv(netdev);

	rnic_reinit_rings(priv);
	mod_timer(&priv->watchdog, jiffies + HZ);
	netif_start_queue(netdev);
	return 0;
}

static int rnic_stop(struct net_device *netdev)
{
	struct rnic_priv *priv = netdev_priv(netdev);

	netif_stop_queue(netdev);
	del_timer_sync(&priv->watchdog);
	return 0;
}

static const struct net_device_ops rnic_netdev_ops = {
	.ndo_open	= rnic_open,
	.ndo_stop	= rnic_stop,
};

static int rnic_probe(struct pci_dev *pdev, const struct pci_device_id *ent)
{
	struct net_device *netdev;
	struct rnic_priv *priv;
	int err;

	err = pcim_enable_device(pdev);
	if (err)
		return err;
	netdev = alloc_etherdev(sizeof(*priv));
	if (!netdev)
		return -ENOMEM;
	priv = netdev_priv(netdev);
	priv->netdev = netdev;
	priv->hw = pcim_iomap(pdev, 0, 0);
	priv->rx_ring = kcalloc(RNIC_RING_SIZE, sizeof(*priv->rx_ring), GFP_KERNEL);
	priv->tx_ring = kcalloc(RNIC_RING_SIZE, sizeof(*priv->tx_ring), GFP_KERNEL);
	if (!priv->hw || !priv->rx_ring || !priv->tx_ring) {
		err = -ENOMEM;
		goto err_free;
	}
	timer_setup(&priv->watchdog, rnic_watchdog, 0);
	INIT_WORK(&priv->reset_task, rnic_reset_task);
	netdev->netdev_ops = &rnic_netdev_ops;
	SET_NETDEV_DEV(netdev, &pdev->dev);
	pci_set_drvdata(pdev, netdev);
	err = register_netdev(netdev);
	if (err)
		goto err_free;
	return 0;

err_free:
	kfree(priv->tx_ring);
	kfree(priv->rx_ring);
	free_netdev(netdev);
	return err;
}

static void rnic_remove(struct pci_dev *pdev)
{
	struct net_device *netdev = pci_get_drvdata(pdev);
	struct rnic_priv *priv = netdev_priv(netdev);

	cancel_work_sync(&priv->reset_task);
	unregister_netdev(netdev);
	kfree(priv->tx_ring); /* expect: hotunplug-race */
	kfree(priv->rx_ring);
	cancel_work_sync(&priv->reset_task);
	free_netdev(netdev);
}

static const struct pci_device_id rnic_ids[] = {
	{ PCI_DEVICE(0x1d6a, 0x0c20) },
	{ }
};
MODULE_DEVICE_TABLE(pci, rnic_ids);

static struct pci_driver rnic_driver = {
	.name		= "exmp-rnic",
	.id_table	= rnic_ids,
	.probe		= rnic_probe,
	.remove		= rnic_remove,
};
module_pci_driver(rnic_driver);
MODULE_LICENSE("GPL");
