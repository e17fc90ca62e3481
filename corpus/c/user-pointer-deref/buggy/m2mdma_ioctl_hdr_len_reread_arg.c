// SPDX-License-Identifier: GPL-2.0
/*
 * Bug pattern: the request is copied correctly with
 * copy_from_user(&req, (void __user *)arg, sizeof(req)), but a later line
 * goes back to the raw argument and reads ((struct dmx_hdr *)arg)->len,
 * dereferencing the user pointer (and re-fetching a value user space can
 * change after validation).
 *
 * Models fixes like "use the copied header instead of re-reading arg" in
 * memory-to-memory DMA helper drivers with a copy-request ioctl: the
 * length check was added later and reached for the header through arg.
 * The fix reads the length from the kernel copy (req.hdr.len).
 */
#include <linux/module.h>
#include <linux/platform_device.h>
#include <linux/of.h>
#include <linux/miscdevice.h>
#include <linux/mutex.h>
#include <linux/uaccess.h>
#include <linux/bits.h>
#include <linux/io.h>
#include <linux/fs.h>

#define DMX_SRC			0x00
#define DMX_DST			0x04
#define DMX_LEN			0x08
#define DMX_CTRL		0x0c
#define DMX_CTRL_START		BIT(0)
#define DMX_CTRL_IRQ_EN		BIT(1)

#define DMX_WIN_SIZE		(1024 * 1024)
#define DMX_FLAG_IRQ		BIT(0)
#define DMX_FLAGS_VALID		DMX_FLAG_IRQ

struct dmx_hdr {
	__u32 len;
	__u32 flags;
};

struct dmx_req {
	struct dmx_hdr hdr;
	__u32 src_off;
	__u32 dst_off;
};

#define DMX_IOC_MAGIC		'x'
#define DMX_IOC_COPY		_IOW(DMX_IOC_MAGIC, 1, struct dmx_req)

struct m2mdma {
	void __iomem *base;
	struct mutex lock;	/* one transfer programmed at a time */
	struct miscdevice misc;
};

static long m2mdma_ioctl(struct file *file, unsigned int cmd, unsigned long arg)
{
	struct m2mdma *md = container_of(file->private_data, struct m2mdma, misc);
	struct dmx_req req;
	u32 len, ctrl;

	if (cmd != DMX_IOC_COPY)
		return -ENOTTY;

	if (copy_from_user(&req, (void __user *)arg, sizeof(req)))
		return -EFAULT;
	if (req.hdr.flags & ~DMX_FLAGS_VALID)
		return -EINVAL;
	if (req.src_off >= DMX_WIN_SIZE || req.dst_off >= DMX_WIN_SIZE)
		return -EINVAL;

	len = ((struct dmx_hdr *)arg)->len; /* expect: user-pointer-deref */
	if (!len || len > DMX_WIN_SIZE - req.src_off || len > DMX_WIN_SIZE - req.dst_off)
		return -EINVAL;

	ctrl = DMX_CTRL_START;
	if (req.hdr.flags & DMX_FLAG_IRQ)
		ctrl |= DMX_CTRL_IRQ_EN;

	mutex_lock(&md->lock);
	writel(req.src_off, md->base + DMX_SRC);
	writel(req.dst_off, md->base + DMX_DST);
	writel(len, md->base + DMX_LEN);
	writel(ctrl, md->base + DMX_CTRL);
	mutex_unlock(&md->lock);
	return 0;
}

static const struct file_operations m2mdma_fops = {
	.owner		= THIS_MODULE,
	.unlocked_ioctl	= m2mdma_ioctl,
	.llseek		= noop_llseek,
};

static int m2mdma_probe(struct platform_device *pdev)
{
	struct m2mdma *md;

	md = devm_kzalloc(&pdev->dev, sizeof(*md), GFP_KERNEL);
	if (!md)
		return -ENOMEM;
	mutex_init(&md->lock);

	md->base = devm_platform_ioremap_resource(pdev, 0);
	if (IS_ERR(md->base))
		return PTR_ERR(md->base);

	md->misc.minor = MISC_DYNAMIC_MINOR;
	md->misc.name = "m2mdma";
	md->misc.fops = &m2mdma_fops;
	md->misc.parent = &pdev->dev;
	md->misc.mode = 0600;
	platform_set_drvdata(pdev, md);
	return misc_register(&md->misc);
}

static int m2mdma_remove(struct platform_device *pdev)
{
	struct m2mdma *md = platform_get_drvdata(pdev);

	misc_deregister(&md->misc);
	writel(0, md->base + DMX_CTRL);
	return 0;
}

static const struct of_device_id m2mdma_of_match[] = {
	{ .compatible = "example,m2m-dma" },
	{ }
};
MODULE_DEVICE_TABLE(of, m2mdma_of_match);

static struct platform_driver m2mdma_driver = {
	.probe	= m2mdma_probe,
	.remove	= m2mdma_remove,
	.driver	= {
		.name		= "m2m-dma",
		.of_match_table	= m2mdma_of_match,
	},
};
module_platform_driver(m2mdma_driver);
MODULE_LICENSE("GPL");
