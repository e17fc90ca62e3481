// SPDX-License-Identifier: GPL-2.0
/* PCI smart-card reader: the IRQ handler queues card-event work; remove does free_irq(), then cancel_work_sync(), then kfree() - the right order. */
#include <linux/module.h>
#include <linux/pci.h>
#include <linux/interrupt.h>
#include <linux/workqueue.h>
#include <linux/slab.h>
#include <linux/mutex.h>

#define CRD_REG_STATUS		0x00
#define CRD_REG_IRQ_MASK	0x04
#define CRD_REG_ATR		0x40
#define CRD_STAT_PRESENT	BIT(0)
#define CRD_STAT_CHANGED	BIT(8)
#define CRD_ATR_LEN		32

struct crd_priv {
	struct pci_dev *pdev;
	void __iomem *io;
	struct work_struct event_work;
	struct mutex state_lock;	/* protects present, atr[] */
	bool present;
	u8 atr[CRD_ATR_LEN];
};

static void crd_event_work(struct work_struct *work)
{
	struct crd_priv *crd = container_of(work, struct crd_priv, event_work);
	u32 status = ioread32(crd->io + CRD_REG_STATUS);
	int i;

	mutex_lock(&crd->state_lock);
	crd->present = status & CRD_STAT_PRESENT;
	for (i = 0; i < CRD_ATR_LEN; i++)
		crd->atr[i] = crd->present ? ioread8(crd->io + CRD_REG_ATR + i) : 0;
	mutex_unlock(&crd->state_lock);
	dev_info(&crd->pdev->dev, "card %s\n", crd->present ? "inserted" : "removed");
}

static irqreturn_t crd_irq(int irq, void *dev_id)
{
	struct crd_priv *crd = dev_id;
	u32 status = ioread32(crd->io + CRD_REG_STATUS);

	if (!(status & CRD_STAT_CHANGED))
		return IRQ_NONE;
	iowrite32(CRD_STAT_CHANGED, crd->io + CRD_REG_STATUS);
	schedule_work(&crd->event_work);
	return IRQ_HANDLED;
}

static int crd_probe(struct pci_dev *pdev, const struct pci_device_id *id)
{
	struct crd_priv *crd;
	int err;

	crd = kzalloc(sizeof(*crd), GFP_KERNEL);
	if (!crd)
		return -ENOMEM;
	crd->pdev = pdev;
	mutex_init(&crd->state_lock);
	INIT_WORK(&crd->event_work, crd_event_work);

	err = pci_enable_device(pdev);
	if (err)
		goto out_free;
	err = pci_request_regions(pdev, "excardrdr");
	if (err)
		goto out_disable;
	crd->io = pci_iomap(pdev, 0, 0);
	if (!crd->io) {
		err = -EIO;
		goto out_regions;
	}
	pci_set_drvdata(pdev, crd);
	err = request_irq(pdev->irq, crd_irq, IRQF_SHARED, "excardrdr", crd);
	if (err)
		goto out_unmap;
	iowrite32(0, crd->io + CRD_REG_IRQ_MASK);
	schedule_work(&crd->event_work);	/* pick up a card inserted before load */
	return 0;

out_unmap:
	pci_iounmap(pdev, crd->io);
out_regions:
	pci_release_regions(pdev);
out_disable:
	pci_disable_device(pdev);
out_free:
	kfree(crd);
	return err;
}

static void crd_remove(struct pci_dev *pdev)
{
	struct crd_priv *crd = pci_get_drvdata(pdev);

	iowrite32(~0u, crd->io + CRD_REG_IRQ_MASK);
	free_irq(pdev->irq, crd);
	cancel_work_sync(&crd->event_work);
	pci_iounmap(pdev, crd->io);
	pci_release_regions(pdev);
	pci_disable_device(pdev);
	kfree(crd);
}

static const struct pci_device_id crd_ids[] = {
	{ PCI_DEVICE(0x1c3a, 0x5c01) },
	{ }
};
MODULE_DEVICE_TABLE(pci, crd_ids);

static struct pci_driver crd_driver = {
	.name		= "excardrdr",
	.id_table	= crd_ids,
	.probe		= crd_probe,
	.remove		= crd_remove,
};
module_pci_driver(crd_driver);
MODULE_DESCRIPTION("Example PCI smart-card reader");
MODULE_LICENSE("GPL");
