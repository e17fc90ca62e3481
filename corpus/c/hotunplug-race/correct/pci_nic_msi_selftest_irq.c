// SPDX-License-Identifier: GPL-2.0
/*
 * msinic - PCI NIC that checks at probe time that MSI delivery works.
 * Models drivers whose probe helper requests a temporary interrupt handler,
 * fires a test interrupt, waits for it and frees the handler again on every
 * path (the request's own failure returns early, before anything runs),
 * then requests the real handler (with the net_device as its cookie), which
 * remove() frees before the data.
 * Tricky: the test handler uses the private data remove() frees, and
 * remove() never stops it: it does not need to, because the helper that
 * started it stopped it before returning (a start scoped to one function).
 */
#include <linux/module.h>
#include <linux/pci.h>
#include <linux/netdevice.h>
#include <linux/interrupt.h>
#include <linux/wait.h>
#include <linux/io.h>

#define MSINIC_SWINT	0x40
#define MSINIC_ISR	0x44

struct msinic {
	struct pci_dev *pdev;
	struct net_device *ndev;
	void __iomem *regs;
	wait_queue_head_t msi_wait;
	int msi_seen;
	u32 last_isr;
};

static irqreturn_t msinic_test_intr(int irq, void *data)
{
	struct msinic *mn = data;

	mn->msi_seen = 1;
	wake_up(&mn->msi_wait);
	return IRQ_HANDLED;
}

static irqreturn_t msinic_intr(int irq, void *data)
{
	struct net_device *ndev = data;
	struct msinic *mn = netdev_priv(ndev);

	mn->last_isr = readl(mn->regs + MSINIC_ISR);
	return mn->last_isr ? IRQ_HANDLED : IRQ_NONE;
}

static int msinic_test_msi(struct msinic *mn)
{
	int err;

	err = request_irq(mn->pdev->irq, msinic_test_intr, 0, "msinic-test", mn);
	if (err)
		return err;

	init_waitqueue_head(&mn->msi_wait);
	mn->msi_seen = 0;
	writel(1, mn->regs + MSINIC_SWINT);
	wait_event_timeout(mn->msi_wait, mn->msi_seen, HZ / 10);
	if (!mn->msi_seen)
		err = -EOPNOTSUPP;

	free_irq(mn->pdev->irq, mn);
	return err;
}

static int msinic_probe(struct pci_dev *pdev, const struct pci_device_id *id)
{
	struct net_device *ndev;
	struct msinic *mn;
	int err;

	ndev = alloc_etherdev(sizeof(*mn));
	if (!ndev)
		return -ENOMEM;
	mn = netdev_priv(ndev);
	mn->pdev = pdev;
	mn->ndev = ndev;
	mn->regs = pci_iomap(pdev, 0, 0);
	if (!mn->regs) {
		err = -ENOMEM;
		goto err_free;
	}
	if (pci_enable_msi(pdev) == 0 && msinic_test_msi(mn))
		pci_disable_msi(pdev);

	err = request_irq(pdev->irq, msinic_intr, IRQF_SHARED, "msinic", ndev);
	if (err)
		goto err_unmap;
	pci_set_drvdata(pdev, mn);
	return 0;

err_unmap:
	pci_iounmap(pdev, mn->regs);
err_free:
	free_netdev(ndev);
	return err;
}

static void msinic_remove(struct pci_dev *pdev)
{
	struct msinic *mn = pci_get_drvdata(pdev);

	free_irq(pdev->irq, mn->ndev);
	pci_iounmap(pdev, mn->regs);
	free_netdev(mn->ndev);
}

static const struct pci_device_id msinic_ids[] = {
	{ PCI_DEVICE(0x1d0f, 0x7012) },
	{ }
};
MODULE_DEVICE_TABLE(pci, msinic_ids);

static struct pci_driver msinic_driver = {
	.name = "msinic",
	.id_table = msinic_ids,
	.probe = msinic_probe,
	.remove = msinic_remove,
};
module_pci_driver(msinic_driver);

MODULE_LICENSE("GPL");
