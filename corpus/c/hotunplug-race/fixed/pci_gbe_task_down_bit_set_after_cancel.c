// SPDX-License-Identifier: GPL-2.0
/*
 * Bug pattern: ndo_stop cancels the driver's common work before it marks
 * the adapter down, while the still-requested interrupt can queue that
 * work again; the work then runs on the TX ring ndo_stop frees.
 *
 * Models a PCI gigabit NIC: the interrupt handler queues common_task on a
 * link change; common_task returns at once when GBE_DOWN is set.  ndo_stop
 * calls cancel_work_sync() and only then sets GBE_DOWN; the interrupt is
 * freed later (in gbe_down()).  An interrupt between the cancel and the
 * set_bit() queues common_task, which does not see GBE_DOWN and reprograms
 * the ring being freed.  The fixed twin sets GBE_DOWN before the cancel:
 * a task queued after it finds the bit and does nothing.
 *
 * Fixed twin: set_bit(GBE_DOWN) comes before cancel_work_sync().
 */
#include <linux/module.h>
#include <linux/pci.h>
#include <linux/netdevice.h>
#include <linux/etherdevice.h>
#include <linux/interrupt.h>
#include <linux/workqueue.h>
#include <linux/slab.h>
#include <linux/io.h>

#define GBE_DOWN		0
#define GBE_EVENT_LINK		1
#define GBE_ISR			0x10
#define GBE_ISR_LINK		0x4

struct gbe_tx_buf {
	struct sk_buff *skb;
	dma_addr_t dma;
};

struct gbe_adapter {
	struct net_device *netdev;
	struct pci_dev *pdev;
	void __iomem *hw;
	unsigned long flags;
	unsigned long events;
	struct work_struct common_task;
	struct gbe_tx_buf *tx_buf;
	unsigned int tx_count;
};

static void gbe_program_ring(struct gbe_adapter *adapter)
{
	unsigned int i;

	for (i = 0; i < adapter->tx_count; i++)
		adapter->tx_buf[i].skb = NULL;
	writel(adapter->tx_count, adapter->hw + 0x20);
}

static void gbe_common_task(struct work_struct *work)
{
	struct gbe_adapter *adapter = container_of(work, struct gbe_adapter, common_task);

	if (test_bit(GBE_DOWN, &adapter->flags))
		return;
	if (test_and_clear_bit(GBE_EVENT_LINK, &adapter->events))
		gbe_program_ring(adapter);
}

static irqreturn_t gbe_intr(int irq, void *data)
{
	struct gbe_adapter *adapter = data;
	u32 status = readl(adapter->hw + GBE_ISR);

	if (!status)
		return IRQ_NONE;
	if (status & GBE_ISR_LINK) {
		set_bit(GBE_EVENT_LINK, &adapter->events);
		schedule_work(&adapter->common_task);
	}
	writel(status, adapter->hw + GBE_ISR);
	return IRQ_HANDLED;
}

static int gbe_open(struct net_device *netdev)
{
	struct gbe_adapter *adapter = netdev_priv(netdev);
	int err;

	adapter->tx_buf = kcalloc(adapter->tx_count, sizeof(*adapter->tx_buf), GFP_KERNEL);
	if (!adapter->tx_buf)
		return -ENOMEM;
	clear_bit(GBE_DOWN, &adapter->flags);
	err = request_irq(adapter->pdev->irq, gbe_intr, IRQF_SHARED, netdev->name, adapter);
	if (err) {
		set_bit(GBE_DOWN, &adapter->flags);
		kfree(adapter->tx_buf);
		return err;
	}
	gbe_program_ring(adapter);
	netif_start_queue(netdev);
	return 0;
}

static void gbe_down(struct gbe_adapter *adapter)
{
	netif_stop_queue(adapter->netdev);
	writel(0, adapter->hw + 0x08);
	free_irq(adapter->pdev->irq, adapter);
}

static int gbe_close(struct net_device *netdev)
{
	struct gbe_adapter *adapter = netdev_priv(netdev);

	set_bit(GBE_DOWN, &adapter->flags);
	cancel_work_sync(&adapter->common_task);
	gbe_down(adapter);
	kfree(adapter->tx_buf);
	adapter->tx_buf = NULL;
	return 0;
}

static const struct net_device_ops gbe_netdev_ops = {
	.ndo_open	= gbe_open,
	.ndo_stop	= gbe_close,
};

static int gbe_probe(struct pci_dev *pdev, const struct pci_device_id *ent)
{
	struct gbe_adapter *adapter;
	struct net_device *netdev;
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
	adapter->tx_count = 256;
	set_bit(GBE_DOWN, &adapter->flags);
	INIT_WORK(&adapter->common_task, gbe_common_task);
	adapter->hw = pcim_iomap(pdev, 0, 0);
	if (!adapter->hw) {
		err = -ENOMEM;
		goto err_free;
	}
	netdev->netdev_ops = &gbe_netdev_ops;
	SET_NETDEV_DEV(netdev, &pdev->dev);
	pci_set_drvdata(pdev, netdev);
	err = register_netdev(netdev);
	if (err)
		goto err_free;
	return 0;

err_free:
	free_netdev(netdev);
	return err;
}

static void gbe_remove(struct pci_dev *pdev)
{
	struct net_device *netdev = pci_get_drvdata(pdev);

	unregister_netdev(netdev);
	free_netdev(netdev);
}

static const struct pci_device_id gbe_ids[] = {
	{ PCI_DEVICE(0x1d6a, 0x0c10) },
	{ }
};
MODULE_DEVICE_TABLE(pci, gbe_ids);

static struct pci_driver gbe_driver = {
	.name		= "exmp-gbe",
	.id_table	= gbe_ids,
	.probe		= gbe_probe,
	.remove		= gbe_remove,
};
module_pci_driver(gbe_driver);
MODULE_LICENSE("GPL");
