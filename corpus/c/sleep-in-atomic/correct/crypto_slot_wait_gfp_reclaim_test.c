// SPDX-License-Identifier: GPL-2.0
/*
 * hoe - hash offload engine with a small pool of hardware request slots.
 * Tricky: hoe_get_slot(hoe, gfp) polls the slot allocator and contains an
 * msleep(1) in the retry loop.  hoe_queue() calls it with hoe->queue_lock
 * held via spin_lock_bh().  A checker that marks the helper "may sleep"
 * from the msleep() alone reports the call under the lock.
 * Correct: the back-off is `if (gfp & __GFP_DIRECT_RECLAIM) msleep(1);
 * else cpu_relax();`, i.e. the helper sleeps only when the caller's gfp mask
 * allows blocking, and the request context is allocated with the same gfp.
 * The locked caller passes GFP_ATOMIC (no __GFP_DIRECT_RECLAIM); the
 * GFP_KERNEL caller is the self-test in probe, which holds no lock.
 */
#include <linux/module.h>
#include <linux/of.h>
#include <linux/platform_device.h>
#include <linux/spinlock.h>
#include <linux/list.h>
#include <linux/slab.h>
#include <linux/delay.h>
#include <linux/io.h>

#define HOE_REG_SLOT_ALLOC	0x00
#define HOE_REG_SLOT_ADDR(n)	(0x100 + 8 * (n))
#define HOE_REG_SLOT_LEN(n)	(0x104 + 8 * (n))
#define HOE_REG_DOORBELL	0x04
#define HOE_NO_SLOT		0xff
#define HOE_SLOT_TRIES		50

struct hoe_req {
	struct list_head node;
	dma_addr_t addr;
	u32 len;
	u8 slot;
};

struct hoe {
	struct device *dev;
	void __iomem *base;
	spinlock_t queue_lock;		/* protects active and the doorbell */
	struct list_head active;
};

static struct hoe_req *hoe_get_slot(struct hoe *hoe, gfp_t gfp)
{
	struct hoe_req *req;
	int tries;
	u32 slot;

	req = kzalloc(sizeof(*req), gfp);
	if (!req)
		return NULL;

	for (tries = 0; tries < HOE_SLOT_TRIES; tries++) {
		slot = readl(hoe->base + HOE_REG_SLOT_ALLOC);
		if (slot != HOE_NO_SLOT) {
			req->slot = slot;
			return req;
		}
		if (gfp & __GFP_DIRECT_RECLAIM)
			msleep(1);
		else
			cpu_relax();
	}
	kfree(req);
	return NULL;
}

static int hoe_queue(struct hoe *hoe, dma_addr_t addr, u32 len)
{
	struct hoe_req *req;
	int ret = 0;

	spin_lock_bh(&hoe->queue_lock);
	req = hoe_get_slot(hoe, GFP_ATOMIC);
	if (!req) {
		ret = -EBUSY;
		goto unlock;
	}
	req->addr = addr;
	req->len = len;
	writel(lower_32_bits(addr), hoe->base + HOE_REG_SLOT_ADDR(req->slot));
	writel(len, hoe->base + HOE_REG_SLOT_LEN(req->slot));
	list_add_tail(&req->node, &hoe->active);
	writel(BIT(req->slot), hoe->base + HOE_REG_DOORBELL);
unlock:
	spin_unlock_bh(&hoe->queue_lock);
	return ret;
}

static int hoe_selftest(struct hoe *hoe)
{
	struct hoe_req *req;

	/* Process context, no lock: waiting for a free slot may sleep. */
	req = hoe_get_slot(hoe, GFP_KERNEL);
	if (!req)
		return -ENODEV;
	writel(0, hoe->base + HOE_REG_SLOT_LEN(req->slot));
	writel(BIT(req->slot), hoe->base + HOE_REG_DOORBELL);
	kfree(req);
	return hoe_queue(hoe, 0, 0);
}

static int hoe_probe(struct platform_device *pdev)
{
	struct hoe *hoe;

	hoe = devm_kzalloc(&pdev->dev, sizeof(*hoe), GFP_KERNEL);
	if (!hoe)
		return -ENOMEM;
	hoe->dev = &pdev->dev;
	spin_lock_init(&hoe->queue_lock);
	INIT_LIST_HEAD(&hoe->active);

	hoe->base = devm_platform_ioremap_resource(pdev, 0);
	if (IS_ERR(hoe->base))
		return PTR_ERR(hoe->base);

	platform_set_drvdata(pdev, hoe);
	return hoe_selftest(hoe);
}

static int hoe_remove(struct platform_device *pdev)
{
	struct hoe *hoe = platform_get_drvdata(pdev);
	struct hoe_req *req, *tmp;

	spin_lock_bh(&hoe->queue_lock);
	list_for_each_entry_safe(req, tmp, &hoe->active, node) {
		list_del(&req->node);
		kfree(req);
	}
	spin_unlock_bh(&hoe->queue_lock);
	return 0;
}

static const struct of_device_id hoe_of_match[] = {
	{ .compatible = "acme,hoe" },
	{ }
};
MODULE_DEVICE_TABLE(of, hoe_of_match);

static struct platform_driver hoe_driver = {
	.probe	= hoe_probe,
	.remove	= hoe_remove,
	.driver	= {
		.name = "hoe",
		.of_match_table = hoe_of_match,
	},
};
module_platform_driver(hoe_driver);
MODULE_LICENSE("GPL");
