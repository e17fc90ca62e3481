// SPDX-License-Identifier: GPL-2.0
/*
 * fnic - a PCI NIC with flow-steering filter rules kept on a list under a
 * mutex.  A link-change interrupt queues a reset work item, which reprograms
 * every rule from the list while holding the mutex.  Remove first flushes
 * the rules (each unlinked and freed by a helper called under the mutex),
 * then frees the IRQ, cancels the work and frees the private struct.
 * Tricky: when the rules are freed the reset work may still run, and it
 * uses struct fnic_rule; but it reaches a rule only through the list and
 * only under the mutex the flush holds around each helper call, so it
 * never sees a freed rule.  The lock is taken by the caller, not by the
 * helper that frees.
 */
#include <linux/module.h>
#include <linux/pci.h>
#include <linux/interrupt.h>
#include <linux/workqueue.h>
#include <linux/slab.h>
#include <linux/mutex.h>
#include <linux/list.h>
#include <linux/io.h>

#define FNIC_REG_STATUS		0x00
#define FNIC_REG_FILTER(n)	(0x100 + 8 * (n))
#define FNIC_STAT_LINK		BIT(2)

struct fnic_rule {
	struct list_head list;
	unsigned int location;
	u32 match;
};

struct fnic_priv {
	struct pci_dev *pdev;
	void __iomem *io;
	struct work_struct reset_work;
	struct mutex rule_lock;		/* protects rules, rule_count */
	struct list_head rules;
	unsigned int rule_count;
};

static void fnic_reset_work(struct work_struct *work)
{
	struct fnic_priv *priv = container_of(work, struct fnic_priv, reset_work);
	struct fnic_rule *rule;

	mutex_lock(&priv->rule_lock);
	list_for_each_entry(rule, &priv->rules, list)
		iowrite32(rule->match, priv->io + FNIC_REG_FILTER(rule->location));
	mutex_unlock(&priv->rule_lock);
}

static irqreturn_t fnic_irq(int irq, void *data)
{
	struct fnic_priv *priv = data;
	u32 status = ioread32(priv->io + FNIC_REG_STATUS);

	if (!(status & FNIC_STAT_LINK))
		return IRQ_NONE;
	iowrite32(status, priv->io + FNIC_REG_STATUS);
	schedule_work(&priv->reset_work);
	return IRQ_HANDLED;
}

/* Context: the caller holds priv->rule_lock. */
static void fnic_del_rule(struct fnic_priv *priv, struct fnic_rule *rule)
{
	iowrite32(0, priv->io + FNIC_REG_FILTER(rule->location));
	list_del(&rule->list);
	priv->rule_count--;
	kfree(rule);
}

static void fnic_flush_rules(struct fnic_priv *priv)
{
	struct fnic_rule *rule, *tmp;

	mutex_lock(&priv->rule_lock);
	list_for_each_entry_safe(rule, tmp, &priv->rules, list)
		fnic_del_rule(priv, rule);
	mutex_unlock(&priv->rule_lock);
}

static int fnic_probe(struct pci_dev *pdev, const struct pci_device_id *id)
{
	struct fnic_priv *priv;
	int err;

	priv = kzalloc(sizeof(*priv), GFP_KERNEL);
	if (!priv)
		return -ENOMEM;
	priv->pdev = pdev;
	mutex_init(&priv->rule_lock);
	INIT_LIST_HEAD(&priv->rules);
	INIT_WORK(&priv->reset_work, fnic_reset_work);

	err = pci_enable_device(pdev);
	if (err)
		goto out_free;
	priv->io = pci_iomap(pdev, 0, 0);
	if (!priv->io) {
		err = -EIO;
		goto out_disable;
	}
	pci_set_drvdata(pdev, priv);
	err = request_irq(pdev->irq, fnic_irq, IRQF_SHARED, "fnic", priv);
	if (err)
		goto out_unmap;
	return 0;

out_unmap:
	pci_iounmap(pdev, priv->io);
out_disable:
	pci_disable_device(pdev);
out_free:
	kfree(priv);
	return err;
}

static void fnic_remove(struct pci_dev *pdev)
{
	struct fnic_priv *priv = pci_get_drvdata(pdev);

	fnic_flush_rules(priv);
	free_irq(pdev->irq, priv);
	cancel_work_sync(&priv->reset_work);
	pci_iounmap(pdev, priv->io);
	pci_disable_device(pdev);
	kfree(priv);
}

static const struct pci_device_id fnic_ids[] = {
	{ PCI_DEVICE(0x1d6a, 0x00f1) },
	{ }
};
MODULE_DEVICE_TABLE(pci, fnic_ids);

static struct pci_driver fnic_driver = {
	.name = "fnic",
	.id_table = fnic_ids,
	.probe = fnic_probe,
	.remove = fnic_remove,
};
module_pci_driver(fnic_driver);
MODULE_LICENSE("GPL");
