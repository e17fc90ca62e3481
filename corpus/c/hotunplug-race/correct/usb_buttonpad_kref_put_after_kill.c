// SPDX-License-Identifier: GPL-2.0
/* Buttonpad USB keypad (char dev): URB killed, then kref_put(); the release frees. */
#include <linux/module.h>
#include <linux/usb.h>
#include <linux/slab.h>
#include <linux/kref.h>
#include <linux/fs.h>

struct buttonpad {
	struct usb_device *udev;
	struct urb *irq_urb;
	u8 *report;
	struct kref kref;
	u16 buttons;
};

static struct usb_driver bpad_driver;

static void bpad_delete(struct kref *kref)
{
	struct buttonpad *bp = container_of(kref, struct buttonpad, kref);

	usb_free_urb(bp->irq_urb);
	kfree(bp->report);
	kfree(bp);
}

static void bpad_irq(struct urb *urb)
{
	struct buttonpad *bp = urb->context;

	if (urb->status == -ENOENT || urb->status == -ECONNRESET || urb->status == -ESHUTDOWN)
		return;
	if (!urb->status)
		WRITE_ONCE(bp->buttons, bp->report[0] | (bp->report[1] << 8));
	usb_submit_urb(urb, GFP_ATOMIC);
}

static int bpad_open(struct inode *inode, struct file *file)
{
	struct usb_interface *intf = usb_find_interface(&bpad_driver, iminor(inode));
	struct buttonpad *bp = intf ? usb_get_intfdata(intf) : NULL;

	if (!bp)
		return -ENODEV;
	kref_get(&bp->kref);
	file->private_data = bp;
	return 0;
}

static int bpad_release(struct inode *inode, struct file *file)
{
	struct buttonpad *bp = file->private_data;

	kref_put(&bp->kref, bpad_delete);
	return 0;
}

static ssize_t bpad_read(struct file *file, char __user *buf, size_t count, loff_t *ppos)
{
	struct buttonpad *bp = file->private_data;

	return simple_read_from_buffer(buf, count, ppos, &bp->buttons, sizeof(bp->buttons));
}

static const struct file_operations bpad_fops = {
	.owner		= THIS_MODULE,
	.open		= bpad_open,
	.release	= bpad_release,
	.read		= bpad_read,
};

static struct usb_class_driver bpad_class = {
	.name		= "buttonpad%d",
	.fops		= &bpad_fops,
	.minor_base	= 208,
};

static int bpad_probe(struct usb_interface *intf, const struct usb_device_id *id)
{
	struct usb_endpoint_descriptor *ep;
	struct buttonpad *bp;
	int ret;

	ret = usb_find_int_in_endpoint(intf->cur_altsetting, &ep);
	if (ret)
		return ret;
	bp = kzalloc(sizeof(*bp), GFP_KERNEL);
	if (!bp)
		return -ENOMEM;
	kref_init(&bp->kref);
	bp->udev = interface_to_usbdev(intf);
	bp->report = kmalloc(sizeof(__le16), GFP_KERNEL);
	bp->irq_urb = usb_alloc_urb(0, GFP_KERNEL);
	if (!bp->report || !bp->irq_urb) {
		ret = -ENOMEM;
		goto err_put;
	}
	usb_fill_int_urb(bp->irq_urb, bp->udev, usb_rcvintpipe(bp->udev, ep->bEndpointAddress),
			 bp->report, sizeof(__le16), bpad_irq, bp, ep->bInterval);
	usb_set_intfdata(intf, bp);
	ret = usb_submit_urb(bp->irq_urb, GFP_KERNEL);
	if (ret)
		goto err_put;
	ret = usb_register_dev(intf, &bpad_class);
	if (ret) {
		usb_kill_urb(bp->irq_urb);
		goto err_put;
	}
	return 0;

err_put:
	kref_put(&bp->kref, bpad_delete);
	return ret;
}

static void bpad_disconnect(struct usb_interface *intf)
{
	struct buttonpad *bp = usb_get_intfdata(intf);

	usb_deregister_dev(intf, &bpad_class);
	usb_set_intfdata(intf, NULL);
	usb_kill_urb(bp->irq_urb);		/* open files may keep bp alive */
	kref_put(&bp->kref, bpad_delete);
}

static const struct usb_device_id bpad_ids[] = {
	{ USB_DEVICE(0x2f1c, 0xb0a7) },
	{ }
};
MODULE_DEVICE_TABLE(usb, bpad_ids);

static struct usb_driver bpad_driver = {
	.name		= "buttonpad",
	.probe		= bpad_probe,
	.disconnect	= bpad_disconnect,
	.id_table	= bpad_ids,
};
module_usb_driver(bpad_driver);
MODULE_LICENSE("GPL");
