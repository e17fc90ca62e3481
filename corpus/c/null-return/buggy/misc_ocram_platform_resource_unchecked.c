// SPDX-License-Identifier: GPL-2.0
/*
 * Bug pattern: platform_get_resource() result dereferenced (res->start)
 * without a NULL check.
 *
 * Models fixes like "check platform_get_resource() return value" in drivers
 * that need the physical address of their region, not just a mapping: probe
 * reads res->start and resource_size(res) straight away.  A device tree node
 * without a "reg" entry makes platform_get_resource() return NULL and probe
 * oopses.  The fix returns -ENODEV when the resource is missing.
 */
#include <linux/module.h>
#include <linux/platform_device.h>
#include <linux/miscdevice.h>
#include <linux/fs.h>
#include <linux/io.h>
#include <linux/of.h>
#include <linux/uaccess.h>
#include <linux/minmax.h>

#define OCRAM_BOUNCE	64

struct ocram {
	void __iomem *base;
	phys_addr_t phys;
	size_t size;
	struct miscdevice misc;
};

static ssize_t ocram_read(struct file *file, char __user *buf, size_t count, loff_t *ppos)
{
	struct ocram *oc = container_of(file->private_data, struct ocram, misc);
	u8 bounce[OCRAM_BOUNCE];
	size_t n;

	if (*ppos < 0 || *ppos >= oc->size)
		return 0;
	n = min_t(size_t, count, oc->size - *ppos);
	n = min_t(size_t, n, sizeof(bounce));

	memcpy_fromio(bounce, oc->base + *ppos, n);
	if (copy_to_user(buf, bounce, n))
		return -EFAULT;
	*ppos += n;
	return n;
}

static const struct file_operations ocram_fops = {
	.owner	= THIS_MODULE,
	.read	= ocram_read,
	.llseek	= default_llseek,
};

static int ocram_probe(struct platform_device *pdev)
{
	struct resource *res;
	struct ocram *oc;

	oc = devm_kzalloc(&pdev->dev, sizeof(*oc), GFP_KERNEL);
	if (!oc)
		return -ENOMEM;

	res = platform_get_resource(pdev, IORESOURCE_MEM, 0);
	oc->phys = res->start; /* expect: null-return */
	oc->size = resource_size(res);
	oc->base = devm_ioremap(&pdev->dev, oc->phys, oc->size);
	if (!oc->base)
		return -ENOMEM;

	dev_info(&pdev->dev, "%zu bytes of on-chip RAM at %pa\n", oc->size, &oc->phys);

	oc->misc.minor = MISC_DYNAMIC_MINOR;
	oc->misc.name = "exmp-ocram";
	oc->misc.fops = &ocram_fops;
	oc->misc.parent = &pdev->dev;
	platform_set_drvdata(pdev, oc);
	return misc_register(&oc->misc);
}

static int ocram_remove(struct platform_device *pdev)
{
	struct ocram *oc = platform_get_drvdata(pdev);

	misc_deregister(&oc->misc);
	return 0;
}

static const struct of_device_id ocram_of_match[] = {
	{ .compatible = "example,ocram" },
	{ }
};
MODULE_DEVICE_TABLE(of, ocram_of_match);

static struct platform_driver ocram_driver = {
	.probe	= ocram_probe,
	.remove	= ocram_remove,
	.driver	= {
		.name		= "exmp-ocram",
		.of_match_table	= ocram_of_match,
	},
};
module_platform_driver(ocram_driver);
MODULE_LICENSE("GPL");
