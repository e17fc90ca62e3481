// SPDX-License-Identifier: GPL-2.0
/*
 * Bug pattern: memcmp() against a user buffer: a write() handler checks
 * the image magic with memcmp(buf, MAGIC, 4) on its `const char __user
 * *buf` before copying the data in.
 *
 * Models fixes like "check the firmware magic on the kernel copy" in DSP
 * / co-processor image loaders that accept the image through a device
 * node: the first chunk's signature was compared in place in user
 * memory.  The fix fetches the magic into a small stack array with
 * copy_from_user() and compares that.
 *
 * Fixed twin: the magic is fetched into a stack array with
 * copy_from_user() and memcmp() compares the kernel copy.
 */
#include <linux/module.h>
#include <linux/platform_device.h>
#include <linux/of.h>
#include <linux/miscdevice.h>
#include <linux/mutex.h>
#include <linux/uaccess.h>
#include <linux/vmalloc.h>
#include <linux/string.h>
#include <linux/io.h>
#include <linux/fs.h>

#define DSPLD_CTRL		0x00
#define DSPLD_CTRL_RUN		0x1
#define DSPLD_SRAM_OFFSET	0x1000

#define DSPLD_MAGIC		"DSPF"
#define DSPLD_MAGIC_LEN		4
#define DSPLD_MAX_IMAGE		(128 * 1024)

struct dspld {
	void __iomem *base;
	struct mutex lock;	/* protects image[] and loaded */
	u8 *image;
	size_t loaded;
	struct miscdevice misc;
};

static ssize_t dspld_write(struct file *file, const char __user *buf,
			   size_t count, loff_t *ppos)
{
	struct dspld *ld = container_of(file->private_data, struct dspld, misc);
	u8 magic[DSPLD_MAGIC_LEN];
	ssize_t ret;

	if (*ppos < 0 || count > DSPLD_MAX_IMAGE || *ppos > DSPLD_MAX_IMAGE - count)
		return -EFBIG;
	if (*ppos == 0) {
		if (count < DSPLD_MAGIC_LEN)
			return -EINVAL;
		if (copy_from_user(magic, buf, sizeof(magic)))
			return -EFAULT;
		if (memcmp(magic, DSPLD_MAGIC, DSPLD_MAGIC_LEN))
			return -EINVAL;
	}

	mutex_lock(&ld->lock);
	if (copy_from_user(ld->image + *ppos, buf, count)) {
		ret = -EFAULT;
		goto out_unlock;
	}
	*ppos += count;
	ld->loaded = *ppos;
	ret = count;
out_unlock:
	mutex_unlock(&ld->lock);
	return ret;
}

static int dspld_release(struct inode *inode, struct file *file)
{
	struct dspld *ld = container_of(file->private_data, struct dspld, misc);

	mutex_lock(&ld->lock);
	if (ld->loaded) {
		writel(0, ld->base + DSPLD_CTRL);
		memcpy_toio(ld->base + DSPLD_SRAM_OFFSET, ld->image, ld->loaded);
		writel(DSPLD_CTRL_RUN, ld->base + DSPLD_CTRL);
		ld->loaded = 0;
	}
	mutex_unlock(&ld->lock);
	return 0;
}

static const struct file_operations dspld_fops = {
	.owner		= THIS_MODULE,
	.write		= dspld_write,
	.release	= dspld_release,
	.llseek		= default_llseek,
};

static int dspld_probe(struct platform_device *pdev)
{
	struct dspld *ld;
	int ret;

	ld = devm_kzalloc(&pdev->dev, sizeof(*ld), GFP_KERNEL);
	if (!ld)
		return -ENOMEM;
	mutex_init(&ld->lock);

	ld->base = devm_platform_ioremap_resource(pdev, 0);
	if (IS_ERR(ld->base))
		return PTR_ERR(ld->base);

	ld->image = vmalloc(DSPLD_MAX_IMAGE);
	if (!ld->image)
		return -ENOMEM;

	ld->misc.minor = MISC_DYNAMIC_MINOR;
	ld->misc.name = "dsp-loader";
	ld->misc.fops = &dspld_fops;
	ld->misc.parent = &pdev->dev;
	ld->misc.mode = 0200;
	platform_set_drvdata(pdev, ld);
	ret = misc_register(&ld->misc);
	if (ret)
		vfree(ld->image);
	return ret;
}

static int dspld_remove(struct platform_device *pdev)
{
	struct dspld *ld = platform_get_drvdata(pdev);

	misc_deregister(&ld->misc);
	vfree(ld->image);
	return 0;
}

static const struct of_device_id dspld_of_match[] = {
	{ .compatible = "example,dsp-loader" },
	{ }
};
MODULE_DEVICE_TABLE(of, dspld_of_match);

static struct platform_driver dspld_driver = {
	.probe	= dspld_probe,
	.remove	= dspld_remove,
	.driver	= {
		.name		= "dsp-loader",
		.of_match_table	= dspld_of_match,
	},
};
module_platform_driver(dspld_driver);
MODULE_LICENSE("GPL");
