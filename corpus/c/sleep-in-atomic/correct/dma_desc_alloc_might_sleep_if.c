// SPDX-License-Identifier: GPL-2.0
/*
 * xce - memory-to-memory copy engine with a software descriptor queue.
 * Tricky: the descriptor allocator xce_desc_alloc() starts with
 * might_sleep_if(gfpflags_allow_blocking(gfp)) and is called from
 * xce_queue_copy() with chan->lock held (spin_lock_irqsave).  A checker that
 * treats every might_sleep*() as "this function sleeps" reports the
 * xce_desc_alloc() call under the lock.
 * Correct: might_sleep_if() only asserts when its condition holds, and the
 * queueing path passes GFP_ATOMIC, for which gfpflags_allow_blocking() is
 * false; kzalloc() also uses the same GFP_ATOMIC.  The GFP_KERNEL caller is
 * xce_prefill(), which runs from probe with no lock held.
 */
#include <linux/module.h>
#include <linux/of.h>
#include <linux/platform_device.h>
#include <linux/spinlock.h>
#include <linux/list.h>
#include <linux/slab.h>
#include <linux/io.h>

#define XCE_REG_SRC		0x00
#define XCE_REG_DST		0x08
#define XCE_REG_LEN		0x10
#define XCE_REG_GO		0x14
#define XCE_PREFILL		16

struct xce_desc {
	struct list_head node;
	dma_addr_t src;
	dma_addr_t dst;
	u32 len;
};

struct xce_chan {
	struct device *dev;
	void __iomem *base;
	spinlock_t lock;		/* protects the lists and the HW queue */
	struct list_head free;
	struct list_head pending;
	unsigned int nr_allocated;
};

static struct xce_desc *xce_desc_alloc(struct xce_chan *chan, gfp_t gfp)
{
	struct xce_desc *desc;

	might_sleep_if(gfpflags_allow_blocking(gfp));

	desc = kzalloc(sizeof(*desc), gfp);
	if (!desc)
		return NULL;
	INIT_LIST_HEAD(&desc->node);
	chan->nr_allocated++;
	return desc;
}

static int xce_queue_copy(struct xce_chan *chan, dma_addr_t dst, dma_addr_t src,
			  u32 len)
{
	struct xce_desc *desc;
	unsigned long flags;

	spin_lock_irqsave(&chan->lock, flags);
	desc = list_first_entry_or_null(&chan->free, struct xce_desc, node);
	if (desc)
		list_del(&desc->node);
	else
		desc = xce_desc_alloc(chan, GFP_ATOMIC);
	if (!desc) {
		spin_unlock_irqrestore(&chan->lock, flags);
		return -ENOMEM;
	}
	desc->src = src;
	desc->dst = dst;
	desc->len = len;
	list_add_tail(&desc->node, &chan->pending);
	if (list_is_singular(&chan->pending)) {
		writeq(src, chan->base + XCE_REG_SRC);
		writeq(dst, chan->base + XCE_REG_DST);
		writel(len, chan->base + XCE_REG_LEN);
		writel(1, chan->base + XCE_REG_GO);
	}
	spin_unlock_irqrestore(&chan->lock, flags);
	return 0;
}

static int xce_prefill(struct xce_chan *chan)
{
	struct xce_desc *desc;
	int i;

	for (i = 0; i < XCE_PREFILL; i++) {
		desc = xce_desc_alloc(chan, GFP_KERNEL);
		if (!desc)
			return -ENOMEM;
		list_add(&desc->node, &chan->free);
	}
	return 0;
}

static void xce_free_all(struct xce_chan *chan)
{
	struct xce_desc *desc, *tmp;

	list_splice_init(&chan->pending, &chan->free);
	list_for_each_entry_safe(desc, tmp, &chan->free, node) {
		list_del(&desc->node);
		kfree(desc);
	}
}

static int xce_probe(struct platform_device *pdev)
{
	struct xce_chan *chan;
	int ret;

	chan = devm_kzalloc(&pdev->dev, sizeof(*chan), GFP_KERNEL);
	if (!chan)
		return -ENOMEM;
	chan->dev = &pdev->dev;
	spin_lock_init(&chan->lock);
	INIT_LIST_HEAD(&chan->free);
	INIT_LIST_HEAD(&chan->pending);

	chan->base = devm_platform_ioremap_resource(pdev, 0);
	if (IS_ERR(chan->base))
		return PTR_ERR(chan->base);

	ret = xce_prefill(chan);
	if (ret) {
		xce_free_all(chan);
		return ret;
	}
	platform_set_drvdata(pdev, chan);

	/* Self-test: a zero-length copy exercises the queueing path once. */
	return xce_queue_copy(chan, 0, 0, 0);
}

static int xce_remove(struct platform_device *pdev)
{
	struct xce_chan *chan = platform_get_drvdata(pdev);

	writel(0, chan->base + XCE_REG_GO);
	xce_free_all(chan);
	return 0;
}

static const struct of_device_id xce_of_match[] = {
	{ .compatible = "acme,xce" },
	{ }
};
MODULE_DEVICE_TABLE(of, xce_of_match);

static struct platform_driver xce_driver = {
	.probe	= xce_probe,
	.remove	= xce_remove,
	.driver	= {
		.name = "xce",
		.of_match_table = xce_of_match,
	},
};
module_platform_driver(xce_driver);
MODULE_LICENSE("GPL");
