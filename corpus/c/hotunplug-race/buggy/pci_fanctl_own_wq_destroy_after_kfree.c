// SPDX-License-Identifier: GPL-2.0
/* PCI fan/thermal controller polled from a private workqueue; bug: remove only cancel_delayed_work()s (async) and destroys the workqueue after kfree(priv), so a running poll re-queues itself on freed priv. */
#include <linux/module.h>
#include <linux/pci.h>
#include <linux/workqueue.h>
#include <linux/jiffies.h>
#include <linux/slab.h>
#include <linux/io.h>

#define FAN_REG_TEMP(n)		(0x00 + 4 * (n))
#define FAN_REG_PWM		0x20
#define FAN_REG_CTRL		0x24
#define FAN_CTRL_MANUAL		BIT(0)
#define FAN_NR_SENSORS		4
#define FAN_POLL_MS		2000

struct fanctl {
	struct pci_dev *pdev;
	void __iomem *regs;
	struct workqueue_struct *wq;
	struct delayed_work poll_work;
	int temp_mc[FAN_NR_SENSORS];
	u8 pwm;
};

static void fanctl_poll(struct work_struct *work)
{
	struct fanctl *fc = container_of(to_delayed_work(work), struct fanctl, poll_work);
	int i, hottest = 0;

	for (i = 0; i < FAN_NR_SENSORS; i++) {
		fc->temp_mc[i] = (int)ioread32(fc->regs + FAN_REG_TEMP(i)) * 125;
		if (fc->temp_mc[i] > hottest)
			hottest = fc->temp_mc[i];
	}
	fc->pwm = hottest > 70000 ? 255 : hottest > 50000 ? 160 : 80;
	iowrite32(fc->pwm, fc->regs + FAN_REG_PWM);
	queue_delayed_work(fc->wq, &fc->poll_work, msecs_to_jiffies(FAN_POLL_MS));
}

static int fanctl_probe(struct pci_dev *pdev, const struct pci_device_id *id)
{
	struct fanctl *fc;
	int ret;

	fc = kzalloc(sizeof(*fc), GFP_KERNEL);
	if (!fc)
		return -ENOMEM;
	fc->pdev = pdev;

	ret = pci_enable_device_mem(pdev);
	if (ret)
		goto err_free;
	ret = pci_request_region(pdev, 0, "exfanctl");
	if (ret)
		goto err_disable;
	fc->regs = pci_iomap(pdev, 0, 0);
	if (!fc->regs) {
		ret = -ENOMEM;
		goto err_region;
	}
	fc->wq = alloc_workqueue("exfanctl", WQ_FREEZABLE | WQ_UNBOUND, 1);
	if (!fc->wq) {
		ret = -ENOMEM;
		goto err_unmap;
	}
	INIT_DELAYED_WORK(&fc->poll_work, fanctl_poll);
	pci_set_drvdata(pdev, fc);
	iowrite32(FAN_CTRL_MANUAL, fc->regs + FAN_REG_CTRL);
	queue_delayed_work(fc->wq, &fc->poll_work, 0);
	return 0;

err_unmap:
	pci_iounmap(pdev, fc->regs);
err_region:
	pci_release_region(pdev, 0);
err_disable:
	pci_disable_device(pdev);
err_free:
	kfree(fc);
	return ret;
}

static void fanctl_remove(struct pci_dev *pdev)
{
	struct fanctl *fc = pci_get_drvdata(pdev);
	struct workqueue_struct *wq = fc->wq;

	cancel_delayed_work(&fc->poll_work);
	iowrite32(0, fc->regs + FAN_REG_CTRL);
	pci_iounmap(pdev, fc->regs);
	pci_release_region(pdev, 0);
	pci_disable_device(pdev);
	kfree(fc); /* expect: hotunplug-race */
	destroy_workqueue(wq);
}

static const struct pci_device_id fanctl_ids[] = {
	{ PCI_DEVICE(0x1c3a, 0x0f40) },
	{ }
};
MODULE_DEVICE_TABLE(pci, fanctl_ids);

static struct pci_driver fanctl_driver = {
	.name		= "exfanctl",
	.id_table	= fanctl_ids,
	.probe		= fanctl_probe,
	.remove		= fanctl_remove,
};
module_pci_driver(fanctl_driver);
MODULE_DESCRIPTION("Example PCI fan and thermal controller");
MODULE_LICENSE("GPL");
