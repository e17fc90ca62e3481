// SPDX-License-Identifier: GPL-2.0
/*
 * msinic2 - PCI NIC that checks at probe time that MSI delivery works.
 * The probe helper requests a temporary interrupt handler, fires a test
 * interrupt and waits for it; whether or not it arrived, the helper frees
 * the test handler before it returns.
 */
#include <linux/module.h>
#include <linux/pci.h>
#include <linux/netdevice.h>
#include <linux/interrupt.h>
#include <linux/wait.h>
#include <linux/io.h>

#define MSINIC_SWINT	0x40
#define MSINIC_ISR	0x44

struct msinic2 {
	struct pci_dev *pdev;
	struct net_device *ndev;
	void __iomem *regs;
	wait_queue_head_t msi_wait;
	int msi_seen;
	u32 last_isr;
};

static irqreturn_t msinic2_test_intr(int irq, void *data)
{
	struct msinic2 *mn = data;

	mn->msi_seen = 1;
	wake_up(&mn->msi_wait);
	return IRQ_HANDLED;
}

static irqreturn_t msinic2_intr(int irq, void *data)
{
	struct net_device *ndev = data;
	struct msinic2 *mn = netdev_priv(ndev);

	mn->last_isr = readl(mn->regs + MSINIC_ISR);
	return mn->last_isr ? IRQ_HANDLED : IRQ_NONE;
}

static int msinic2_test_msi(struct msinic2 *mn)
{
	int err;

	err = request_irq(mn->pdev->irq, msinic2_test_intr, 0, "msinic2-test", mn);
	if (err)
		return err;

	init_waitqueue_head(&mn->msi_wait);
	mn->msi_seen = 0;
	writel(1, mn->regs + MSINIC_SWINT);
	wait_event_timeout(mn->msi_wait, mn->msi_seen, HZ / 10);
	if (!mn->msi_seen) {
		free_irq(mn->pdev->irq, mn);
		return -EOPNOTSUPP;
	}

	free_irq(mn->pdev->irq, mn);
	return 0;
}

static int msinic2_probe(struct pci_dev *pdev, const struct pci_device_id *id)
{
	struct net_device *ndev;
	struct msinic2 *mn;
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
	if (pci_enable_msi(pdev) == 0 && msinic2_test_msi(mn))
		pci_disable_msi(pdev);

	err = request_irq(pdev->irq, msinic2_intr, IRQF_SHARED, "msinic2", ndev);
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

static void msinic2_remove(struct pci_dev *pdev)
{
	struct msinic2 *mn = pci_get_drvdata(pdev);

	free_irq(pdev->irq, mn->ndev);
	pci_iounmap(pdev, mn->regs);
	free_netdev(mn->ndev);
}

static const struct pci_device_id msinic2_ids[] = {
	{ PCI_DEVICE(0x1d0f, 0x7013) },
	{ }
};
MODULE_DEVICE_TABLE(pci, msinic2_ids);

static struct pci_driver msinic2_driver = {
	.name = "msinic2",
	.id_table = msinic2_ids,
	.probe = msinic2_probe,
	.remove = msinic2_remove,
};
module_pci_driver(msinic2_driver);

MODULE_LICENSE("GPL");
