// SPDX-License-Identifier: GPL-2.0
/* PCI ADC FIFO card; bug: remove cancels the drain work before free_irq(), so the live IRQ re-queues it and it runs on freed priv. */
#include <linux/module.h>
#include <linux/pci.h>
#include <linux/interrupt.h>
#include <linux/workqueue.h>
#include <linux/slab.h>
#include <linux/mutex.h>

#define ADCF_REG_CTRL		0x00
#define ADCF_REG_FIFO_LEVEL	0x04
#define ADCF_REG_FIFO_DATA	0x08
#define ADCF_REG_ISR		0x10
#define ADCF_CTRL_RUN		BIT(0)
#define ADCF_CTRL_IRQ_EN	BIT(4)
#define ADCF_ISR_HALF_FULL	BIT(1)
#define ADCF_SAMPLES		1024

struct adcf_dev {
	struct pci_dev *pdev;
	void __iomem *mmio;
	int irq;
	struct work_struct drain_work;
	struct mutex buf_lock;		/* protects samples[], head */
	unsigned int head;
	u32 samples[ADCF_SAMPLES];
};

static void adcf_drain_work(struct work_struct *work)
{
	struct adcf_dev *adc = container_of(work, struct adcf_dev, drain_work);
	u32 level = readl(adc->mmio + ADCF_REG_FIFO_LEVEL);

	mutex_lock(&adc->buf_lock);
	while (level--) {
		adc->samples[adc->head] = readl(adc->mmio + ADCF_REG_FIFO_DATA);
		adc->head = (adc->head + 1) % ADCF_SAMPLES;
	}
	mutex_unlock(&adc->buf_lock);
}

static irqreturn_t adcf_isr(int irq, void *dev_id)
{
	struct adcf_dev *adc = dev_id;
	u32 isr = readl(adc->mmio + ADCF_REG_ISR);

	if (!(isr & ADCF_ISR_HALF_FULL))
		return IRQ_NONE;
	writel(isr, adc->mmio + ADCF_REG_ISR);
	schedule_work(&adc->drain_work);
	return IRQ_HANDLED;
}

static int adcf_probe(struct pci_dev *pdev, const struct pci_device_id *id)
{
	struct adcf_dev *adc;
	int ret;

	ret = pcim_enable_device(pdev);
	if (ret)
		return ret;
	ret = pcim_iomap_regions(pdev, BIT(0), "exadcf");
	if (ret)
		return ret;

	adc = kzalloc(sizeof(*adc), GFP_KERNEL);
	if (!adc)
		return -ENOMEM;
	adc->pdev = pdev;
	adc->mmio = pcim_iomap_table(pdev)[0];
	mutex_init(&adc->buf_lock);
	INIT_WORK(&adc->drain_work, adcf_drain_work);

	ret = pci_alloc_irq_vectors(pdev, 1, 1, PCI_IRQ_ALL_TYPES);
	if (ret < 0)
		goto err_free;
	adc->irq = pci_irq_vector(pdev, 0);
	ret = request_irq(adc->irq, adcf_isr, 0, "exadcf", adc);
	if (ret)
		goto err_vectors;

	pci_set_drvdata(pdev, adc);
	writel(ADCF_CTRL_RUN | ADCF_CTRL_IRQ_EN, adc->mmio + ADCF_REG_CTRL);
	return 0;

err_vectors:
	pci_free_irq_vectors(pdev);
err_free:
	kfree(adc);
	return ret;
}

static void adcf_remove(struct pci_dev *pdev)
{
	struct adcf_dev *adc = pci_get_drvdata(pdev);

	cancel_work_sync(&adc->drain_work);
	free_irq(adc->irq, adc);
	writel(0, adc->mmio + ADCF_REG_CTRL);
	pci_free_irq_vectors(pdev);
	kfree(adc); /* expect: hotunplug-race */
}

static const struct pci_device_id adcf_ids[] = {
	{ PCI_DEVICE(0x1c3a, 0x0a16) },
	{ PCI_DEVICE(0x1c3a, 0x0a18) },
	{ }
};
MODULE_DEVICE_TABLE(pci, adcf_ids);

static struct pci_driver adcf_driver = {
	.name		= "exadcf",
	.id_table	= adcf_ids,
	.probe		= adcf_probe,
	.remove		= adcf_remove,
};
module_pci_driver(adcf_driver);
MODULE_DESCRIPTION("Example PCI ADC FIFO acquisition card");
MODULE_LICENSE("GPL");
