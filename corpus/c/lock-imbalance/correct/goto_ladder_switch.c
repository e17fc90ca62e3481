// SPDX-License-Identifier: GPL-2.0
/*
 * vcam_ctl - control ioctl of a virtual camera sensor bridge.
 * Tricky: one exit ladder (out_unlock -> out_free -> out) serves paths that
 * hold the mutex and paths that do not.  Failures before the lock jump past
 * out_unlock; failures after it jump to out_unlock, including from inside
 * a switch whose RESET case falls through into SET_CFG and whose default
 * jumps out.  The GET_CFG case unlocks in the middle of the switch and
 * jumps to out_free, past out_unlock, so the text contains two unlocks in
 * a row on the way down; only by following the gotos is it clear that
 * each path releases the mutex exactly once.  The single return holds
 * nothing on any path.
 */
#include <linux/module.h>
#include <linux/fs.h>
#include <linux/mutex.h>
#include <linux/slab.h>
#include <linux/uaccess.h>
#include <linux/ioctl.h>
#include <linux/device.h>

struct vcam_cfg {
	__u32 width;
	__u32 height;
	__u32 fps;
	__u32 flags;
};

#define VCAM_IOC_RESET		_IO('v', 0)
#define VCAM_IOC_SET_CFG	_IOW('v', 1, struct vcam_cfg)
#define VCAM_IOC_GET_CFG	_IOR('v', 2, struct vcam_cfg)
#define VCAM_MAX_WIDTH		4096

struct vcam {
	struct device *dev;
	struct mutex lock;
	struct vcam_cfg cur;
	bool streaming;
};

static int vcam_apply(struct vcam *vc, const struct vcam_cfg *cfg)
{
	if (!cfg->width || cfg->width > VCAM_MAX_WIDTH || !cfg->fps)
		return -EINVAL;
	vc->cur = *cfg;
	return 0;
}

static long vcam_ioctl(struct file *file, unsigned int cmd, unsigned long arg)
{
	struct vcam *vc = file->private_data;
	void __user *uarg = (void __user *)arg;
	struct vcam_cfg *cfg;
	long ret = 0;

	cfg = kzalloc(sizeof(*cfg), GFP_KERNEL);
	if (!cfg) {
		ret = -ENOMEM;
		goto out;
	}
	if ((_IOC_DIR(cmd) & _IOC_WRITE) &&
	    copy_from_user(cfg, uarg, sizeof(*cfg))) {
		ret = -EFAULT;
		goto out_free;
	}

	mutex_lock(&vc->lock);
	if (vc->streaming && cmd != VCAM_IOC_GET_CFG) {
		ret = -EBUSY;
		goto out_unlock;
	}

	switch (cmd) {
	case VCAM_IOC_RESET:
		memset(cfg, 0, sizeof(*cfg));
		cfg->width = 640;
		cfg->height = 480;
		cfg->fps = 30;
		fallthrough;
	case VCAM_IOC_SET_CFG:
		ret = vcam_apply(vc, cfg);
		if (ret) {
			dev_err(vc->dev, "rejected %ux%u@%u\n",
				cfg->width, cfg->height, cfg->fps);
			goto out_unlock;
		}
		break;
	case VCAM_IOC_GET_CFG:
		*cfg = vc->cur;
		/* copy out without the lock; skip out_unlock */
		mutex_unlock(&vc->lock);
		if (copy_to_user(uarg, cfg, sizeof(*cfg)))
			ret = -EFAULT;
		goto out_free;
	default:
		ret = -ENOTTY;
		goto out_unlock;
	}

	dev_dbg(vc->dev, "cmd %#x applied\n", cmd);
out_unlock:
	mutex_unlock(&vc->lock);
out_free:
	kfree(cfg);
out:
	return ret;
}

static const struct file_operations vcam_fops __maybe_unused = {
	.owner		= THIS_MODULE,
	.unlocked_ioctl	= vcam_ioctl,
};

MODULE_LICENSE("GPL");
