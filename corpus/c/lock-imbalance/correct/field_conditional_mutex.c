// SPDX-License-Identifier: GPL-2.0
/*
 * qdsp_mbox - mailbox of a small DSP, exposed as a misc device.
 * Tricky: the mailbox mutex is only needed when the mailbox is shared with
 * the firmware loader (priv->shared, fixed at probe time).  Both functions
 * test the same side-effect-free field twice, once around the lock and once
 * around the unlock, and nothing assigns priv->shared in between (only other
 * fields are written, and same-file helpers that do not touch it are
 * called).  qdsp_mbox_send() additionally has an error return between the
 * two tests that unlocks under its own test of the field.  A
 * path-insensitive checker sees "maybe locked" at the unlocks and returns.
 */
#include <linux/module.h>
#include <linux/miscdevice.h>
#include <linux/mutex.h>
#include <linux/fs.h>
#include <linux/io.h>
#include <linux/iopoll.h>

#define QDSP_MBOX_DATA		0x00
#define QDSP_MBOX_CTRL		0x20
#define QDSP_MBOX_STATUS	0x24
#define QDSP_CTRL_GO		BIT(0)
#define QDSP_STATUS_BUSY	BIT(0)
#define QDSP_MBOX_WORDS		8

struct qdsp_mbox {
	struct miscdevice misc;
	struct device *dev;
	void __iomem *base;
	struct mutex lock;
	bool shared;
	u32 last_reply;
	unsigned long sent;
	unsigned long timeouts;
};

static int qdsp_mbox_wait_idle(struct qdsp_mbox *priv)
{
	u32 st;

	return readl_poll_timeout(priv->base + QDSP_MBOX_STATUS, st,
				  !(st & QDSP_STATUS_BUSY), 10, 10000);
}

static int qdsp_mbox_send(struct qdsp_mbox *priv, const u32 *msg,
			  unsigned int words)
{
	unsigned int i;

	if (priv->shared)
		mutex_lock(&priv->lock);

	if (qdsp_mbox_wait_idle(priv)) {
		priv->timeouts++;
		if (priv->shared)
			mutex_unlock(&priv->lock);
		dev_err(priv->dev, "mailbox stuck busy\n");
		return -ETIMEDOUT;
	}
	for (i = 0; i < words; i++)
		writel(msg[i], priv->base + QDSP_MBOX_DATA + 4 * i);
	writel(QDSP_CTRL_GO, priv->base + QDSP_MBOX_CTRL);
	priv->sent++;

	if (priv->shared)
		mutex_unlock(&priv->lock);
	return 0;
}

static u32 qdsp_mbox_read_reply(struct qdsp_mbox *priv)
{
	u32 val;

	if (priv->shared)
		mutex_lock(&priv->lock);
	val = readl(priv->base + QDSP_MBOX_DATA);
	priv->last_reply = val;
	if (priv->shared)
		mutex_unlock(&priv->lock);
	return val;
}

static long qdsp_mbox_ioctl(struct file *file, unsigned int cmd,
			    unsigned long arg)
{
	struct qdsp_mbox *priv = container_of(file->private_data,
					      struct qdsp_mbox, misc);
	u32 msg[QDSP_MBOX_WORDS] = { cmd, (u32)arg };
	int ret;

	ret = qdsp_mbox_send(priv, msg, 2);
	if (ret)
		return ret;
	return qdsp_mbox_read_reply(priv) ? 0 : -EIO;
}

static const struct file_operations qdsp_mbox_fops __maybe_unused = {
	.owner		= THIS_MODULE,
	.unlocked_ioctl	= qdsp_mbox_ioctl,
};

MODULE_LICENSE("GPL");
