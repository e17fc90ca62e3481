// SPDX-License-Identifier: GPL-2.0
/*
 * Correct: a read() handler that walks a cursor through the user buffer
 * and fills it piecewise with the copy helpers:
 *   - `char __user *p = buf;` then copy_to_user(p, &hdr, ...),
 *     `p += sizeof(hdr)`, copy_to_user(p, snap, ...), `p += ...`;
 *   - the unused tail of the last record slot is zeroed with
 *     clear_user(p, pad);
 *   - the return value is the pointer difference `p - buf`;
 *   - the records are snapshotted under the IRQ lock into a per-open
 *     kmalloc()'d buffer with memcpy() (kernel to kernel), and copied out
 *     after the lock is dropped (copy_to_user() may fault and sleep).
 *
 * A naive checker treats pointer arithmetic or subtraction on a __user
 * pointer as a use and reports `p += ...` / `p - buf`, or reports the
 * memcpy() into the snapshot because the snapshot is later copied to user
 * space.  Nothing is read or written through p or buf except by
 * copy_to_user()/clear_user().
 */
#include <linux/module.h>
#include <linux/platform_device.h>
#include <linux/of.h>
#include <linux/interrupt.h>
#include <linux/miscdevice.h>
#include <linux/fs.h>
#include <linux/uaccess.h>
#include <linux/spinlock.h>
#include <linux/slab.h>
#include <linux/io.h>

#define EVT_FIFO	0x00
#define EVT_RING_LEN	128
#define EVT_MAGIC	0x45565431

struct evt_rec {
	u32 stamp;
	u32 event;
};

struct evt_hdr {
	__u32 magic;
	__u32 nrec;
	__u32 lost;
	__u32 rec_size;
};

struct evtrace {
	void __iomem *base;
	spinlock_t lock;	/* ring, written by the IRQ handler */
	struct evt_rec ring[EVT_RING_LEN];
	unsigned int head, count, lost;
	struct miscdevice misc;
};

static struct evtrace *evt_dev;

static irqreturn_t evt_irq(int irq, void *data)
{
	struct evtrace *et = data;
	struct evt_rec *r;

	spin_lock(&et->lock);
	if (et->count == EVT_RING_LEN) {
		et->lost++;
	} else {
		r = &et->ring[(et->head + et->count) % EVT_RING_LEN];
		r->event = readl(et->base + EVT_FIFO);
		r->stamp = (u32)jiffies;
		et->count++;
	}
	spin_unlock(&et->lock);
	return IRQ_HANDLED;
}

static int evt_open(struct inode *inode, struct file *file)
{
	struct evt_rec *snap;

	snap = kmalloc_array(EVT_RING_LEN, sizeof(*snap), GFP_KERNEL);
	if (!snap)
		return -ENOMEM;
	file->private_data = snap;
	return 0;
}

static int evt_release(struct inode *inode, struct file *file)
{
	kfree(file->private_data);
	return 0;
}

static ssize_t evt_read(struct file *file, char __user *buf, size_t count, loff_t *ppos)
{
	struct evtrace *et = evt_dev;
	struct evt_rec *snap = file->private_data;
	char __user *p = buf;
	struct evt_hdr hdr;
	unsigned int i, n;
	size_t pad;

	if (count < sizeof(hdr) + sizeof(*snap))
		return -EINVAL;

	spin_lock_irq(&et->lock);
	n = min_t(size_t, et->count, (count - sizeof(hdr)) / sizeof(*snap));
	for (i = 0; i < n; i++)
		memcpy(&snap[i], &et->ring[(et->head + i) % EVT_RING_LEN], sizeof(*snap));
	et->head = (et->head + n) % EVT_RING_LEN;
	et->count -= n;
	hdr.lost = et->lost;
	et->lost = 0;
	spin_unlock_irq(&et->lock);

	hdr.magic = EVT_MAGIC;
	hdr.nrec = n;
	hdr.rec_size = sizeof(*snap);

	if (copy_to_user(p, &hdr, sizeof(hdr)))
		return -EFAULT;
	p += sizeof(hdr);
	if (copy_to_user(p, snap, n * sizeof(*snap)))
		return -EFAULT;
	p += n * sizeof(*snap);

	/* zero the rest of a partially requested record slot */
	pad = (count - sizeof(hdr) - n * sizeof(*snap)) % sizeof(*snap);
	if (pad && clear_user(p, pad))
		return -EFAULT;
	p += pad;
	return p - buf;
}

static const struct file_operations evt_fops = {
	.owner		= THIS_MODULE,
	.open		= evt_open,
	.release	= evt_release,
	.read		= evt_read,
	.llseek		= no_llseek,
};

static int evt_probe(struct platform_device *pdev)
{
	struct evtrace *et;
	int irq, ret;

	et = devm_kzalloc(&pdev->dev, sizeof(*et), GFP_KERNEL);
	if (!et)
		return -ENOMEM;
	spin_lock_init(&et->lock);
	et->base = devm_platform_ioremap_resource(pdev, 0);
	if (IS_ERR(et->base))
		return PTR_ERR(et->base);
	irq = platform_get_irq(pdev, 0);
	if (irq < 0)
		return irq;
	ret = devm_request_irq(&pdev->dev, irq, evt_irq, 0, "evtrace", et);
	if (ret)
		return ret;

	evt_dev = et;
	et->misc.minor = MISC_DYNAMIC_MINOR;
	et->misc.name = "evtrace";
	et->misc.fops = &evt_fops;
	et->misc.parent = &pdev->dev;
	platform_set_drvdata(pdev, et);
	return misc_register(&et->misc);
}

static int evt_remove(struct platform_device *pdev)
{
	struct evtrace *et = platform_get_drvdata(pdev);

	misc_deregister(&et->misc);
	evt_dev = NULL;
	return 0;
}

static const struct of_device_id evt_of_match[] = {
	{ .compatible = "example,event-trace" },
	{ }
};
MODULE_DEVICE_TABLE(of, evt_of_match);

static struct platform_driver evt_driver = {
	.probe	= evt_probe,
	.remove	= evt_remove,
	.driver	= {
		.name		= "event-trace",
		.of_match_table	= evt_of_match,
	},
};
module_platform_driver(evt_driver);
MODULE_LICENSE("GPL");
