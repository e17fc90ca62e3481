// SPDX-License-Identifier: GPL-2.0
/*
 * Bug pattern: down() on a counting semaphore without up() on an error path.
 *
 * Models fixes like "release the mailbox semaphore when the firmware is not
 * ready" in older storage/RAID adapter drivers, which serialise firmware
 * mailbox commands with a struct semaphore: the command issue path returns
 * -EIO when the doorbell is still busy and never calls up(), so every later
 * management command sleeps forever in down().
 */
#include <linux/module.h>
#include <linux/pci.h>
#include <linux/semaphore.h>
#include <linux/delay.h>
#include <linux/io.h>

#define FWMB_REG_DOORBELL	0x20
#define FWMB_REG_CMD		0x24
#define FWMB_REG_RESULT		0x28
#define FWMB_DOORBELL_BUSY	BIT(0)
#define FWMB_POLL_US		50
#define FWMB_POLL_TRIES		200

struct fwmb_adapter {
	struct pci_dev *pdev;
	void __iomem *regs;
	struct semaphore mbox_sem;
};

static int fwmb_wait_idle(struct fwmb_adapter *ad)
{
	int tries;

	for (tries = 0; tries < FWMB_POLL_TRIES; tries++) {
		if (!(readl(ad->regs + FWMB_REG_DOORBELL) & FWMB_DOORBELL_BUSY))
			return 0;
		udelay(FWMB_POLL_US);
	}
	return -ETIMEDOUT;
}

int fwmb_issue_cmd(struct fwmb_adapter *ad, u32 cmd, u32 *result)
{
	int ret;

	down(&ad->mbox_sem);
	if (readl(ad->regs + FWMB_REG_DOORBELL) & FWMB_DOORBELL_BUSY) {
		dev_err(&ad->pdev->dev, "mailbox busy, firmware hung?\n");
		return -EIO; /* expect: lock-imbalance */
	}
	writel(cmd, ad->regs + FWMB_REG_CMD);
	writel(FWMB_DOORBELL_BUSY, ad->regs + FWMB_REG_DOORBELL);
	ret = fwmb_wait_idle(ad);
	if (!ret)
		*result = readl(ad->regs + FWMB_REG_RESULT);
	up(&ad->mbox_sem);
	return ret;
}
EXPORT_SYMBOL_GPL(fwmb_issue_cmd);

int fwmb_issue_cmd_interruptible(struct fwmb_adapter *ad, u32 cmd)
{
	int ret;

	if (down_interruptible(&ad->mbox_sem))
		return -ERESTARTSYS;
	writel(cmd, ad->regs + FWMB_REG_CMD);
	writel(FWMB_DOORBELL_BUSY, ad->regs + FWMB_REG_DOORBELL);
	ret = fwmb_wait_idle(ad);
	up(&ad->mbox_sem);
	return ret;
}
EXPORT_SYMBOL_GPL(fwmb_issue_cmd_interruptible);

static int fwmb_probe(struct pci_dev *pdev, const struct pci_device_id *id)
{
	struct fwmb_adapter *ad;
	int ret;

	ret = pcim_enable_device(pdev);
	if (ret)
		return ret;
	ret = pcim_iomap_regions(pdev, BIT(0), "fwmb");
	if (ret)
		return ret;
	ad = devm_kzalloc(&pdev->dev, sizeof(*ad), GFP_KERNEL);
	if (!ad)
		return -ENOMEM;
	ad->pdev = pdev;
	ad->regs = pcim_iomap_table(pdev)[0];
	sema_init(&ad->mbox_sem, 1);
	pci_set_drvdata(pdev, ad);
	return fwmb_wait_idle(ad);
}

static const struct pci_device_id fwmb_ids[] = {
	{ PCI_DEVICE(0x1af4, 0x10f0) },
	{ }
};
MODULE_DEVICE_TABLE(pci, fwmb_ids);

static struct pci_driver fwmb_driver = {
	.name		= "fwmb",
	.id_table	= fwmb_ids,
	.probe		= fwmb_probe,
};
module_pci_driver(fwmb_driver);
MODULE_LICENSE("GPL");
