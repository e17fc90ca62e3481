// SPDX-License-Identifier: GPL-2.0
/*
 * Bug pattern: the .compat_ioctl handler casts its unsigned long arg to the
 * 32-bit layout of the ioctl structure and reads the user-space fields
 * directly (cfg32->mode, cfg32->period_ns) before converting them to the
 * native layout.
 *
 * Models fixes like "use copy_from_user() in the compat ioctl path" in
 * sensor-hub style char drivers whose uapi struct contains an unsigned
 * long and so needs a 32-bit translation: the native path was correct,
 * but the hand-written compat translation dereferenced the 32-bit user
 * pointer.  The fix copies the compat structure with copy_from_user()
 * from compat_ptr(arg) and translates the kernel copy.
 *
 * Fixed twin: the compat path copies the 32-bit structure from
 * compat_ptr(arg) into a stack struct with copy_from_user() and translates
 * the kernel copy.
 */
#include <linux/module.h>
#include <linux/platform_device.h>
#include <linux/of.h>
#include <linux/miscdevice.h>
#include <linux/mutex.h>
#include <linux/uaccess.h>
#include <linux/compat.h>
#include <linux/io.h>
#include <linux/fs.h>

#define SHUB_MODE		0x00
#define SHUB_PERIOD		0x04

#define SHUB_MODE_OFF		0
#define SHUB_MODE_ONESHOT	1
#define SHUB_MODE_CONT		2
#define SHUB_MIN_PERIOD_NS	100000UL

struct shub_cfg {
	__u32 mode;
	unsigned long period_ns;
};

struct shub_cfg32 {
	__u32 mode;
	compat_ulong_t period_ns;
};

#define SHUB_IOC_MAGIC		's'
#define SHUB_IOC_SET_CFG	_IOW(SHUB_IOC_MAGIC, 1, struct shub_cfg)
#define SHUB_IOC_SET_CFG32	_IOW(SHUB_IOC_MAGIC, 1, struct shub_cfg32)

struct shub {
	void __iomem *base;
	struct mutex lock;	/* serialises configuration changes */
	struct shub_cfg cur;
	struct miscdevice misc;
};

static int shub_apply(struct shub *sh, const struct shub_cfg *cfg)
{
	if (cfg->mode > SHUB_MODE_CONT || cfg->period_ns < SHUB_MIN_PERIOD_NS)
		return -EINVAL;

	mutex_lock(&sh->lock);
	writel(cfg->period_ns / 1000, sh->base + SHUB_PERIOD);
	writel(cfg->mode, sh->base + SHUB_MODE);
	sh->cur = *cfg;
	mutex_unlock(&sh->lock);
	return 0;
}

static long shub_ioctl(struct file *file, unsigned int cmd, unsigned long arg)
{
	struct shub *sh = container_of(file->private_data, struct shub, misc);
	struct shub_cfg cfg;

	switch (cmd) {
	case SHUB_IOC_SET_CFG:
		if (copy_from_user(&cfg, (void __user *)arg, sizeof(cfg)))
			return -EFAULT;
		return shub_apply(sh, &cfg);
	default:
		return -ENOTTY;
	}
}

static long shub_compat_ioctl(struct file *file, unsigned int cmd, unsigned long arg)
{
	struct shub *sh = container_of(file->private_data, struct shub, misc);
	struct shub_cfg32 cfg32;
	struct shub_cfg cfg;

	switch (cmd) {
	case SHUB_IOC_SET_CFG32:
		if (copy_from_user(&cfg32, compat_ptr(arg), sizeof(cfg32)))
			return -EFAULT;
		cfg.mode = cfg32.mode;
		cfg.period_ns = cfg32.period_ns;
		return shub_apply(sh, &cfg);
	default:
		return -ENOTTY;
	}
}

static const struct file_operations shub_fops = {
	.owner		= THIS_MODULE,
	.unlocked_ioctl	= shub_ioctl,
	.compat_ioctl	= shub_compat_ioctl,
	.llseek		= noop_llseek,
};

static int shub_probe(struct platform_device *pdev)
{
	struct shub *sh;

	sh = devm_kzalloc(&pdev->dev, sizeof(*sh), GFP_KERNEL);
	if (!sh)
		return -ENOMEM;
	mutex_init(&sh->lock);

	sh->base = devm_platform_ioremap_resource(pdev, 0);
	if (IS_ERR(sh->base))
		return PTR_ERR(sh->base);
	writel(SHUB_MODE_OFF, sh->base + SHUB_MODE);

	sh->misc.minor = MISC_DYNAMIC_MINOR;
	sh->misc.name = "sensorhub";
	sh->misc.fops = &shub_fops;
	sh->misc.parent = &pdev->dev;
	platform_set_drvdata(pdev, sh);
	return misc_register(&sh->misc);
}

static int shub_remove(struct platform_device *pdev)
{
	struct shub *sh = platform_get_drvdata(pdev);

	misc_deregister(&sh->misc);
	writel(SHUB_MODE_OFF, sh->base + SHUB_MODE);
	return 0;
}

static const struct of_device_id shub_of_match[] = {
	{ .compatible = "example,sensor-hub" },
	{ }
};
MODULE_DEVICE_TABLE(of, shub_of_match);

static struct platform_driver shub_driver = {
	.probe	= shub_probe,
	.remove	= shub_remove,
	.driver	= {
		.name		= "sensor-hub",
		.of_match_table	= shub_of_match,
	},
};
module_platform_driver(shub_driver);
MODULE_LICENSE("GPL");
