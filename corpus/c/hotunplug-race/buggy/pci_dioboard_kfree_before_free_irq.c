// SPDX-License-Identifier: GPL-2.0
/* PCI 32-line digital I/O card; bug: remove kfree()s priv while the IRQ handler (freed only afterwards) still uses it. */
#include <linux/module.h>
#include <linux/pci.h>
#include <linux/interrupt.h>
#include <linux/slab.h>
#include <linux/spinlock.h>
#include <linux/wait.h>

#define DIO_REG_INPUT		0x00
#define DIO_REG_EDGE_STATUS	0x08
#define DIO_REG_IRQ_ENABLE	0x0c
#define DIO_IRQ_ALL		0xffffffff

struct dio_priv {
	struct pci_dev *pdev;
	void __iomem *regs;
	spinlock_t lock;		/* protects latched, edge_count */
	wait_queue_head_t edge_wait;
	u32 latched;
	unsigned long edge_count;
};

static irqreturn_t dio_interrupt(int irq, void *data)
{
	struct dio_priv *priv = data;
	u32 status;

	status = ioread32(priv->regs + DIO_REG_EDGE_STATUS);
	if (!status)
		return IRQ_NONE;
	iowrite32(status, priv->regs + DIO_REG_EDGE_STATUS);

	spin_lock(&priv->lock);
	priv->latched = ioread32(priv->regs + DIO_REG_INPUT);
	priv->edge_count++;
	spin_unlock(&priv->lock);
	wake_up_interruptible(&priv->edge_wait);
	return IRQ_HANDLED;
}

static int dio_probe(struct pci_dev *pdev, const struct pci_device_id *id)
{
	struct dio_priv *priv;
	int ret;

	priv = kzalloc(sizeof(*priv), GFP_KERNEL);
	if (!priv)
		return -ENOMEM;
	priv->pdev = pdev;
	spin_lock_init(&priv->lock);
	init_waitqueue_head(&priv->edge_wait);

	ret = pci_enable_device(pdev);
	if (ret)
		goto err_free;
	ret = pci_request_regions(pdev, "exdio32");
	if (ret)
		goto err_disable;
	priv->regs = pci_iomap(pdev, 0, 0);
	if (!priv->regs) {
		ret = -ENOMEM;
		goto err_release;
	}
	pci_set_drvdata(pdev, priv);

	ret = request_irq(pdev->irq, dio_interrupt, IRQF_SHARED, "exdio32", priv);
	if (ret)
		goto err_unmap;
	iowrite32(DIO_IRQ_ALL, priv->regs + DIO_REG_IRQ_ENABLE);
	return 0;

err_unmap:
	pci_iounmap(pdev, priv->regs);
err_release:
	pci_release_regions(pdev);
err_disable:
	pci_disable_device(pdev);
err_free:
	kfree(priv);
	return ret;
}

static void dio_remove(struct pci_dev *pdev)
{
	struct dio_priv *priv = pci_get_drvdata(pdev);
	void __iomem *regs = priv->regs;

	iowrite32(0, regs + DIO_REG_IRQ_ENABLE);
	kfree(priv); /* expect: hotunplug-race */
	free_irq(pdev->irq, priv);
	pci_iounmap(pdev, regs);
	pci_release_regions(pdev);
	pci_disable_device(pdev);
}

static const struct pci_device_id dio_ids[] = {
	{ PCI_DEVICE(0x1c3a, 0x0d32) },
	{ }
};
MODULE_DEVICE_TABLE(pci, dio_ids);

static struct pci_driver dio_driver = {
	.name		= "exdio32",
	.id_table	= dio_ids,
	.probe		= dio_probe,
	.remove		= dio_remove,
};
module_pci_driver(dio_driver);
MODULE_DESCRIPTION("Example 32-line PCI digital I/O card");
MODULE_LICENSE("GPL");
