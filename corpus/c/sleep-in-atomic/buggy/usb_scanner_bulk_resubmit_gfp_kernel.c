// SPDX-License-Identifier: GPL-2.0
/*
 * Bug pattern: usb_submit_urb(urb, GFP_KERNEL) in a URB completion handler
 * registered with usb_fill_bulk_urb().
 *
 * Models fixes like "use GFP_ATOMIC when resubmitting the read urb" in USB
 * barcode-scanner and serial-like drivers: the bulk-in completion handler
 * pushes the received bytes into a FIFO and resubmits the same URB with
 * GFP_KERNEL.  Completion handlers run in interrupt context (hard IRQ or
 * BH), where an allocation that may enter direct reclaim must not be made.
 * The fix resubmits with GFP_ATOMIC.
 */
#include <linux/module.h>
#include <linux/usb.h>
#include <linux/miscdevice.h>
#include <linux/fs.h>
#include <linux/kfifo.h>
#include <linux/slab.h>
#include <linux/spinlock.h>
#include <linux/uaccess.h>
#include <linux/wait.h>

#define SCN_BUF_SIZE	64
#define SCN_FIFO_SIZE	1024

struct scn {
	struct usb_device *udev;
	struct urb *read_urb;
	u8 *bulk_buf;
	spinlock_t lock;		/* protects fifo */
	struct kfifo fifo;
	wait_queue_head_t wq;
	struct miscdevice misc;
};

static void scn_read_complete(struct urb *urb)
{
	struct scn *scn = urb->context;
	int ret;

	switch (urb->status) {
	case 0:
		break;
	case -ENOENT:
	case -ECONNRESET:
	case -ESHUTDOWN:
		return;
	default:
		dev_dbg(&scn->udev->dev, "bulk-in status %d\n", urb->status);
		goto resubmit;
	}

	spin_lock(&scn->lock);
	kfifo_in(&scn->fifo, scn->bulk_buf, urb->actual_length);
	spin_unlock(&scn->lock);
	wake_up_interruptible(&scn->wq);

resubmit:
	ret = usb_submit_urb(urb, GFP_KERNEL); /* expect: sleep-in-atomic */
	if (ret)
		dev_err(&scn->udev->dev, "cannot resubmit read urb: %d\n", ret);
}

static ssize_t scn_read(struct file *file, char __user *buf, size_t count, loff_t *ppos)
{
	struct scn *scn = container_of(file->private_data, struct scn, misc);
	u8 tmp[SCN_BUF_SIZE];
	unsigned int n;
	int ret;

	ret = wait_event_interruptible(scn->wq, !kfifo_is_empty(&scn->fifo));
	if (ret)
		return ret;

	spin_lock_irq(&scn->lock);
	n = kfifo_out(&scn->fifo, tmp, min_t(size_t, count, sizeof(tmp)));
	spin_unlock_irq(&scn->lock);

	if (copy_to_user(buf, tmp, n))
		return -EFAULT;
	return n;
}

static const struct file_operations scn_fops = {
	.owner	= THIS_MODULE,
	.read	= scn_read,
	.llseek	= noop_llseek,
};

static int scn_probe(struct usb_interface *intf, const struct usb_device_id *id)
{
	struct usb_endpoint_descriptor *ep;
	struct scn *scn;
	int ret;

	ret = usb_find_bulk_in_endpoint(intf->cur_altsetting, &ep);
	if (ret)
		return ret;
	scn = devm_kzalloc(&intf->dev, sizeof(*scn), GFP_KERNEL);
	if (!scn)
		return -ENOMEM;
	scn->udev = interface_to_usbdev(intf);
	spin_lock_init(&scn->lock);
	init_waitqueue_head(&scn->wq);
	ret = kfifo_alloc(&scn->fifo, SCN_FIFO_SIZE, GFP_KERNEL);
	if (ret)
		return ret;

	scn->bulk_buf = devm_kzalloc(&intf->dev, SCN_BUF_SIZE, GFP_KERNEL);
	scn->read_urb = usb_alloc_urb(0, GFP_KERNEL);
	if (!scn->bulk_buf || !scn->read_urb) {
		ret = -ENOMEM;
		goto err_free;
	}
	usb_fill_bulk_urb(scn->read_urb, scn->udev, usb_rcvbulkpipe(scn->udev, ep->bEndpointAddress),
			  scn->bulk_buf, SCN_BUF_SIZE, scn_read_complete, scn);

	scn->misc.minor = MISC_DYNAMIC_MINOR;
	scn->misc.name = "usb-scanner";
	scn->misc.fops = &scn_fops;
	ret = misc_register(&scn->misc);
	if (ret)
		goto err_free;
	usb_set_intfdata(intf, scn);
	ret = usb_submit_urb(scn->read_urb, GFP_KERNEL);
	if (ret) {
		misc_deregister(&scn->misc);
		goto err_free;
	}
	return 0;

err_free:
	usb_free_urb(scn->read_urb);
	kfifo_free(&scn->fifo);
	return ret;
}

static void scn_disconnect(struct usb_interface *intf)
{
	struct scn *scn = usb_get_intfdata(intf);

	misc_deregister(&scn->misc);
	usb_kill_urb(scn->read_urb);
	usb_free_urb(scn->read_urb);
	kfifo_free(&scn->fifo);
}

static const struct usb_device_id scn_ids[] = {
	{ USB_DEVICE(0x1d50, 0x6a12) },
	{ }
};
MODULE_DEVICE_TABLE(usb, scn_ids);

static struct usb_driver scn_driver = {
	.name		= "usb-scanner",
	.probe		= scn_probe,
	.disconnect	= scn_disconnect,
	.id_table	= scn_ids,
};
module_usb_driver(scn_driver);
MODULE_LICENSE("GPL");
