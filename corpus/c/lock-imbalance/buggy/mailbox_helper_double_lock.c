// SPDX-License-Identifier: GPL-2.0
/*
 * Bug pattern: double lock through a same-file helper that already takes
 * the lock.
 *
 * Models self-deadlock fixes in platform mailbox/IPC drivers: the channel
 * lookup helper returns with mbx->lock held (callers drop it with
 * mbx_chan_put()), but a later change made the send path take mbx->lock
 * itself to sample the suspend flag before calling the helper, so the same
 * spinlock is acquired twice.
 */
#include <linux/module.h>
#include <linux/platform_device.h>
#include <linux/interrupt.h>
#include <linux/spinlock.h>
#include <linux/io.h>

#define MBX_NUM_CHANS		4
#define MBX_REG_DATA(c)		(0x40 + 4 * (c))
#define MBX_REG_IRQ_STATUS	0x80
#define MBX_REG_IRQ_CLEAR	0x84

struct mbx_chan {
	unsigned int id;
	u32 last_rx;
	unsigned long tx_count;
};

struct mbx_dev {
	void __iomem *base;
	spinlock_t lock;
	bool suspended;
	struct mbx_chan chans[MBX_NUM_CHANS];
};

/* Returns with m->lock held, also when the lookup fails. */
static struct mbx_chan *mbx_chan_get(struct mbx_dev *m, unsigned int id)
{
	spin_lock(&m->lock);
	if (id >= MBX_NUM_CHANS)
		return NULL;
	return &m->chans[id];
}

static void mbx_chan_put(struct mbx_dev *m)
{
	spin_unlock(&m->lock);
}

int mbx_send(struct mbx_dev *mbx, unsigned int id, u32 msg)
{
	struct mbx_chan *chan;
	bool suspended;
	int ret = 0;

	spin_lock(&mbx->lock);
	suspended = mbx->suspended;
	chan = mbx_chan_get(mbx, id); /* expect: lock-imbalance */
	if (!chan) {
		ret = -EINVAL;
		goto out;
	}
	if (suspended) {
		ret = -EBUSY;
		goto out;
	}
	writel(msg, mbx->base + MBX_REG_DATA(chan->id));
	chan->tx_count++;
out:
	mbx_chan_put(mbx);
	return ret;
}
EXPORT_SYMBOL_GPL(mbx_send);

static irqreturn_t mbx_irq(int irq, void *data)
{
	struct mbx_dev *mbx = data;
	u32 status;
	int i;

	status = readl(mbx->base + MBX_REG_IRQ_STATUS);
	if (!status)
		return IRQ_NONE;

	spin_lock(&mbx->lock);
	for (i = 0; i < MBX_NUM_CHANS; i++)
		if (status & BIT(i))
			mbx->chans[i].last_rx = readl(mbx->base + MBX_REG_DATA(i));
	writel(status, mbx->base + MBX_REG_IRQ_CLEAR);
	spin_unlock(&mbx->lock);
	return IRQ_HANDLED;
}

static int mbx_probe(struct platform_device *pdev)
{
	struct mbx_dev *mbx;
	int irq, i;

	mbx = devm_kzalloc(&pdev->dev, sizeof(*mbx), GFP_KERNEL);
	if (!mbx)
		return -ENOMEM;
	mbx->base = devm_platform_ioremap_resource(pdev, 0);
	if (IS_ERR(mbx->base))
		return PTR_ERR(mbx->base);
	irq = platform_get_irq(pdev, 0);
	if (irq < 0)
		return irq;
	spin_lock_init(&mbx->lock);
	for (i = 0; i < MBX_NUM_CHANS; i++)
		mbx->chans[i].id = i;
	platform_set_drvdata(pdev, mbx);
	return devm_request_irq(&pdev->dev, irq, mbx_irq, 0, "mbx", mbx);
}

static struct platform_driver mbx_driver = {
	.probe	= mbx_probe,
	.driver	= { .name = "mbx-ipc" },
};
module_platform_driver(mbx_driver);
MODULE_LICENSE("GPL");
