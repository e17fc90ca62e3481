// SPDX-License-Identifier: GPL-2.0
/*
 * tnic - PCI NIC whose interrupt (requested in probe, freed at the end of
 * remove) schedules an RX-refill tasklet, but only while the interface is
 * running; ndo_stop kills the tasklet.
 * Tricky: remove() frees the refill ring after unregister_netdev() and
 * before free_irq(), so the interrupt handler can still run there, and it
 * is the handler that schedules the tasklet ndo_stop killed.  But the core
 * cleared the running state before it called ndo_stop, for good once the
 * device is unregistered, and the handler schedules the tasklet only under
 * netif_running(): after unregister_netdev() nothing restarts it.
 */
#include <linux/module.h>
#include <linux/pci.h>
#include <linux/netdevice.h>
#include <linux/etherdevice.h>
#include <linux/interrupt.h>
#include <linux/slab.h>
#include <linux/io.h>

#define TNIC_RING_SIZE		128
#define TNIC_REG_ISR		0x00
#define TNIC_REG_RX_FREE	0x10
#define TNIC_ISR_RX_LOW		0x2

struct tnic_priv {
	struct net_device *netdev;
	struct pci_dev *pdev;
	void __iomem *hw;
	struct tasklet_struct refill_tasklet;
	struct sk_buff **refill_ring;
	unsigned int refill_head;
};

static void tnic_refill(struct tasklet_struct *t)
{
	struct tnic_priv *priv = from_tasklet(priv, t, refill_tasklet);

	while (priv->refill_head < TNIC_RING_SIZE) {
		struct sk_buff *skb = netdev_alloc_skb(priv->netdev, 1536);

		if (!skb)
			break;
		priv->refill_ring[priv->refill_head++] = skb;
	}
	writel(priv->refill_head, priv->hw + TNIC_REG_RX_FREE);
}

static irqreturn_t tnic_interrupt(int irq, void *data)
{
	struct net_device *netdev = data;
	struct tnic_priv *priv = netdev_priv(netdev);
	u32 isr = readl(priv->hw + TNIC_REG_ISR);

	if (!isr)
		return IRQ_NONE;
	writel(isr, priv->hw + TNIC_REG_ISR);
	if (netif_running(netdev)) {
		if (isr & TNIC_ISR_RX_LOW)
			tasklet_schedule(&priv->refill_tasklet);
	}
	return IRQ_HANDLED;
}

static int tnic_open(struct net_device *netdev)
{
	struct tnic_priv *priv = netdev_priv(netdev);

	priv->refill_head = 0;
	tasklet_schedule(&priv->refill_tasklet);
	netif_start_queue(netdev);
	return 0;
}

static int tnic_stop(struct net_device *netdev)
{
	struct tnic_priv *priv = netdev_priv(netdev);

	netif_stop_queue(netdev);
	tasklet_kill(&priv->refill_tasklet);
	return 0;
}

static const struct net_device_ops tnic_netdev_ops = {
	.ndo_open	= tnic_open,
	.ndo_stop	= tnic_stop,
};

static int tnic_probe(struct pci_dev *pdev, const struct pci_device_id *ent)
{
	struct net_device *netdev;
	struct tnic_priv *priv;
	int err;

	err = pcim_enable_device(pdev);
	if (err)
		return err;
	netdev = alloc_etherdev(sizeof(*priv));
	if (!netdev)
		return -ENOMEM;
	priv = netdev_priv(netdev);
	priv->netdev = netdev;
	priv->pdev = pdev;
	priv->hw = pcim_iomap(pdev, 0, 0);
	priv->refill_ring = kcalloc(TNIC_RING_SIZE, sizeof(*priv->refill_ring), GFP_KERNEL);
	if (!priv->hw || !priv->refill_ring) {
		err = -ENOMEM;
		goto err_free;
	}
	tasklet_setup(&priv->refill_tasklet, tnic_refill);
	err = request_irq(pdev->irq, tnic_interrupt, IRQF_SHARED, "exmp-tnic", netdev);
	if (err)
		goto err_free;
	netdev->netdev_ops = &tnic_netdev_ops;
	SET_NETDEV_DEV(netdev, &pdev->dev);
	pci_set_drvdata(pdev, netdev);
	err = register_netdev(netdev);
	if (err)
		goto err_irq;
	return 0;

err_irq:
	free_irq(pdev->irq, netdev);
err_free:
	kfree(priv->refill_ring);
	free_netdev(netdev);
	return err;
}

static void tnic_remove(struct pci_dev *pdev)
{
	struct net_device *netdev = pci_get_drvdata(pdev);
	struct tnic_priv *priv = netdev_priv(netdev);

	unregister_netdev(netdev);
	kfree(priv->refill_ring);
	free_irq(pdev->irq, netdev);
	free_netdev(netdev);
}

static const struct pci_device_id tnic_ids[] = {
	{ PCI_DEVICE(0x1d6a, 0x0c30) },
	{ }
};
MODULE_DEVICE_TABLE(pci, tnic_ids);

static struct pci_driver tnic_driver = {
	.name		= "exmp-tnic",
	.id_table	= tnic_ids,
	.probe		= tnic_probe,
	.remove		= tnic_remove,
};
module_pci_driver(tnic_driver);
MODULE_LICENSE("GPL");
