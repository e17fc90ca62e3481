// SPDX-License-Identifier: GPL-2.0
/* PCI MIDI UART card: IRQ fills an RX ring and schedules a tasklet; remove calls the helper midi_hw_shutdown() (free_irq + tasklet_kill) before kfree(). */
#include <linux/module.h>
#include <linux/pci.h>
#include <linux/interrupt.h>
#include <linux/slab.h>
#include <linux/spinlock.h>
#include <linux/io.h>

#define MIDI_REG_DATA		0x00
#define MIDI_REG_STATUS		0x01
#define MIDI_REG_CTRL		0x02
#define MIDI_STAT_RX_READY	BIT(0)
#define MIDI_CTRL_RX_IRQ	BIT(1)
#define MIDI_RX_SIZE		256

struct midi_card {
	struct pci_dev *pdev;
	void __iomem *port;
	spinlock_t rx_lock;		/* protects rx ring */
	struct tasklet_struct rx_tasklet;
	u8 rx[MIDI_RX_SIZE];
	unsigned int rx_head, rx_tail;
	unsigned long messages;
};

static void midi_rx_tasklet(struct tasklet_struct *t)
{
	struct midi_card *mc = from_tasklet(mc, t, rx_tasklet);
	unsigned long flags;

	spin_lock_irqsave(&mc->rx_lock, flags);
	while (mc->rx_tail != mc->rx_head) {
		if (mc->rx[mc->rx_tail] & 0x80)	/* status byte starts a message */
			mc->messages++;
		mc->rx_tail = (mc->rx_tail + 1) % MIDI_RX_SIZE;
	}
	spin_unlock_irqrestore(&mc->rx_lock, flags);
}

static irqreturn_t midi_interrupt(int irq, void *dev_id)
{
	struct midi_card *mc = dev_id;
	bool got = false;

	spin_lock(&mc->rx_lock);
	while (ioread8(mc->port + MIDI_REG_STATUS) & MIDI_STAT_RX_READY) {
		mc->rx[mc->rx_head] = ioread8(mc->port + MIDI_REG_DATA);
		mc->rx_head = (mc->rx_head + 1) % MIDI_RX_SIZE;
		got = true;
	}
	spin_unlock(&mc->rx_lock);
	if (!got)
		return IRQ_NONE;
	tasklet_schedule(&mc->rx_tasklet);
	return IRQ_HANDLED;
}

static void midi_hw_shutdown(struct midi_card *mc)
{
	iowrite8(0, mc->port + MIDI_REG_CTRL);
	free_irq(mc->pdev->irq, mc);
	tasklet_kill(&mc->rx_tasklet);
}

static int midi_probe(struct pci_dev *pdev, const struct pci_device_id *id)
{
	struct midi_card *mc;
	int ret;

	ret = pcim_enable_device(pdev);
	if (ret)
		return ret;
	mc = kzalloc(sizeof(*mc), GFP_KERNEL);
	if (!mc)
		return -ENOMEM;
	mc->pdev = pdev;
	spin_lock_init(&mc->rx_lock);
	tasklet_setup(&mc->rx_tasklet, midi_rx_tasklet);

	mc->port = pcim_iomap(pdev, 0, 0);
	if (!mc->port) {
		ret = -EIO;
		goto err_free;
	}
	ret = request_irq(pdev->irq, midi_interrupt, IRQF_SHARED, "exmidi", mc);
	if (ret)
		goto err_free;
	pci_set_drvdata(pdev, mc);
	iowrite8(MIDI_CTRL_RX_IRQ, mc->port + MIDI_REG_CTRL);
	return 0;

err_free:
	kfree(mc);
	return ret;
}

static void midi_remove(struct pci_dev *pdev)
{
	struct midi_card *mc = pci_get_drvdata(pdev);

	midi_hw_shutdown(mc);
	dev_dbg(&pdev->dev, "%lu MIDI messages received\n", mc->messages);
	kfree(mc);
}

static const struct pci_device_id midi_ids[] = {
	{ PCI_DEVICE(0x1c3a, 0x3d01) },
	{ }
};
MODULE_DEVICE_TABLE(pci, midi_ids);

static struct pci_driver midi_driver = {
	.name		= "exmidi",
	.id_table	= midi_ids,
	.probe		= midi_probe,
	.remove		= midi_remove,
};
module_pci_driver(midi_driver);
MODULE_DESCRIPTION("Example PCI MIDI UART card");
MODULE_LICENSE("GPL");
