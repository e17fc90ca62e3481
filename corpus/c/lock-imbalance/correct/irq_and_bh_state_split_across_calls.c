// SPDX-License-Identifier: GPL-2.0
/*
 * fpnic - a small PCI NIC with a TX FIFO and a receive backlog.
 * Tricky: interrupt and bottom-half state is switched by calls that also
 * take a spinlock, and the two halves are undone by different calls:
 *  - the xmit path disables interrupts with local_irq_save() and takes the
 *    FIFO lock with spin_lock(); one spin_unlock_irqrestore() undoes both;
 *  - the receive path takes the backlog lock with spin_lock_bh(), drops only
 *    the lock with spin_unlock(), and enables bottom halves later with
 *    local_bh_enable();
 *  - hardware init saves the interrupt state with local_save_flags(),
 *    enables interrupts for a polled firmware load and puts the saved state
 *    back with local_irq_restore() on every exit;
 *  - the interrupt handler enables interrupts early on one branch and again
 *    on the common path: local_irq_enable() sets a state, it does not count.
 * A checker that counts the interrupt state like a lock sees a leaked
 * "interrupts off", a double enable and a restore of a state never saved.
 */
#include <linux/module.h>
#include <linux/pci.h>
#include <linux/netdevice.h>
#include <linux/skbuff.h>
#include <linux/interrupt.h>
#include <linux/spinlock.h>
#include <linux/delay.h>
#include <linux/io.h>

#define FPNIC_TX_PTR	0x10
#define FPNIC_FW_STAT	0x20
#define FPNIC_IRQ_STAT	0x24
#define FPNIC_FIFO_LEN	256

struct fpnic_priv {
	void __iomem *regs;
	spinlock_t fifo_lock;
	spinlock_t backlog_lock;
	struct sk_buff_head backlog;
	struct net_device *ndev;
	unsigned int tx_level;
	unsigned int arb_div;
	unsigned long runts;
};

static netdev_tx_t fpnic_xmit(struct sk_buff *skb, struct net_device *ndev)
{
	struct fpnic_priv *fp = netdev_priv(ndev);
	unsigned long flags;

	local_irq_save(flags);
	spin_lock(&fp->fifo_lock);
	fp->tx_level += skb->len;
	writel(fp->tx_level, fp->regs + FPNIC_TX_PTR);
	if (fp->tx_level >= FPNIC_FIFO_LEN)
		netif_stop_queue(ndev);
	spin_unlock_irqrestore(&fp->fifo_lock, flags);
	dev_consume_skb_any(skb);
	return NETDEV_TX_OK;
}

static void fpnic_rx_backlog(struct fpnic_priv *fp, struct sk_buff *skb)
{
	unsigned int queued;

	if (skb->len < ETH_ZLEN) {
		local_bh_disable();
		fp->runts++;
		local_bh_enable();
	}

	spin_lock_bh(&fp->backlog_lock);
	__skb_queue_tail(&fp->backlog, skb);
	queued = skb_queue_len(&fp->backlog);
	spin_unlock(&fp->backlog_lock);

	if (queued > 64)
		netif_stop_queue(fp->ndev);

	local_bh_enable();
}

static int fpnic_hw_init(struct fpnic_priv *fp)
{
	unsigned long flags;
	int tries;

	local_save_flags(flags);
	local_irq_enable();

	for (tries = 0; tries < 100; tries++) {
		if (readl(fp->regs + FPNIC_FW_STAT) & 1)
			break;
		mdelay(1);
	}
	if (tries == 100) {
		local_irq_restore(flags);
		return -ETIMEDOUT;
	}

	writel(0, fp->regs + FPNIC_TX_PTR);
	local_irq_restore(flags);
	return 0;
}

static irqreturn_t fpnic_interrupt(int irq, void *data)
{
	struct fpnic_priv *fp = data;
	u32 stat = readl(fp->regs + FPNIC_IRQ_STAT);

	if (!stat)
		return IRQ_NONE;
	if (fp->arb_div == 0) {
		fp->arb_div = 8;
		local_irq_enable();
		writel(stat, fp->regs + FPNIC_IRQ_STAT);
	}
	local_irq_enable();
	fp->tx_level = 0;
	return IRQ_HANDLED;
}

static const struct net_device_ops fpnic_netdev_ops = {
	.ndo_start_xmit = fpnic_xmit,
};

static int fpnic_probe(struct pci_dev *pdev, const struct pci_device_id *id)
{
	struct net_device *ndev;
	struct fpnic_priv *fp;
	int err;

	ndev = alloc_etherdev(sizeof(*fp));
	if (!ndev)
		return -ENOMEM;
	fp = netdev_priv(ndev);
	fp->ndev = ndev;
	spin_lock_init(&fp->fifo_lock);
	spin_lock_init(&fp->backlog_lock);
	skb_queue_head_init(&fp->backlog);
	fp->regs = pci_iomap(pdev, 0, 0);
	if (!fp->regs) {
		free_netdev(ndev);
		return -ENOMEM;
	}
	err = fpnic_hw_init(fp);
	if (err)
		goto err_unmap;
	err = request_irq(pdev->irq, fpnic_interrupt, IRQF_SHARED, "fpnic", fp);
	if (err)
		goto err_unmap;
	ndev->netdev_ops = &fpnic_netdev_ops;
	pci_set_drvdata(pdev, ndev);
	return 0;

err_unmap:
	pci_iounmap(pdev, fp->regs);
	free_netdev(ndev);
	return err;
}

static void fpnic_remove(struct pci_dev *pdev)
{
	struct net_device *ndev = pci_get_drvdata(pdev);
	struct fpnic_priv *fp = netdev_priv(ndev);

	free_irq(pdev->irq, fp);
	skb_queue_purge(&fp->backlog);
	pci_iounmap(pdev, fp->regs);
	free_netdev(ndev);
}

static const struct pci_device_id fpnic_ids[] = {
	{ PCI_DEVICE(0x1d0f, 0x7011) },
	{ }
};
MODULE_DEVICE_TABLE(pci, fpnic_ids);

static struct pci_driver fpnic_driver = {
	.name = "fpnic",
	.id_table = fpnic_ids,
	.probe = fpnic_probe,
	.remove = fpnic_remove,
};
module_pci_driver(fpnic_driver);

/* fpnic_rx_backlog() is called by the receive path in another file */
EXPORT_SYMBOL_GPL(fpnic_rx_backlog);
MODULE_LICENSE("GPL");
