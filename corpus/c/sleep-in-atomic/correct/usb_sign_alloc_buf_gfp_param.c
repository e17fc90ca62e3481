// SPDX-License-Identifier: GPL-2.0
/*
 * usign - USB scrolling LED sign (one bulk OUT endpoint, vendor requests).
 * Tricky: usign_alloc_buf(dev, gfp) allocates with kmalloc(..., gfp).  It is
 * called from usign_send() with dev->lock held (spin_lock_irqsave) and from
 * usign_probe().  A checker that decides "may sleep" for the helper once,
 * from the kmalloc() in its body, or that assumes the worst gfp mask,
 * reports the call under the lock.
 * Correct: the gfp mask is the caller's: usign_send() passes GFP_ATOMIC
 * (and allocates/submits the URB with GFP_ATOMIC too), only probe, which
 * holds no lock, passes GFP_KERNEL.  The bulk completion handler only frees
 * memory and takes the lock with plain spin_lock().
 */
#include <linux/module.h>
#include <linux/usb.h>
#include <linux/slab.h>
#include <linux/spinlock.h>
#include <linux/string.h>

#define USIGN_VID		0x1d6b
#define USIGN_PID		0x7a11
#define USIGN_BUF_SIZE		64
#define USIGN_MAX_INFLIGHT	4
#define USIGN_REQ_STATUS	0x01

struct usign {
	struct usb_device *udev;
	struct usb_interface *intf;
	spinlock_t lock;		/* protects inflight and ordering of submits */
	unsigned int inflight;
	unsigned int ep_out;
	u8 *status;
};

static void *usign_alloc_buf(struct usign *dev, gfp_t gfp)
{
	u8 *buf;

	buf = kmalloc(USIGN_BUF_SIZE, gfp);
	if (!buf)
		return NULL;
	memset(buf, ' ', USIGN_BUF_SIZE);
	return buf;
}

static void usign_tx_complete(struct urb *urb)
{
	struct usign *dev = urb->context;

	if (urb->status)
		dev_dbg(&dev->intf->dev, "tx status %d\n", urb->status);
	kfree(urb->transfer_buffer);
	spin_lock(&dev->lock);
	dev->inflight--;
	spin_unlock(&dev->lock);
}

static int usign_send(struct usign *dev, const char *text, size_t len)
{
	unsigned long flags;
	struct urb *urb;
	u8 *buf;
	int ret;

	len = min_t(size_t, len, USIGN_BUF_SIZE);

	spin_lock_irqsave(&dev->lock, flags);
	if (dev->inflight >= USIGN_MAX_INFLIGHT) {
		ret = -EBUSY;
		goto unlock;
	}
	buf = usign_alloc_buf(dev, GFP_ATOMIC);
	if (!buf) {
		ret = -ENOMEM;
		goto unlock;
	}
	urb = usb_alloc_urb(0, GFP_ATOMIC);
	if (!urb) {
		kfree(buf);
		ret = -ENOMEM;
		goto unlock;
	}
	memcpy(buf, text, len);
	usb_fill_bulk_urb(urb, dev->udev, usb_sndbulkpipe(dev->udev, dev->ep_out),
			  buf, USIGN_BUF_SIZE, usign_tx_complete, dev);
	ret = usb_submit_urb(urb, GFP_ATOMIC);
	if (ret)
		kfree(buf);
	else
		dev->inflight++;
	usb_free_urb(urb);
unlock:
	spin_unlock_irqrestore(&dev->lock, flags);
	return ret;
}

static ssize_t text_store(struct device *d, struct device_attribute *attr,
			  const char *buf, size_t count)
{
	struct usign *dev = usb_get_intfdata(to_usb_interface(d));
	int ret;

	ret = usign_send(dev, buf, count);
	return ret ? ret : count;
}
static DEVICE_ATTR_WO(text);

static int usign_probe(struct usb_interface *intf, const struct usb_device_id *id)
{
	struct usb_endpoint_descriptor *ep_out;
	struct usign *dev;
	int ret;

	ret = usb_find_common_endpoints(intf->cur_altsetting, NULL, &ep_out, NULL, NULL);
	if (ret)
		return ret;

	dev = kzalloc(sizeof(*dev), GFP_KERNEL);
	if (!dev)
		return -ENOMEM;
	dev->udev = interface_to_usbdev(intf);
	dev->intf = intf;
	dev->ep_out = usb_endpoint_num(ep_out);
	spin_lock_init(&dev->lock);

	/* No lock held here: the helper may sleep with GFP_KERNEL. */
	dev->status = usign_alloc_buf(dev, GFP_KERNEL);
	if (!dev->status) {
		ret = -ENOMEM;
		goto err_free;
	}
	ret = usb_control_msg(dev->udev, usb_rcvctrlpipe(dev->udev, 0),
			      USIGN_REQ_STATUS, USB_DIR_IN | USB_TYPE_VENDOR,
			      0, 0, dev->status, 4, 1000);
	if (ret < 0)
		goto err_status;

	usb_set_intfdata(intf, dev);
	ret = device_create_file(&intf->dev, &dev_attr_text);
	if (ret)
		goto err_status;
	return 0;

err_status:
	kfree(dev->status);
err_free:
	kfree(dev);
	return ret;
}

static void usign_disconnect(struct usb_interface *intf)
{
	struct usign *dev = usb_get_intfdata(intf);

	device_remove_file(&intf->dev, &dev_attr_text);
	usb_set_intfdata(intf, NULL);
	kfree(dev->status);
	kfree(dev);
}

static const struct usb_device_id usign_ids[] = {
	{ USB_DEVICE(USIGN_VID, USIGN_PID) },
	{ }
};
MODULE_DEVICE_TABLE(usb, usign_ids);

static struct usb_driver usign_driver = {
	.name		= "usign",
	.probe		= usign_probe,
	.disconnect	= usign_disconnect,
	.id_table	= usign_ids,
};
module_usb_driver(usign_driver);
MODULE_LICENSE("GPL");
