// SPDX-License-Identifier: GPL-2.0
/*
 * Correct: an ioctl handler in which most commands carry their argument
 * BY VALUE in `unsigned long arg` (the _IO() commands), and only one
 * command treats arg as a user pointer:
 *   - LMX_IOC_SET_MODE: `if (arg > LMX_MODE_MAX) return -EINVAL;
 *     lm->mode = arg;` and a register write of arg;
 *   - LMX_IOC_SET_ROW: the row index and level are packed into arg and
 *     unpacked with shifts/masks; the row index (bounds-checked) then
 *     subscripts a kernel array, `lm->row_level[row]`;
 *   - LMX_IOC_BLANK: `lm->blanked = !!arg;`
 *   - LMX_IOC_GET_MODE: the one pointer use, put_user(lm->mode,
 *     (u32 __user *)arg).
 *
 * A naive checker taints `arg` itself as a user pointer in every handler
 * registered as .unlocked_ioctl and reports the comparisons, the
 * assignment `lm->mode = arg`, or the array subscript derived from it.
 * arg only becomes a user pointer where it is cast to one, and that cast
 * value goes straight to put_user().
 */
#include <linux/module.h>
#include <linux/platform_device.h>
#include <linux/of.h>
#include <linux/miscdevice.h>
#include <linux/fs.h>
#include <linux/uaccess.h>
#include <linux/mutex.h>
#include <linux/io.h>

#define LMX_MODE_REG	0x00
#define LMX_BLANK_REG	0x04
#define LMX_ROW_REG(r)	(0x20 + 4 * (r))
#define LMX_ROWS	8
#define LMX_MODE_MAX	3

#define LMX_IOC_MAGIC	'L'
#define LMX_IOC_SET_MODE	_IO(LMX_IOC_MAGIC, 1)	/* arg: mode 0..3 */
#define LMX_IOC_SET_ROW		_IO(LMX_IOC_MAGIC, 2)	/* arg: row << 8 | level */
#define LMX_IOC_BLANK		_IO(LMX_IOC_MAGIC, 3)	/* arg: 0 or 1 */
#define LMX_IOC_GET_MODE	_IOR(LMX_IOC_MAGIC, 4, __u32)

struct lmx {
	void __iomem *base;
	struct mutex lock;	/* mode, rows and their registers */
	u32 mode;
	u8 row_level[LMX_ROWS];
	bool blanked;
	struct miscdevice misc;
};

static long lmx_ioctl(struct file *file, unsigned int cmd, unsigned long arg)
{
	struct lmx *lm = container_of(file->private_data, struct lmx, misc);
	unsigned int row;
	u8 level;
	u32 mode;

	switch (cmd) {
	case LMX_IOC_SET_MODE:
		if (arg > LMX_MODE_MAX)
			return -EINVAL;
		mutex_lock(&lm->lock);
		lm->mode = arg;
		writel(arg, lm->base + LMX_MODE_REG);
		mutex_unlock(&lm->lock);
		return 0;

	case LMX_IOC_SET_ROW:
		row = (arg >> 8) & 0xff;
		level = arg & 0xff;
		if (row >= LMX_ROWS)
			return -EINVAL;
		mutex_lock(&lm->lock);
		lm->row_level[row] = level;
		writel(level, lm->base + LMX_ROW_REG(row));
		mutex_unlock(&lm->lock);
		return 0;

	case LMX_IOC_BLANK:
		mutex_lock(&lm->lock);
		lm->blanked = !!arg;
		writel(lm->blanked, lm->base + LMX_BLANK_REG);
		mutex_unlock(&lm->lock);
		return 0;

	case LMX_IOC_GET_MODE:
		mutex_lock(&lm->lock);
		mode = lm->mode;
		mutex_unlock(&lm->lock);
		return put_user(mode, (u32 __user *)arg);

	default:
		return -ENOTTY;
	}
}

static const struct file_operations lmx_fops = {
	.owner		= THIS_MODULE,
	.unlocked_ioctl	= lmx_ioctl,
	.compat_ioctl	= compat_ptr_ioctl,
	.llseek		= noop_llseek,
};

static int lmx_probe(struct platform_device *pdev)
{
	struct lmx *lm;

	lm = devm_kzalloc(&pdev->dev, sizeof(*lm), GFP_KERNEL);
	if (!lm)
		return -ENOMEM;
	mutex_init(&lm->lock);
	lm->base = devm_platform_ioremap_resource(pdev, 0);
	if (IS_ERR(lm->base))
		return PTR_ERR(lm->base);

	lm->misc.minor = MISC_DYNAMIC_MINOR;
	lm->misc.name = "ledmatrix";
	lm->misc.fops = &lmx_fops;
	lm->misc.parent = &pdev->dev;
	platform_set_drvdata(pdev, lm);
	return misc_register(&lm->misc);
}

static int lmx_remove(struct platform_device *pdev)
{
	struct lmx *lm = platform_get_drvdata(pdev);

	misc_deregister(&lm->misc);
	writel(1, lm->base + LMX_BLANK_REG);
	return 0;
}

static const struct of_device_id lmx_of_match[] = {
	{ .compatible = "example,led-matrix-8" },
	{ }
};
MODULE_DEVICE_TABLE(of, lmx_of_match);

static struct platform_driver lmx_driver = {
	.probe	= lmx_probe,
	.remove	= lmx_remove,
	.driver	= {
		.name		= "led-matrix-8",
		.of_match_table	= lmx_of_match,
	},
};
module_platform_driver(lmx_driver);
MODULE_LICENSE("GPL");
