// SPDX-License-Identifier: GPL-2.0
/*
 * Correct: user strings brought in with the string copy helpers, then
 * measured, compared and copied on the kernel side:
 *   - RLB_IOC_SET_NAME: strncpy_from_user(name, (const char __user *)arg,
 *     sizeof(name)), its result checked for error and truncation, then
 *     strlen(name) and strscpy() on the kernel array;
 *   - RLB_IOC_SET_LABEL: a request struct copied with copy_from_user()
 *     carries a `__u64 label_ptr`; u64_to_user_ptr() turns it into a
 *     `const char __user *` that only goes to strndup_user(), whose
 *     kernel result (IS_ERR()-checked) is used with strcmp() / strlen();
 *   - RLB_IOC_GET_NAME: copy_to_user(argp, rb->name, strlen(rb->name) + 1)
 *     where strlen() measures the kernel array.
 *
 * A naive checker flags strlen()/strcmp() calls on lines near a __user
 * pointer, or on a variable that was filled from one, and may treat
 * u64_to_user_ptr(req.label_ptr) as a plain pointer read.  All string
 * functions here operate on kernel memory.
 */
#include <linux/module.h>
#include <linux/miscdevice.h>
#include <linux/fs.h>
#include <linux/uaccess.h>
#include <linux/string.h>
#include <linux/slab.h>
#include <linux/mutex.h>
#include <linux/kernel.h>

#define RLB_CHANNELS	8
#define RLB_NAME_LEN	32
#define RLB_LABEL_MAX	64

struct rlb_label_req {
	__u32 channel;
	__u32 flags;
	__u64 label_ptr;	/* const char __user *, NUL-terminated */
};

#define RLB_IOC_MAGIC		'r'
#define RLB_IOC_SET_NAME	_IO(RLB_IOC_MAGIC, 1)
#define RLB_IOC_GET_NAME	_IO(RLB_IOC_MAGIC, 2)
#define RLB_IOC_SET_LABEL	_IOW(RLB_IOC_MAGIC, 3, struct rlb_label_req)

struct rlb {
	struct mutex lock;	/* name and labels */
	char name[RLB_NAME_LEN];
	char *label[RLB_CHANNELS];
};

static struct rlb rlb_bank;

static long rlb_set_label(struct rlb *rb, void __user *argp)
{
	struct rlb_label_req req;
	const char __user *ulabel;
	char *label;

	if (copy_from_user(&req, argp, sizeof(req)))
		return -EFAULT;
	if (req.channel >= RLB_CHANNELS || req.flags)
		return -EINVAL;

	ulabel = u64_to_user_ptr(req.label_ptr);
	label = strndup_user(ulabel, RLB_LABEL_MAX);
	if (IS_ERR(label))
		return PTR_ERR(label);
	if (!strlen(label) || !strcmp(label, "-")) {
		kfree(label);
		label = NULL;	/* clear the label */
	}

	mutex_lock(&rb->lock);
	kfree(rb->label[req.channel]);
	rb->label[req.channel] = label;
	mutex_unlock(&rb->lock);
	return 0;
}

static long rlb_ioctl(struct file *file, unsigned int cmd, unsigned long arg)
{
	struct rlb *rb = &rlb_bank;
	void __user *argp = (void __user *)arg;
	char name[RLB_NAME_LEN];
	long len;
	int ret = 0;

	switch (cmd) {
	case RLB_IOC_SET_NAME:
		len = strncpy_from_user(name, (const char __user *)arg, sizeof(name));
		if (len < 0)
			return len;
		if (len == sizeof(name))
			return -ENAMETOOLONG;
		if (strlen(name) == 0)
			return -EINVAL;
		mutex_lock(&rb->lock);
		strscpy(rb->name, name, sizeof(rb->name));
		mutex_unlock(&rb->lock);
		return 0;

	case RLB_IOC_GET_NAME:
		mutex_lock(&rb->lock);
		memcpy(name, rb->name, sizeof(name));
		mutex_unlock(&rb->lock);
		if (copy_to_user(argp, name, strlen(name) + 1))
			ret = -EFAULT;
		return ret;

	case RLB_IOC_SET_LABEL:
		return rlb_set_label(rb, argp);

	default:
		return -ENOTTY;
	}
}

static const struct file_operations rlb_fops = {
	.owner		= THIS_MODULE,
	.unlocked_ioctl	= rlb_ioctl,
	.compat_ioctl	= compat_ptr_ioctl,
	.llseek		= noop_llseek,
};

static struct miscdevice rlb_misc = {
	.minor	= MISC_DYNAMIC_MINOR,
	.name	= "relaybank",
	.fops	= &rlb_fops,
};

static int __init rlb_init(void)
{
	mutex_init(&rlb_bank.lock);
	strscpy(rlb_bank.name, "relaybank0", sizeof(rlb_bank.name));
	return misc_register(&rlb_misc);
}

static void __exit rlb_exit(void)
{
	int i;

	misc_deregister(&rlb_misc);
	for (i = 0; i < RLB_CHANNELS; i++)
		kfree(rlb_bank.label[i]);
}

module_init(rlb_init);
module_exit(rlb_exit);
MODULE_LICENSE("GPL");
