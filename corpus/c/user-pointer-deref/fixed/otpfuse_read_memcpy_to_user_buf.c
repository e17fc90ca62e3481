// SPDX-License-Identifier: GPL-2.0
/*
 * Bug pattern: a read() handler fills the caller's buffer with memcpy(),
 * writing through the `char __user *buf` parameter as if it were kernel
 * memory.
 *
 * Models fixes like "use copy_to_user() in the read path" in one-time
 * programmable fuse / eFuse readers that expose the fuse array as a
 * device node: the handler shadowed the fuse words into a kernel array
 * and then memcpy()'d the requested window into the user buffer.  The
 * fix copies the window out with copy_to_user() and returns -EFAULT when
 * it fails.
 *
 * Fixed twin: the window is copied out with copy_to_user() (still under
 * the mutex that protects the shadow array) and a short copy returns
 * -EFAULT.
 */
#include <linux/module.h>
#include <linux/platform_device.h>
#include <linux/of.h>
#include <linux/miscdevice.h>
#include <linux/mutex.h>
#include <linux/uaccess.h>
#include <linux/kernel.h>
#include <linux/string.h>
#include <linux/io.h>
#include <linux/fs.h>

#define OTP_WORD(n)		(0x100 + 4 * (n))
#define OTP_NUM_WORDS		32
#define OTP_SIZE		(OTP_NUM_WORDS * 4)

struct otpfuse {
	void __iomem *base;
	struct mutex lock;	/* protects shadow[] and shadow_valid */
	bool shadow_valid;
	u32 shadow[OTP_NUM_WORDS];
	struct miscdevice misc;
};

static void otpfuse_load_shadow(struct otpfuse *otp)
{
	int i;

	for (i = 0; i < OTP_NUM_WORDS; i++)
		otp->shadow[i] = readl(otp->base + OTP_WORD(i));
	otp->shadow_valid = true;
}

static ssize_t otpfuse_read(struct file *file, char __user *buf,
			    size_t count, loff_t *ppos)
{
	struct otpfuse *otp = container_of(file->private_data, struct otpfuse, misc);
	const u8 *src = (const u8 *)otp->shadow;
	unsigned long left;
	size_t n;

	if (*ppos >= OTP_SIZE)
		return 0;
	n = min_t(size_t, count, OTP_SIZE - *ppos);

	mutex_lock(&otp->lock);
	if (!otp->shadow_valid)
		otpfuse_load_shadow(otp);
	left = copy_to_user(buf, src + *ppos, n);
	mutex_unlock(&otp->lock);
	if (left)
		return -EFAULT;

	*ppos += n;
	return n;
}

static const struct file_operations otpfuse_fops = {
	.owner	= THIS_MODULE,
	.read	= otpfuse_read,
	.llseek	= default_llseek,
};

static int otpfuse_probe(struct platform_device *pdev)
{
	struct otpfuse *otp;

	otp = devm_kzalloc(&pdev->dev, sizeof(*otp), GFP_KERNEL);
	if (!otp)
		return -ENOMEM;
	mutex_init(&otp->lock);

	otp->base = devm_platform_ioremap_resource(pdev, 0);
	if (IS_ERR(otp->base))
		return PTR_ERR(otp->base);

	otp->misc.minor = MISC_DYNAMIC_MINOR;
	otp->misc.name = "otpfuse";
	otp->misc.fops = &otpfuse_fops;
	otp->misc.parent = &pdev->dev;
	otp->misc.mode = 0400;
	platform_set_drvdata(pdev, otp);
	return misc_register(&otp->misc);
}

static int otpfuse_remove(struct platform_device *pdev)
{
	struct otpfuse *otp = platform_get_drvdata(pdev);

	misc_deregister(&otp->misc);
	return 0;
}

static const struct of_device_id otpfuse_of_match[] = {
	{ .compatible = "example,otp-fuse" },
	{ }
};
MODULE_DEVICE_TABLE(of, otpfuse_of_match);

static struct platform_driver otpfuse_driver = {
	.probe	= otpfuse_probe,
	.remove	= otpfuse_remove,
	.driver	= {
		.name		= "otp-fuse",
		.of_match_table	= otpfuse_of_match,
	},
};
module_platform_driver(otpfuse_driver);
MODULE_LICENSE("GPL");
