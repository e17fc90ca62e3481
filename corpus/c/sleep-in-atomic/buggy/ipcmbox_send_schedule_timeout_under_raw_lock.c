// SPDX-License-Identifier: GPL-2.0
/*
 * Bug pattern: schedule_timeout() while holding a raw_spinlock_t: the
 * "TX FIFO full" back-off sleeps inside a raw spinlock section.
 *
 * Models fixes like "busy-wait for FIFO space instead of scheduling" in
 * inter-processor mailbox drivers: the send path holds a raw spinlock (it is
 * also used from the platform's low-level power code, which must not block
 * on PREEMPT_RT) and, when the remote side is slow, backs off with
 * set_current_state() + schedule_timeout(1).  The fix polls the status
 * register with udelay() and a bounded retry count.
 */
#include <linux/module.h>
#include <linux/platform_device.h>
#include <linux/of.h>
#include <linux/interrupt.h>
#include <linux/spinlock.h>
#include <linux/sched.h>
#include <linux/delay.h>
#include <linux/sysfs.h>
#include <linux/io.h>

#define MBOX_STATUS		0x00
#define MBOX_STATUS_TX_FULL	BIT(0)
#define MBOX_STATUS_RX_AVAIL	BIT(1)
#define MBOX_TX_DATA		0x04
#define MBOX_RX_DATA		0x08
#define MBOX_IRQ_ACK		0x0c
#define MBOX_TX_TRIES		100

struct ipcmbox {
	void __iomem *base;
	raw_spinlock_t tx_lock;		/* TX FIFO; raw: also used by low-level PM code */
	unsigned long tx_count;
	u32 last_rx;
};

int ipcmbox_send(struct ipcmbox *mb, u32 msg)
{
	unsigned int tries;
	int ret = 0;

	raw_spin_lock(&mb->tx_lock);
	for (tries = 0; readl(mb->base + MBOX_STATUS) & MBOX_STATUS_TX_FULL; tries++) {
		if (tries >= MBOX_TX_TRIES) {
			ret = -EBUSY;
			goto out;
		}
		set_current_state(TASK_UNINTERRUPTIBLE);
		schedule_timeout(1); /* expect: sleep-in-atomic */
	}
	writel(msg, mb->base + MBOX_TX_DATA);
	mb->tx_count++;
out:
	raw_spin_unlock(&mb->tx_lock);
	return ret;
}
EXPORT_SYMBOL_GPL(ipcmbox_send);

static irqreturn_t ipcmbox_irq(int irq, void *data)
{
	struct ipcmbox *mb = data;

	if (!(readl(mb->base + MBOX_STATUS) & MBOX_STATUS_RX_AVAIL))
		return IRQ_NONE;
	mb->last_rx = readl(mb->base + MBOX_RX_DATA);
	writel(1, mb->base + MBOX_IRQ_ACK);
	return IRQ_HANDLED;
}

static ssize_t ping_store(struct device *dev, struct device_attribute *attr,
			  const char *buf, size_t count)
{
	struct ipcmbox *mb = dev_get_drvdata(dev);
	u32 msg;
	int ret;

	ret = kstrtou32(buf, 0, &msg);
	if (ret)
		return ret;
	ret = ipcmbox_send(mb, msg);
	return ret ? ret : count;
}
static DEVICE_ATTR_WO(ping);

static ssize_t last_rx_show(struct device *dev, struct device_attribute *attr, char *buf)
{
	struct ipcmbox *mb = dev_get_drvdata(dev);

	return sysfs_emit(buf, "0x%08x\n", mb->last_rx);
}
static DEVICE_ATTR_RO(last_rx);

static struct attribute *ipcmbox_attrs[] = {
	&dev_attr_ping.attr,
	&dev_attr_last_rx.attr,
	NULL
};
ATTRIBUTE_GROUPS(ipcmbox);

static int ipcmbox_probe(struct platform_device *pdev)
{
	struct ipcmbox *mb;
	int irq;

	mb = devm_kzalloc(&pdev->dev, sizeof(*mb), GFP_KERNEL);
	if (!mb)
		return -ENOMEM;
	raw_spin_lock_init(&mb->tx_lock);
	mb->base = devm_platform_ioremap_resource(pdev, 0);
	if (IS_ERR(mb->base))
		return PTR_ERR(mb->base);
	platform_set_drvdata(pdev, mb);

	irq = platform_get_irq(pdev, 0);
	if (irq < 0)
		return irq;
	return devm_request_irq(&pdev->dev, irq, ipcmbox_irq, 0, "ipcmbox", mb);
}

static const struct of_device_id ipcmbox_of_match[] = {
	{ .compatible = "example,ipc-mailbox" },
	{ }
};
MODULE_DEVICE_TABLE(of, ipcmbox_of_match);

static struct platform_driver ipcmbox_driver = {
	.probe	= ipcmbox_probe,
	.driver	= {
		.name		= "ipcmbox",
		.of_match_table	= ipcmbox_of_match,
		.dev_groups	= ipcmbox_groups,
	},
};
module_platform_driver(ipcmbox_driver);
MODULE_LICENSE("GPL");
