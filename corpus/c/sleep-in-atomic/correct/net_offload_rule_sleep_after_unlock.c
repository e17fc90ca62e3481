// SPDX-License-Identifier: GPL-2.0
/*
 * flx - flow-offload rule table of a NIC companion engine (firmware-driven).
 * Tricky: flx_fw_cmd() sleeps (mutex_lock + wait_for_completion_timeout)
 * and is called from three functions that also hold rcu_read_lock() or
 * rules_lock (spin_lock_bh) a few lines earlier; two of them call it on an
 * early-return path that starts inside the critical section.  A checker
 * that does not model the unlock on the early-return branch, or that marks
 * the whole function atomic once it sees rcu_read_lock()/spin_lock_bh(),
 * reports those calls.
 * Correct: on every path the RCU read side or the spinlock is released
 * (rcu_read_unlock() / spin_unlock_bh()) before flx_fw_cmd() is called; the
 * values it needs are copied out first and the rule is freed with
 * kfree_rcu().  The hard-IRQ handler flx_irq() only calls complete().
 */
#include <linux/module.h>
#include <linux/of.h>
#include <linux/platform_device.h>
#include <linux/interrupt.h>
#include <linux/completion.h>
#include <linux/rculist.h>
#include <linux/spinlock.h>
#include <linux/mutex.h>
#include <linux/slab.h>
#include <linux/io.h>

#define FLX_REG_CMD		0x00
#define FLX_REG_ARG		0x04
#define FLX_REG_STATUS		0x08
#define FLX_CMD_ALLOC		1
#define FLX_CMD_REFRESH		2
#define FLX_CMD_FREE		3
#define FLX_CMD_COMPACT		4
#define FLX_STAT_DONE		BIT(0)
#define FLX_HW_NONE		U32_MAX
#define FLX_MAX_RULES		256
#define FLX_CMD_TIMEOUT_MS	100

struct flx_rule {
	struct list_head node;
	struct rcu_head rcu;
	u32 id;
	u32 hw_index;
};

struct flx {
	struct device *dev;
	void __iomem *base;
	spinlock_t rules_lock;		/* writers of rules; readers use RCU */
	struct list_head rules;
	unsigned int nr_rules;
	struct mutex fw_lock;		/* one firmware command at a time */
	struct completion fw_done;
};

static struct flx *flx_dev;

static int flx_fw_cmd(struct flx *flx, u32 cmd, u32 arg)
{
	unsigned long left;

	mutex_lock(&flx->fw_lock);
	reinit_completion(&flx->fw_done);
	writel(arg, flx->base + FLX_REG_ARG);
	writel(cmd, flx->base + FLX_REG_CMD);
	left = wait_for_completion_timeout(&flx->fw_done,
					   msecs_to_jiffies(FLX_CMD_TIMEOUT_MS));
	mutex_unlock(&flx->fw_lock);
	return left ? 0 : -ETIMEDOUT;
}

static struct flx_rule *flx_find(struct flx *flx, u32 id)
{
	struct flx_rule *r;

	list_for_each_entry_rcu(r, &flx->rules, node)
		if (r->id == id)
			return r;
	return NULL;
}

int flx_rule_add(u32 id)
{
	struct flx *flx = flx_dev;
	struct flx_rule *r;

	r = kzalloc(sizeof(*r), GFP_KERNEL);
	if (!r)
		return -ENOMEM;
	r->id = id;
	r->hw_index = FLX_HW_NONE;

	spin_lock_bh(&flx->rules_lock);
	if (flx_find(flx, id)) {
		spin_unlock_bh(&flx->rules_lock);
		kfree(r);
		return -EEXIST;
	}
	if (flx->nr_rules >= FLX_MAX_RULES) {
		spin_unlock_bh(&flx->rules_lock);
		kfree(r);
		/* Ask the firmware to defragment so a retry can succeed. */
		flx_fw_cmd(flx, FLX_CMD_COMPACT, 0);
		return -ENOSPC;
	}
	list_add_tail_rcu(&r->node, &flx->rules);
	flx->nr_rules++;
	spin_unlock_bh(&flx->rules_lock);
	return 0;
}
EXPORT_SYMBOL_GPL(flx_rule_add);

