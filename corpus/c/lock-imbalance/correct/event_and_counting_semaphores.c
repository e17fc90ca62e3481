// SPDX-License-Identifier: GPL-2.0
/*
 * hcmdq - PCI host-command queue of a storage/network adapter.
 * Models the command interfaces of large adapter drivers: a counting
 * semaphore with one count per firmware command slot (initialised with a
 * run-time count read from the device), drained in a loop to block every
 * slot while the queue switches between event and polling mode and refilled
 * in a loop afterwards; a command takes a slot in its work handler and the
 * slot comes back from the completion, either in that handler (polling) or
 * from the interrupt handler (event mode); and an event semaphore started at
 * 0 that the interrupt handler up()s and a waiter down()s.
 * Tricky: every one of these looks like a lock taken twice, released while
 * not held or left held at a return, but a semaphore whose count is not 1
 * has no owner: n holders may take it, and whoever signals releases it.
 */
#include <linux/module.h>
#include <linux/pci.h>
#include <linux/semaphore.h>
#include <linux/interrupt.h>
#include <linux/workqueue.h>
#include <linux/slab.h>
#include <linux/io.h>

#define HCMDQ_REG_SLOTS		0x00
#define HCMDQ_REG_DOORBELL	0x04
#define HCMDQ_REG_STATUS	0x08
#define HCMDQ_REG_MODE		0x0c
#define HCMDQ_STATUS_DONE	BIT(0)
#define HCMDQ_MAX_POLL		1000

struct hcmdq_cmd {
	struct hcmdq *q;
	struct work_struct work;
	u32 opcode;
	int status;
};

struct hcmdq {
	struct pci_dev *pdev;
	void __iomem *regs;
	int max_cmds;
	bool polling;
	struct semaphore slots;		/* one count per firmware command slot */
	struct semaphore event;		/* signalled by the interrupt handler */
};

static void hcmdq_complete(struct hcmdq *q, struct hcmdq_cmd *cmd, int status)
{
	cmd->status = status;
	up(&q->slots);
}

static void hcmdq_work(struct work_struct *work)
{
	struct hcmdq_cmd *cmd = container_of(work, struct hcmdq_cmd, work);
	struct hcmdq *q = cmd->q;
	int i;

	down(&q->slots);
	writel(cmd->opcode, q->regs + HCMDQ_REG_DOORBELL);
	if (!q->polling)
		return;		/* the interrupt handler completes it */

	for (i = 0; i < HCMDQ_MAX_POLL; i++) {
		if (readl(q->regs + HCMDQ_REG_STATUS) & HCMDQ_STATUS_DONE)
			break;
		udelay(10);
	}
	hcmdq_complete(q, cmd, i < HCMDQ_MAX_POLL ? 0 : -ETIMEDOUT);
}

static irqreturn_t hcmdq_irq(int irq, void *data)
{
	struct hcmdq *q = data;
	struct hcmdq_cmd *cmd;

	if (!(readl(q->regs + HCMDQ_REG_STATUS) & HCMDQ_STATUS_DONE))
		return IRQ_NONE;
	cmd = (struct hcmdq_cmd *)(unsigned long)readq(q->regs + HCMDQ_REG_DOORBELL);
	if (cmd)
		hcmdq_complete(q, cmd, 0);
	up(&q->event);
	return IRQ_HANDLED;
}

int hcmdq_wait_event(struct hcmdq *q)
{
	return down_timeout(&q->event, HZ);
}
EXPORT_SYMBOL_GPL(hcmdq_wait_event);

/* Block every slot, switch mode, then give all the slots back. */
void hcmdq_set_polling(struct hcmdq *q, bool polling)
{
	int i;

	for (i = 0; i < q->max_cmds; i++)
		down(&q->slots);
	q->polling = polling;
	writel(polling, q->regs + HCMDQ_REG_MODE);
	for (i = 0; i < q->max_cmds; i++)
		up(&q->slots);
}
EXPORT_SYMBOL_GPL(hcmdq_set_polling);

int hcmdq_submit(struct hcmdq *q, u32 opcode)
{
	struct hcmdq_cmd *cmd = kzalloc(sizeof(*cmd), GFP_KERNEL);

	if (!cmd)
		return -ENOMEM;
	cmd->q = q;
	cmd->opcode = opcode;
	INIT_WORK(&cmd->work, hcmdq_work);
	schedule_work(&cmd->work);
	return 0;
}
EXPORT_SYMBOL_GPL(hcmdq_submit);

static int hcmdq_probe(struct pci_dev *pdev, const struct pci_device_id *id)
{
	struct hcmdq *q;
	int ret;

	q = devm_kzalloc(&pdev->dev, sizeof(*q), GFP_KERNEL);
	if (!q)
		return -ENOMEM;
	ret = pcim_enable_device(pdev);
	if (ret)
		return ret;
	q->regs = pcim_iomap(pdev, 0, 0);
	if (!q->regs)
		return -ENOMEM;
	q->pdev = pdev;
	q->max_cmds = readl(q->regs + HCMDQ_REG_SLOTS);
	sema_init(&q->slots, q->max_cmds);
	sema_init(&q->event, 0);
	pci_set_drvdata(pdev, q);
	return devm_request_irq(&pdev->dev, pdev->irq, hcmdq_irq, IRQF_SHARED, "hcmdq", q);
}

static const struct pci_device_id hcmdq_ids[] = {
	{ PCI_DEVICE(0x1d0f, 0x7a11) },
	{ }
};
MODULE_DEVICE_TABLE(pci, hcmdq_ids);

static struct pci_driver hcmdq_driver = {
	.name = "hcmdq",
	.id_table = hcmdq_ids,
	.probe = hcmdq_probe,
};
module_pci_driver(hcmdq_driver);

MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("Host command queue with counting and event semaphores");
