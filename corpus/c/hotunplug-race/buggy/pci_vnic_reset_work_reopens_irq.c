// SPDX-License-Identifier: GPL-2.0
/*
 * vnx - a paravirtual PCI NIC.  ndo_stop frees the IRQ, then the TX ring's
 * buffer-info array the TX interrupt handler walks.  A reset work, queued
 * by the event interrupt, brings the device down and up again, which
 * requests the IRQ again.
 * Bug: the work resets the device without testing netif_running(): queued
 * by an event interrupt just before ndo_stop freed the IRQ, it runs after
 * the close and requests the IRQ again, whose handler walks the freed
 * buffer-info array.  Fixed twin: reset only a running device.
 */
#include <linux/module.h>
#include <linux/pci.h>
#include <linux/netdevice.h>
#include <linux/etherdevice.h>
#include <linux/rtnetlink.h>
#include <linux/interrupt.h>
#include <linux/workqueue.h>
#include <linux/slab.h>
#include <linux/io.h>

#define VNX_REG_IMR		0x00
#define VNX_REG_ECR		0x04
#define VNX_REG_TXDONE		0x08
#define VNX_TX_RING		256

struct vnx_tx_info {
	struct sk_buff *skb;
	dma_addr_t dma;
};

struct vnx_adapter {
	struct net_device *netdev;
	struct pci_dev *pdev;
	void __iomem *hw;
	struct vnx_tx_info *buf_info;
	unsigned int next_clean;
	struct work_struct reset_work;
};

static irqreturn_t vnx_intr(int irq, void *data)
{
	struct vnx_adapter *adapter = data;
	unsigned int done = readl(adapter->hw + VNX_REG_TXDONE);

	if (readl(adapter->hw + VNX_REG_ECR))
		schedule_work(&adapter->reset_work);
	while (adapter->next_clean != done) {
		struct vnx_tx_info *tbi = &adapter->buf_info[adapter->next_clean];

		dev_consume_skb_irq(tbi->skb);
		tbi->skb = NULL;
		adapter->next_clean = (adapter->next_clean + 1) % VNX_TX_RING;
	}
	return IRQ_HANDLED;
}

static int vnx_up(struct vnx_adapter *adapter)
{
	int err;

	err = request_irq(adapter->pdev->irq, vnx_intr, IRQF_SHARED, adapter->netdev->name, adapter);
	if (err)
		return err;
	writel(0, adapter->hw + VNX_REG_IMR);
	return 0;
}

static void vnx_down(struct vnx_adapter *adapter)
{
	writel(~0u, adapter->hw + VNX_REG_IMR);
	free_irq(adapter->pdev->irq, adapter);
}

static int vnx_open(struct net_device *netdev)
{
	struct vnx_adapter *adapter = netdev_priv(netdev);
	int err;

	adapter->buf_info = kcalloc(VNX_TX_RING, sizeof(*adapter->buf_info), GFP_KERNEL);
	if (!adapter->buf_info)
		return -ENOMEM;
	adapter->next_clean = 0;
	err = vnx_up(adapter);
	if (err) {
		kfree(adapter->buf_info);
		adapter->buf_info = NULL;
		return err;
	}
	netif_start_queue(netdev);
	return 0;
}

static int vnx_close(struct net_device *netdev)
{
	struct vnx_adapter *adapter = netdev_priv(netdev);

	netif_stop_queue(netdev);
	vnx_down(adapter);
	kfree(adapter->buf_info); /* expect: hotunplug-race */
	adapter->buf_info = NULL;
	return 0;
}

static void vnx_reset_work(struct work_struct *work)
{
	struct vnx_adapter *adapter = container_of(work, struct vnx_adapter, reset_work);

	rtnl_lock();
	{
		vnx_down(adapter);
		if (vnx_up(adapter))
			netdev_err(adapter->netdev, "reset failed\n");
	}
	rtnl_unlock();
}

static netdev_tx_t vnx_xmit(struct sk_buff *skb, struct net_device *netdev)
{
	dev_kfree_skb_any(skb);
	return NETDEV_TX_OK;
}

static const struct net_device_ops vnx_netdev_ops = {
	.ndo_open = vnx_open,
	.ndo_stop = vnx_close,
	.ndo_start_xmit = vnx_xmit,
};

static int vnx_probe(struct pci_dev *pdev, const struct pci_device_id *id)
{
	struct net_device *netdev;
	struct vnx_adapter *adapter;
	int err;

	err = pcim_enable_device(pdev);
	if (err)
		return err;
	netdev = alloc_etherdev(sizeof(*adapter));
	if (!netdev)
		return -ENOMEM;
	adapter = netdev_priv(netdev);
	adapter->netdev = netdev;
	adapter->pdev = pdev;
	adapter->hw = pcim_iomap(pdev, 0, 0);
	if (!adapter->hw) {
		free_netdev(netdev);
		return -ENOMEM;
	}
	INIT_WORK(&adapter->reset_work, vnx_reset_work);
	netdev->netdev_ops = &vnx_netdev_ops;
	SET_NETDEV_DEV(netdev, &pdev->dev);
	pci_set_drvdata(pdev, netdev);
	err = register_netdev(netdev);
	if (err)
		free_netdev(netdev);
	return err;
}

static void vnx_remove(struct pci_dev *pdev)
{
	struct net_device *netdev = pci_get_drvdata(pdev);
	struct vnx_adapter *adapter = netdev_priv(netdev);

	unregister_netdev(netdev);
	cancel_work_sync(&adapter->reset_work);
	free_netdev(netdev);
}

static const struct pci_device_id vnx_ids[] = {
	{ PCI_DEVICE(0x15ad, 0x07b1) },
	{ }
};
MODULE_DEVICE_TABLE(pci, vnx_ids);

static struct pci_driver vnx_driver = {
	.name = "vnx",
	.id_table = vnx_ids,
	.probe = vnx_probe,
	.remove = vnx_remove,
};
module_pci_driver(vnx_driver);
MODULE_LICENSE("GPL");
