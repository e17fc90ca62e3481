// SPDX-License-Identifier: GPL-2.0
/*
 * Correct: the canonical ioctl idiom.  `arg` is cast once to
 * `void __user *argp` and argp is only ever handed to copy_from_user() /
 * copy_to_user(), directly or through a same-file helper
 * (adcs_fetch_cfg(), whose `const void __user *uptr` parameter goes
 * straight to copy_from_user()).  The kernel copies (cfg, st) are then
 * read, memset() and field-accessed freely.  The same handler serves 32-bit
 * callers through compat_ptr_ioctl.
 *
 * A naive checker that taints every value derived from a __user pointer
 * reports the helper call with argp, the `cfg.rate_hz` / `cfg.channels`
 * reads of the kernel copy, or memset(&st, ...), because they sit next to
 * user pointers in the same function.  Only the copy helpers ever touch
 * user memory; every dereference and mem*() call is on kernel memory.
 */
#include <linux/module.h>
#include <linux/platform_device.h>
#include <linux/of.h>
#include <linux/miscdevice.h>
#include <linux/fs.h>
#include <linux/uaccess.h>
#include <linux/mutex.h>
#include <linux/io.h>

#define ADCS_RATE	0x00
#define ADCS_CHEN	0x04
#define ADCS_GAIN	0x08
#define ADCS_COUNT	0x10
#define ADCS_OVR	0x14

#define ADCS_MAX_RATE	1000000
#define ADCS_CH_MASK	0x00ff

struct adcs_cfg {
	__u32 rate_hz;
	__u16 channels;
	__u16 gain;
};

struct adcs_status {
	__u32 samples;
	__u32 overruns;
	__u16 channels;
	__u16 reserved;
};

#define ADCS_IOC_MAGIC		'a'
#define ADCS_IOC_SET_CFG	_IOW(ADCS_IOC_MAGIC, 1, struct adcs_cfg)
#define ADCS_IOC_GET_CFG	_IOR(ADCS_IOC_MAGIC, 2, struct adcs_cfg)
#define ADCS_IOC_GET_STATUS	_IOR(ADCS_IOC_MAGIC, 3, struct adcs_status)

struct adcs {
	void __iomem *base;
	struct mutex lock;	/* cfg and the config registers */
	struct adcs_cfg cfg;
	struct miscdevice misc;
};

static int adcs_fetch_cfg(struct adcs_cfg *kcfg, const void __user *uptr)
{
	if (copy_from_user(kcfg, uptr, sizeof(*kcfg)))
		return -EFAULT;
	if (!kcfg->rate_hz || kcfg->rate_hz > ADCS_MAX_RATE)
		return -EINVAL;
	if (kcfg->channels & ~ADCS_CH_MASK)
		return -EINVAL;
	return 0;
}

static long adcs_ioctl(struct file *file, unsigned int cmd, unsigned long arg)
{
	struct adcs *ad = container_of(file->private_data, struct adcs, misc);
	void __user *argp = (void __user *)arg;
	struct adcs_status st;
	struct adcs_cfg cfg;
	int ret;

	switch (cmd) {
	case ADCS_IOC_SET_CFG:
		ret = adcs_fetch_cfg(&cfg, argp);
		if (ret)
			return ret;
		mutex_lock(&ad->lock);
		ad->cfg = cfg;
		writel(cfg.rate_hz, ad->base + ADCS_RATE);
		writel(cfg.channels, ad->base + ADCS_CHEN);
		writel(cfg.gain, ad->base + ADCS_GAIN);
		mutex_unlock(&ad->lock);
		return 0;

	case ADCS_IOC_GET_CFG:
		mutex_lock(&ad->lock);
		cfg = ad->cfg;
		mutex_unlock(&ad->lock);
		if (copy_to_user(argp, &cfg, sizeof(cfg)))
			return -EFAULT;
		return 0;

	case ADCS_IOC_GET_STATUS:
		memset(&st, 0, sizeof(st));
		mutex_lock(&ad->lock);
		st.samples = readl(ad->base + ADCS_COUNT);
		st.overruns = readl(ad->base + ADCS_OVR);
		st.channels = ad->cfg.channels;
		mutex_unlock(&ad->lock);
		return copy_to_user(argp, &st, sizeof(st)) ? -EFAULT : 0;

	default:
		return -ENOTTY;
	}
}

static const struct file_operations adcs_fops = {
	.owner		= THIS_MODULE,
	.unlocked_ioctl	= adcs_ioctl,
	.compat_ioctl	= compat_ptr_ioctl,
	.llseek		= noop_llseek,
};

static int adcs_probe(struct platform_device *pdev)
{
	struct adcs *ad;

	ad = devm_kzalloc(&pdev->dev, sizeof(*ad), GFP_KERNEL);
	if (!ad)
		return -ENOMEM;
	mutex_init(&ad->lock);
	ad->base = devm_platform_ioremap_resource(pdev, 0);
	if (IS_ERR(ad->base))
		return PTR_ERR(ad->base);

	ad->misc.minor = MISC_DYNAMIC_MINOR;
	ad->misc.name = "adc-sampler";
	ad->misc.fops = &adcs_fops;
	ad->misc.parent = &pdev->dev;
	platform_set_drvdata(pdev, ad);
	return misc_register(&ad->misc);
}

static int adcs_remove(struct platform_device *pdev)
{
	struct adcs *ad = platform_get_drvdata(pdev);

	misc_deregister(&ad->misc);
	return 0;
}

static const struct of_device_id adcs_of_match[] = {
	{ .compatible = "example,adc-sampler" },
	{ }
};
MODULE_DEVICE_TABLE(of, adcs_of_match);

static struct platform_driver adcs_driver = {
	.probe	= adcs_probe,
	.remove	= adcs_remove,
	.driver	= {
		.name		= "adc-sampler",
		.of_match_table	= adcs_of_match,
	},
};
module_platform_driver(adcs_driver);
MODULE_LICENSE("GPL");
