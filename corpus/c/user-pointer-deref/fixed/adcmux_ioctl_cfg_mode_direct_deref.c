// SPDX-License-Identifier: GPL-2.0
/*
 * Bug pattern: the .unlocked_ioctl handler casts its unsigned long arg to a
 * struct pointer and reads the user-space structure directly (cfg->mode,
 * cfg->channel) instead of copying it into kernel memory first.
 *
 * Models fixes like "copy the ioctl argument with copy_from_user()" in
 * small ADC front-end mux drivers that expose a misc device: the SET_CFG
 * ioctl treated arg as a kernel pointer, which faults under SMAP and lets
 * user space aim the driver at kernel memory.  The fix copies the
 * structure into a stack copy with copy_from_user() and uses that.
 *
 * Fixed twin: SET_CFG copies the structure into a stack struct with
 * copy_from_user() and reads mode/channel from the kernel copy.
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

#define ADCMUX_CTRL		0x00
#define ADCMUX_CTRL_MODE	GENMASK(1, 0)
#define ADCMUX_CHSEL		0x04

#define ADCMUX_MODE_SINGLE	0
#define ADCMUX_MODE_DIFF	1
#define ADCMUX_MODE_SCAN	2
#define ADCMUX_NUM_CHANNELS	16

struct adcmux_cfg {
	__u32 mode;
	__u32 channel;
};

#define ADCMUX_IOC_MAGIC	'a'
#define ADCMUX_IOC_SET_CFG	_IOW(ADCMUX_IOC_MAGIC, 1, struct adcmux_cfg)
#define ADCMUX_IOC_GET_MODE	_IOR(ADCMUX_IOC_MAGIC, 2, __u32)

struct adcmux {
	void __iomem *base;
	struct device *dev;
	struct mutex lock;	/* serialises register updates */
	u32 mode;
	u32 channel;
	struct miscdevice misc;
};

static long adcmux_ioctl(struct file *file, unsigned int cmd, unsigned long arg)
{
	struct adcmux *am = container_of(file->private_data, struct adcmux, misc);
	struct adcmux_cfg cfg;
	u32 mode, chan;

	switch (cmd) {
	case ADCMUX_IOC_SET_CFG:
		if (copy_from_user(&cfg, (void __user *)arg, sizeof(cfg)))
			return -EFAULT;
		mode = cfg.mode;
		chan = cfg.channel;
		if (mode > ADCMUX_MODE_SCAN || chan >= ADCMUX_NUM_CHANNELS)
			return -EINVAL;

		mutex_lock(&am->lock);
		writel(chan, am->base + ADCMUX_CHSEL);
		writel(mode & ADCMUX_CTRL_MODE, am->base + ADCMUX_CTRL);
		am->mode = mode;
		am->channel = chan;
		mutex_unlock(&am->lock);
		return 0;
	case ADCMUX_IOC_GET_MODE:
		return put_user(am->mode, (u32 __user *)arg);
	default:
		return -ENOTTY;
	}
}

static const struct file_operations adcmux_fops = {
	.owner		= THIS_MODULE,
	.unlocked_ioctl	= adcmux_ioctl,
	.llseek		= noop_llseek,
};

static int adcmux_probe(struct platform_device *pdev)
{
	struct adcmux *am;

	am = devm_kzalloc(&pdev->dev, sizeof(*am), GFP_KERNEL);
	if (!am)
		return -ENOMEM;
	am->dev = &pdev->dev;
	mutex_init(&am->lock);

	am->base = devm_platform_ioremap_resource(pdev, 0);
	if (IS_ERR(am->base))
		return PTR_ERR(am->base);

	am->mode = ADCMUX_MODE_SINGLE;
	writel(am->mode, am->base + ADCMUX_CTRL);

	am->misc.minor = MISC_DYNAMIC_MINOR;
	am->misc.name = "adcmux";
	am->misc.fops = &adcmux_fops;
	am->misc.parent = &pdev->dev;
	platform_set_drvdata(pdev, am);
	return misc_register(&am->misc);
}

static int adcmux_remove(struct platform_device *pdev)
{
	struct adcmux *am = platform_get_drvdata(pdev);

	misc_deregister(&am->misc);
	return 0;
}

static const struct of_device_id adcmux_of_match[] = {
	{ .compatible = "example,adc-mux" },
	{ }
};
MODULE_DEVICE_TABLE(of, adcmux_of_match);

static struct platform_driver adcmux_driver = {
	.probe	= adcmux_probe,
	.remove	= adcmux_remove,
	.driver	= {
		.name		= "adc-mux",
		.of_match_table	= adcmux_of_match,
	},
};
module_platform_driver(adcmux_driver);
MODULE_LICENSE("GPL");
