// SPDX-License-Identifier: GPL-2.0
/*
 * ublink - USB LED-matrix sign; userspace writes frames to a bulk OUT pipe.
 * Models a counting semaphore used as a limit on URBs in flight: write()
 * takes a slot with down_interruptible() and returns with it still taken
 * once the URB is submitted; the URB completion handler (only registered via
 * usb_fill_bulk_urb()) gives it back, or write() itself if submission fails.
 * Tricky: write()'s success return "holds" the semaphore, its error returns
 * do not, and the completion handler ups a semaphore it never took.
 */
#include <linux/module.h>
#include <linux/usb.h>
#include <linux/slab.h>
#include <linux/fs.h>
#include <linux/semaphore.h>
#include <linux/uaccess.h>

#define UBLINK_EP_OUT		2
#define UBLINK_MAX_INFLIGHT	8
#define UBLINK_MAX_FRAME	4096

struct ublink {
	struct usb_device *udev;
	struct usb_interface *intf;
	struct semaphore limit_sem;	/* free slots for URBs in flight */
	struct usb_anchor tx_anchor;
};

static void ublink_write_done(struct urb *urb)
{
	struct ublink *dev = urb->context;

	if (urb->status && urb->status != -ENOENT && urb->status != -ESHUTDOWN)
		dev_err(&dev->intf->dev, "frame write failed: %d\n", urb->status);
	up(&dev->limit_sem);
}

static ssize_t ublink_write(struct file *file, const char __user *ubuf,
			    size_t count, loff_t *ppos)
{
	struct ublink *dev = file->private_data;
	struct urb *urb;
	u8 *buf;
	int ret;

	if (!count)
		return 0;
	count = min_t(size_t, count, UBLINK_MAX_FRAME);
	if (down_interruptible(&dev->limit_sem))
		return -ERESTARTSYS;

	urb = usb_alloc_urb(0, GFP_KERNEL);
	if (!urb) {
		ret = -ENOMEM;
		goto err_up;
	}
	buf = kmalloc(count, GFP_KERNEL);
	if (!buf) {
		ret = -ENOMEM;
		goto err_free_urb;
	}
	if (copy_from_user(buf, ubuf, count)) {
		kfree(buf);
		ret = -EFAULT;
		goto err_free_urb;
	}
	usb_fill_bulk_urb(urb, dev->udev, usb_sndbulkpipe(dev->udev, UBLINK_EP_OUT),
			  buf, count, ublink_write_done, dev);
	urb->transfer_flags |= URB_FREE_BUFFER;
	usb_anchor_urb(urb, &dev->tx_anchor);

	ret = usb_submit_urb(urb, GFP_KERNEL);
	if (ret) {
		usb_unanchor_urb(urb);
		goto err_free_urb;	/* frees buf too (URB_FREE_BUFFER) */
	}
	usb_free_urb(urb);		/* the anchor keeps its reference */
	return count;

err_free_urb:
	usb_free_urb(urb);
err_up:
	up(&dev->limit_sem);
	return ret;
}

static int ublink_probe(struct usb_interface *intf, const struct usb_device_id *id)
{
	struct ublink *dev = kzalloc(sizeof(*dev), GFP_KERNEL);

	if (!dev)
		return -ENOMEM;
	dev->udev = interface_to_usbdev(intf);
	dev->intf = intf;
	sema_init(&dev->limit_sem, UBLINK_MAX_INFLIGHT);
	init_usb_anchor(&dev->tx_anchor);
	usb_set_intfdata(intf, dev);
	return 0;
}

static const struct file_operations ublink_fops __maybe_unused = {
	.write	= ublink_write,
};

static struct usb_driver ublink_driver __maybe_unused = {
	.name	= "ublink",
	.probe	= ublink_probe,
};

MODULE_LICENSE("GPL");
