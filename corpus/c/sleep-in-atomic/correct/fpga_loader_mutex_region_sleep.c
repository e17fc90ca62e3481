// SPDX-License-Identifier: GPL-2.0
/*
 * sfl - serial-configuration FPGA loader exposed as a misc character device.
 * Tricky: sfl_write() does kmalloc(GFP_KERNEL), copy_from_user(), msleep()
 * and usleep_range() between a lock and an unlock call on fpga->lock, and
 * in the middle of that region it also takes and drops a real spinlock
 * (reg_lock).  A checker that treats any "*_lock(&x->lock)" ... "unlock"
 * pair as an atomic region, or that does not restore the outer state after
 * the inner spin_unlock_irqrestore(), reports the sleeping calls.
 * Correct: fpga->lock is a struct mutex (mutex_lock_interruptible /
 * mutex_unlock), which may be held while sleeping.  The spinlock only covers
 * the two register writes that must not be torn; every sleep happens after
 * spin_unlock_irqrestore(), with only the mutex held.
 */
#include <linux/module.h>
#include <linux/of.h>
#include <linux/platform_device.h>
#include <linux/miscdevice.h>
#include <linux/fs.h>
#include <linux/uaccess.h>
#include <linux/mutex.h>
#include <linux/spinlock.h>
#include <linux/delay.h>
#include <linux/slab.h>
#include <linux/io.h>

#define SFL_REG_CTRL		0x00
#define SFL_REG_STATUS		0x04
#define SFL_REG_DATA		0x08
#define SFL_CTRL_NCONFIG	BIT(0)
#define SFL_CTRL_IRQ_EN		BIT(1)
#define SFL_STAT_CONF_DONE	BIT(0)
#define SFL_MAX_IMAGE		(4 * 1024 * 1024)
#define SFL_DONE_POLLS		100

struct sfl {
	struct miscdevice misc;
	void __iomem *base;
	struct mutex lock;		/* one configuration at a time */
	spinlock_t reg_lock;		/* CTRL is shared with the status LED code */
	bool configured;
};

static ssize_t sfl_write(struct file *file, const char __user *ubuf,
			 size_t count, loff_t *ppos)
{
	struct sfl *fpga = container_of(file->private_data, struct sfl, misc);
	unsigned long flags;
	size_t i, words;
	u32 *image;
	int ret, polls;

	if (!count || count > SFL_MAX_IMAGE || count % 4)
		return -EINVAL;

	ret = mutex_lock_interruptible(&fpga->lock);
	if (ret)
		return ret;

	image = kmalloc(count, GFP_KERNEL);
	if (!image) {
		ret = -ENOMEM;
		goto out_unlock;
	}
	if (copy_from_user(image, ubuf, count)) {
		ret = -EFAULT;
		goto out_free;
	}

	/* Pulse nCONFIG: the two CTRL writes must not interleave with the LED code. */
	spin_lock_irqsave(&fpga->reg_lock, flags);
	writel(readl(fpga->base + SFL_REG_CTRL) & ~SFL_CTRL_IRQ_EN, fpga->base + SFL_REG_CTRL);
	writel(SFL_CTRL_NCONFIG, fpga->base + SFL_REG_CTRL);
	spin_unlock_irqrestore(&fpga->reg_lock, flags);
	msleep(2);	/* nCONFIG low time */

	words = count / 4;
	for (i = 0; i < words; i++)
		writel(image[i], fpga->base + SFL_REG_DATA);

	for (polls = 0; polls < SFL_DONE_POLLS; polls++) {
		if (readl(fpga->base + SFL_REG_STATUS) & SFL_STAT_CONF_DONE)
			break;
		usleep_range(100, 200);
	}
	if (polls == SFL_DONE_POLLS) {
		ret = -ETIMEDOUT;
		goto out_free;
	}
	fpga->configured = true;
	ret = count;

out_free:
	kfree(image);
out_unlock:
	mutex_unlock(&fpga->lock);
	return ret;
}

static const struct file_operations sfl_fops = {
	.owner	= THIS_MODULE,
	.write	= sfl_write,
	.llseek	= noop_llseek,
};

static int sfl_probe(struct platform_device *pdev)
{
	struct sfl *fpga;

	fpga = devm_kzalloc(&pdev->dev, sizeof(*fpga), GFP_KERNEL);
	if (!fpga)
		return -ENOMEM;
	mutex_init(&fpga->lock);
	spin_lock_init(&fpga->reg_lock);

	fpga->base = devm_platform_ioremap_resource(pdev, 0);
	if (IS_ERR(fpga->base))
		return PTR_ERR(fpga->base);

	fpga->misc.minor = MISC_DYNAMIC_MINOR;
	fpga->misc.name = "sfl";
	fpga->misc.fops = &sfl_fops;
	fpga->misc.parent = &pdev->dev;
	platform_set_drvdata(pdev, fpga);
	return misc_register(&fpga->misc);
}

static int sfl_remove(struct platform_device *pdev)
{
	struct sfl *fpga = platform_get_drvdata(pdev);

	misc_deregister(&fpga->misc);
	return 0;
}

static const struct of_device_id sfl_of_match[] = {
	{ .compatible = "acme,sfl" },
	{ }
};
MODULE_DEVICE_TABLE(of, sfl_of_match);

static struct platform_driver sfl_driver = {
	.probe	= sfl_probe,
	.remove	= sfl_remove,
	.driver	= {
		.name = "sfl",
		.of_match_table = sfl_of_match,
	},
};
module_platform_driver(sfl_driver);
MODULE_LICENSE("GPL");
