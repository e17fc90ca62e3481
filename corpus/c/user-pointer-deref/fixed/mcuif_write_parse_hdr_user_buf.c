// SPDX-License-Identifier: GPL-2.0
/*
 * Bug pattern: a write() handler hands its `const char __user *buf` to a
 * same-file helper, parse_hdr(const char *p), which dereferences p
 * (p[0], p[1], p[2]).  The user pointer is dereferenced inside the helper;
 * the bug is the call that passes it (reported at the call line).
 *
 * Models fixes like "validate the frame header from the kernel copy" in
 * drivers for a companion microcontroller that take framed commands via
 * a device node: the header was parsed from the user buffer before the
 * frame was copied into the driver's transmit buffer.  The fix copies the
 * frame with copy_from_user() first and parses the kernel copy.
 *
 * Fixed twin: the frame is copied into mc->frame with copy_from_user()
 * before the header is checked, and parse_hdr() is given the kernel copy.
 */
#include <linux/module.h>
#include <linux/platform_device.h>
#include <linux/of.h>
#include <linux/miscdevice.h>
#include <linux/mutex.h>
#include <linux/uaccess.h>
#include <linux/io.h>
#include <linux/fs.h>

#define MCU_TXFIFO		0x00
#define MCU_DOORBELL		0x04

#define MCU_SYNC		0xa5
#define MCU_HDR_LEN		3
#define MCU_MAX_FRAME		64
#define MCU_TYPE_MAX		0x1f

struct mcuif {
	void __iomem *base;
	struct mutex lock;	/* protects frame[] and the TX FIFO */
	char frame[MCU_MAX_FRAME];
	struct miscdevice misc;
};

static int parse_hdr(const char *p, u8 *type, u8 *len)
{
	if ((u8)p[0] != MCU_SYNC)
		return -EINVAL;
	*type = p[1];
	*len = p[2];
	return 0;
}

static void mcuif_send_frame(struct mcuif *mc, size_t count)
{
	size_t i;

	for (i = 0; i < count; i++)
		writel((u8)mc->frame[i], mc->base + MCU_TXFIFO);
	writel(1, mc->base + MCU_DOORBELL);
}

static ssize_t mcuif_write(struct file *file, const char __user *buf,
			   size_t count, loff_t *ppos)
{
	struct mcuif *mc = container_of(file->private_data, struct mcuif, misc);
	u8 type, len;
	ssize_t ret;

	if (count < MCU_HDR_LEN || count > MCU_MAX_FRAME)
		return -EINVAL;

	mutex_lock(&mc->lock);
	if (copy_from_user(mc->frame, buf, count)) {
		ret = -EFAULT;
		goto out_unlock;
	}
	ret = parse_hdr(mc->frame, &type, &len);
	if (ret)
		goto out_unlock;
	if (type > MCU_TYPE_MAX || MCU_HDR_LEN + len != count) {
		ret = -EINVAL;
		goto out_unlock;
	}

	mcuif_send_frame(mc, count);
	ret = count;
out_unlock:
	mutex_unlock(&mc->lock);
	return ret;
}

static const struct file_operations mcuif_fops = {
	.owner	= THIS_MODULE,
	.write	= mcuif_write,
	.llseek	= noop_llseek,
};

static int mcuif_probe(struct platform_device *pdev)
{
	struct mcuif *mc;

	mc = devm_kzalloc(&pdev->dev, sizeof(*mc), GFP_KERNEL);
	if (!mc)
		return -ENOMEM;
	mutex_init(&mc->lock);

	mc->base = devm_platform_ioremap_resource(pdev, 0);
	if (IS_ERR(mc->base))
		return PTR_ERR(mc->base);

	mc->misc.minor = MISC_DYNAMIC_MINOR;
	mc->misc.name = "mcuif";
	mc->misc.fops = &mcuif_fops;
	mc->misc.parent = &pdev->dev;
	platform_set_drvdata(pdev, mc);
	return misc_register(&mc->misc);
}

static int mcuif_remove(struct platform_device *pdev)
{
	struct mcuif *mc = platform_get_drvdata(pdev);

	misc_deregister(&mc->misc);
	return 0;
}

static const struct of_device_id mcuif_of_match[] = {
	{ .compatible = "example,companion-mcu" },
	{ }
};
MODULE_DEVICE_TABLE(of, mcuif_of_match);

static struct platform_driver mcuif_driver = {
	.probe	= mcuif_probe,
	.remove	= mcuif_remove,
	.driver	= {
		.name		= "companion-mcu",
		.of_match_table	= mcuif_of_match,
	},
};
module_platform_driver(mcuif_driver);
MODULE_LICENSE("GPL");