int flx_rule_refresh(u32 id)
{
	struct flx *flx = flx_dev;
	struct flx_rule *r;
	u32 hw;

	rcu_read_lock();
	r = flx_find(flx, id);
	if (!r) {
		rcu_read_unlock();
		return -ENOENT;
	}
	if (r->hw_index == FLX_HW_NONE) {
		rcu_read_unlock();
		return flx_fw_cmd(flx, FLX_CMD_ALLOC, id);
	}
	hw = r->hw_index;
	rcu_read_unlock();

	return flx_fw_cmd(flx, FLX_CMD_REFRESH, hw);
}
EXPORT_SYMBOL_GPL(flx_rule_refresh);

int flx_rule_del(u32 id)
{
	struct flx *flx = flx_dev;
	struct flx_rule *r;
	u32 hw;

	spin_lock_bh(&flx->rules_lock);
	r = flx_find(flx, id);
	if (!r) {
		spin_unlock_bh(&flx->rules_lock);
		return -ENOENT;
	}
	list_del_rcu(&r->node);
	flx->nr_rules--;
	hw = r->hw_index;
	spin_unlock_bh(&flx->rules_lock);

	kfree_rcu(r, rcu);
	if (hw == FLX_HW_NONE)
		return 0;
	return flx_fw_cmd(flx, FLX_CMD_FREE, hw);
}
EXPORT_SYMBOL_GPL(flx_rule_del);

static irqreturn_t flx_irq(int irq, void *dev_id)
{
	struct flx *flx = dev_id;
	u32 status;

	status = readl(flx->base + FLX_REG_STATUS);
	if (!(status & FLX_STAT_DONE))
		return IRQ_NONE;
	writel(status, flx->base + FLX_REG_STATUS);
	complete(&flx->fw_done);
	return IRQ_HANDLED;
}

static int flx_probe(struct platform_device *pdev)
{
	struct flx *flx;
	int irq, ret;

	flx = devm_kzalloc(&pdev->dev, sizeof(*flx), GFP_KERNEL);
	if (!flx)
		return -ENOMEM;
	flx->dev = &pdev->dev;
	spin_lock_init(&flx->rules_lock);
	INIT_LIST_HEAD(&flx->rules);
	mutex_init(&flx->fw_lock);
	init_completion(&flx->fw_done);

	flx->base = devm_platform_ioremap_resource(pdev, 0);
	if (IS_ERR(flx->base))
		return PTR_ERR(flx->base);
	irq = platform_get_irq(pdev, 0);
	if (irq < 0)
		return irq;
	ret = devm_request_irq(&pdev->dev, irq, flx_irq, 0, "flx", flx);
	if (ret)
		return ret;

	platform_set_drvdata(pdev, flx);
	flx_dev = flx;
	return 0;
}

static int flx_remove(struct platform_device *pdev)
{
	struct flx *flx = platform_get_drvdata(pdev);
	struct flx_rule *r, *tmp;

	flx_dev = NULL;
	spin_lock_bh(&flx->rules_lock);
	list_for_each_entry_safe(r, tmp, &flx->rules, node) {
		list_del_rcu(&r->node);
		kfree_rcu(r, rcu);
	}
	flx->nr_rules = 0;
	spin_unlock_bh(&flx->rules_lock);
	return 0;
}

static const struct of_device_id flx_of_match[] = {
	{ .compatible = "acme,flx" },
	{ }
};
MODULE_DEVICE_TABLE(of, flx_of_match);

static struct platform_driver flx_driver = {
	.probe	= flx_probe,
	.remove	= flx_remove,
	.driver	= {
		.name = "flx",
		.of_match_table = flx_of_match,
	},
};
module_platform_driver(flx_driver);
MODULE_LICENSE("GPL");
