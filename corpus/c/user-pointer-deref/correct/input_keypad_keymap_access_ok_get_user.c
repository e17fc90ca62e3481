// SPDX-License-Identifier: GPL-2.0
/*
 * Correct: a variable-length user table read with one access_ok() range
 * check followed by unchecked-access __get_user() in a loop, the classic
 * form for copying many small elements:
 *   - `struct kpad_keymap __user *uk = argp;` then get_user(n, &uk->count):
 *     &uk->count is address arithmetic on the user pointer, not a read;
 *   - `ucodes = &uk->codes[0];` (again only an address) then
 *     access_ok(ucodes, n * sizeof(*ucodes)) (the `*ucodes` sits inside
 *     sizeof and is never evaluated) and __get_user(code, ucodes + i);
 *   - the validated codes are staged in a kernel array and memcpy()'d
 *     into the live keymap under the IRQ lock.
 *
 * A naive checker reports `&uk->count`, `&uk->codes[0]` and
 * `sizeof(*ucodes)` as dereferences of a user pointer (they are member
 * and indirection expressions syntactically), or flags the final memcpy()
 * because its source was filled from user space.  No user memory is read
 * except through get_user()/__get_user(), and the __get_user() calls are
 * covered by the access_ok() check of the whole range.
 */
#include <linux/module.h>
#include <linux/platform_device.h>
#include <linux/of.h>
#include <linux/input.h>
#include <linux/interrupt.h>
#include <linux/miscdevice.h>
#include <linux/fs.h>
#include <linux/uaccess.h>
#include <linux/spinlock.h>
#include <linux/io.h>

#define KPAD_SCAN	0x00
#define KPAD_SCAN_VALID	BIT(15)
#define KPAD_SCAN_UP	BIT(14)
#define KPAD_SCAN_KEY	0x3f
#define KPAD_NKEYS	64

struct kpad_keymap {
	__u32 count;
	__u16 codes[];
};

#define KPAD_IOC_MAGIC		'k'
#define KPAD_IOC_LOAD_KEYMAP	_IOW(KPAD_IOC_MAGIC, 1, struct kpad_keymap)

struct kpad {
	void __iomem *base;
	struct input_dev *input;
	spinlock_t lock;	/* keymap, read by the IRQ handler */
	u16 keymap[KPAD_NKEYS];
	struct miscdevice misc;
};

static irqreturn_t kpad_irq(int irq, void *data)
{
	struct kpad *kp = data;
	u32 scan = readl(kp->base + KPAD_SCAN);
	u16 code;

	if (!(scan & KPAD_SCAN_VALID))
		return IRQ_NONE;
	spin_lock(&kp->lock);
	code = kp->keymap[scan & KPAD_SCAN_KEY];
	spin_unlock(&kp->lock);
	input_report_key(kp->input, code, !(scan & KPAD_SCAN_UP));
	input_sync(kp->input);
	return IRQ_HANDLED;
}

static long kpad_load_keymap(struct kpad *kp, struct kpad_keymap __user *uk)
{
	const u16 __user *ucodes;
	u16 map[KPAD_NKEYS];
	u32 n, i;
	u16 code;

	if (get_user(n, &uk->count))
		return -EFAULT;
	if (n == 0 || n > KPAD_NKEYS)
		return -EINVAL;

	ucodes = &uk->codes[0];
	if (!access_ok(ucodes, n * sizeof(*ucodes)))
		return -EFAULT;
	for (i = 0; i < n; i++) {
		if (__get_user(code, ucodes + i))
			return -EFAULT;
		if (code > KEY_MAX)
			return -EINVAL;
		map[i] = code;
	}

	spin_lock_irq(&kp->lock);
	memcpy(kp->keymap, map, n * sizeof(map[0]));
	for (i = 0; i < n; i++)
		__set_bit(map[i], kp->input->keybit);
	spin_unlock_irq(&kp->lock);
	return 0;
}

static long kpad_ioctl(struct file *file, unsigned int cmd, unsigned long arg)
{
	struct kpad *kp = container_of(file->private_data, struct kpad, misc);

	switch (cmd) {
	case KPAD_IOC_LOAD_KEYMAP:
		return kpad_load_keymap(kp, (struct kpad_keymap __user *)arg);
	default:
		return -ENOTTY;
	}
}

static const struct file_operations kpad_fops = {
	.owner		= THIS_MODULE,
	.unlocked_ioctl	= kpad_ioctl,
	.compat_ioctl	= compat_ptr_ioctl,
	.llseek		= noop_llseek,
};

static int kpad_probe(struct platform_device *pdev)
{
	struct kpad *kp;
	int i, irq, ret;

	kp = devm_kzalloc(&pdev->dev, sizeof(*kp), GFP_KERNEL);
	if (!kp)
		return -ENOMEM;
	spin_lock_init(&kp->lock);
	kp->base = devm_platform_ioremap_resource(pdev, 0);
	if (IS_ERR(kp->base))
		return PTR_ERR(kp->base);

	kp->input = devm_input_allocate_device(&pdev->dev);
	if (!kp->input)
		return -ENOMEM;
	kp->input->name = "matrix-keypad-64";
	input_set_capability(kp->input, EV_KEY, KEY_ENTER);
	for (i = 0; i < KPAD_NKEYS; i++)
		kp->keymap[i] = KEY_ENTER;
	ret = input_register_device(kp->input);
	if (ret)
		return ret;

	irq = platform_get_irq(pdev, 0);
	if (irq < 0)
		return irq;
	ret = devm_request_irq(&pdev->dev, irq, kpad_irq, 0, "kpad64", kp);
	if (ret)
		return ret;

	kp->misc.minor = MISC_DYNAMIC_MINOR;
	kp->misc.name = "kpad64";
	kp->misc.fops = &kpad_fops;
	kp->misc.parent = &pdev->dev;
	platform_set_drvdata(pdev, kp);
	return misc_register(&kp->misc);
}

static int kpad_remove(struct platform_device *pdev)
{
	struct kpad *kp = platform_get_drvdata(pdev);

	misc_deregister(&kp->misc);
	return 0;
}

static const struct of_device_id kpad_of_match[] = {
	{ .compatible = "example,matrix-keypad-64" },
	{ }
};
MODULE_DEVICE_TABLE(of, kpad_of_match);

static struct platform_driver kpad_driver = {
	.probe	= kpad_probe,
	.remove	= kpad_remove,
	.driver	= {
		.name		= "matrix-keypad-64",
		.of_match_table	= kpad_of_match,
	},
};
module_platform_driver(kpad_driver);
MODULE_LICENSE("GPL");
