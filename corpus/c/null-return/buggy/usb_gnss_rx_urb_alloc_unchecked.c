// SPDX-License-Identifier: GPL-2.0
/*
 * Bug pattern: usb_alloc_urb() result passed unchecked to usb_fill_bulk_urb(),
 * which writes through the urb pointer.
 *
 * Models fixes like "fix NULL dereference when usb_alloc_urb() fails" in
 * USB receiver drivers that read a stream from a bulk-in endpoint: probe
 * checks the transfer buffer allocation but forgets the URB itself, so a
 * failed usb_alloc_urb() crashes in usb_fill_bulk_urb().  The fix checks the
 * URB and unwinds the buffer allocation.
 */
#include <linux/module.h>
#include <linux/usb.h>
#include <linux/slab.h>
#include <linux/spinlock.h>

#define GNSS_RX_SIZE	512

struct gnss_usb {
	struct usb_device *udev;
	struct usb_interface *intf;
	struct urb *rx_urb;
	u8 *rx_buf;
	unsigned int rx_pipe;
	spinlock_t lock;	/* protects the counters below */
	unsigned long rx_bytes;
	unsigned long rx_errors;
};

static void gnss_usb_rx_complete(struct urb *urb)
{
	struct gnss_usb *gu = urb->context;
	unsigned long flags;

	switch (urb->status) {
	case 0:
		break;
	case -ECONNRESET:
	case -ENOENT:
	case -ESHUTDOWN:
		return;
	default:
		spin_lock_irqsave(&gu->lock, flags);
		gu->rx_errors++;
		spin_unlock_irqrestore(&gu->lock, flags);
		goto resubmit;
	}

	spin_lock_irqsave(&gu->lock, flags);
	gu->rx_bytes += urb->actual_length;
	spin_unlock_irqrestore(&gu->lock, flags);

resubmit:
	usb_submit_urb(urb, GFP_ATOMIC);
}

static int gnss_usb_probe(struct usb_interface *intf, const struct usb_device_id *id)
{
	struct usb_endpoint_descriptor *in;
	struct gnss_usb *gu;
	int ret;

	ret = usb_find_common_endpoints(intf->cur_altsetting, &in, NULL, NULL, NULL);
	if (ret)
		return ret;

	gu = kzalloc(sizeof(*gu), GFP_KERNEL);
	if (!gu)
		return -ENOMEM;
	gu->udev = interface_to_usbdev(intf);
	gu->intf = intf;
	spin_lock_init(&gu->lock);
	gu->rx_pipe = usb_rcvbulkpipe(gu->udev, usb_endpoint_num(in));

	gu->rx_buf = kmalloc(GNSS_RX_SIZE, GFP_KERNEL);
	if (!gu->rx_buf) {
		ret = -ENOMEM;
		goto err_free_gu;
	}

	gu->rx_urb = usb_alloc_urb(0, GFP_KERNEL);
	usb_fill_bulk_urb(gu->rx_urb, gu->udev, gu->rx_pipe, gu->rx_buf, /* expect: null-return */
			  GNSS_RX_SIZE, gnss_usb_rx_complete, gu);

	usb_set_intfdata(intf, gu);
	ret = usb_submit_urb(gu->rx_urb, GFP_KERNEL);
	if (ret)
		goto err_free_urb;
	return 0;

err_free_urb:
	usb_set_intfdata(intf, NULL);
	usb_free_urb(gu->rx_urb);
	kfree(gu->rx_buf);
err_free_gu:
	kfree(gu);
	return ret;
}

static void gnss_usb_disconnect(struct usb_interface *intf)
{
	struct gnss_usb *gu = usb_get_intfdata(intf);

	usb_kill_urb(gu->rx_urb);
	usb_free_urb(gu->rx_urb);
	kfree(gu->rx_buf);
	kfree(gu);
}

static const struct usb_device_id gnss_usb_ids[] = {
	{ USB_DEVICE(0x1d6b, 0x7a01) },
	{ }
};
MODULE_DEVICE_TABLE(usb, gnss_usb_ids);

static struct usb_driver gnss_usb_driver = {
	.name		= "exmp-gnss-usb",
	.probe		= gnss_usb_probe,
	.disconnect	= gnss_usb_disconnect,
	.id_table	= gnss_usb_ids,
};
module_usb_driver(gnss_usb_driver);
MODULE_LICENSE("GPL");
