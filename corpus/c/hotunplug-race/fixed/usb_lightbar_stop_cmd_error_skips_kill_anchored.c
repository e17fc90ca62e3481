// SPDX-License-Identifier: GPL-2.0
/* Lightbar USB RGB bar; fixed: the status URBs are killed even when the stop command fails. */
#include <linux/module.h>
#include <linux/usb.h>
#include <linux/slab.h>
#include <linux/spinlock.h>

#define LBAR_STATUS_URBS	2
#define LBAR_STATUS_LEN		8
#define LBAR_REQ_SET_MODE	0x01
#define LBAR_MODE_OFF		0x0000
#define LBAR_TIMEOUT_MS		500

struct lightbar {
	struct usb_device *udev;
	struct usb_interface *intf;
	struct usb_anchor status_anchor;
	spinlock_t lock;		/* protects temp_c, fault */
	u8 temp_c;
	u8 fault;
};

static void lbar_status_complete(struct urb *urb)
{
	struct lightbar *lb = urb->context;
	u8 *rep = urb->transfer_buffer;

	if (urb->status == -ENOENT || urb->status == -ECONNRESET || urb->status == -ESHUTDOWN)
		return;
	if (!urb->status && urb->actual_length >= 2) {
		spin_lock(&lb->lock);
		lb->temp_c = rep[0];
		lb->fault = rep[1];
		spin_unlock(&lb->lock);
	}
	usb_anchor_urb(urb, &lb->status_anchor);
	if (usb_submit_urb(urb, GFP_ATOMIC))
		usb_unanchor_urb(urb);
}

static int lbar_send_stop_cmd(struct lightbar *lb)
{
	u16 ifnum = lb->intf->cur_altsetting->desc.bInterfaceNumber;

	return usb_control_msg_send(lb->udev, 0, LBAR_REQ_SET_MODE,
				    USB_DIR_OUT | USB_TYPE_VENDOR | USB_RECIP_INTERFACE,
				    LBAR_MODE_OFF, ifnum, NULL, 0, LBAR_TIMEOUT_MS, GFP_KERNEL);
}

static int lbar_probe(struct usb_interface *intf, const struct usb_device_id *id)
{
	struct usb_endpoint_descriptor *int_in;
	struct lightbar *lb;
	struct urb *urb;
	u8 *buf;
	int i, ret;

	ret = usb_find_int_in_endpoint(intf->cur_altsetting, &int_in);
	if (ret)
		return ret;
	lb = kzalloc(sizeof(*lb), GFP_KERNEL);
	if (!lb)
		return -ENOMEM;
	lb->udev = interface_to_usbdev(intf);
	lb->intf = intf;
	spin_lock_init(&lb->lock);
	init_usb_anchor(&lb->status_anchor);

	for (i = 0; i < LBAR_STATUS_URBS; i++) {
		urb = usb_alloc_urb(0, GFP_KERNEL);
		buf = kmalloc(LBAR_STATUS_LEN, GFP_KERNEL);
		if (!urb || !buf) {
			usb_free_urb(urb);
			kfree(buf);
			ret = -ENOMEM;
			goto err_kill;
		}
		usb_fill_int_urb(urb, lb->udev, usb_rcvintpipe(lb->udev, int_in->bEndpointAddress),
				 buf, LBAR_STATUS_LEN, lbar_status_complete, lb, int_in->bInterval);
		urb->transfer_flags |= URB_FREE_BUFFER;
		usb_anchor_urb(urb, &lb->status_anchor);
		ret = usb_submit_urb(urb, GFP_KERNEL);
		if (ret)
			usb_unanchor_urb(urb);
		usb_free_urb(urb);	/* the anchor holds the reference */
		if (ret)
			goto err_kill;
	}
	usb_set_intfdata(intf, lb);
	return 0;

err_kill:
	usb_kill_anchored_urbs(&lb->status_anchor);
	kfree(lb);
	return ret;
}

static void lbar_disconnect(struct usb_interface *intf)
{
	struct lightbar *lb = usb_get_intfdata(intf);
	int ret;

	usb_set_intfdata(intf, NULL);
	ret = lbar_send_stop_cmd(lb);
	if (ret < 0)
		goto out;
	dev_dbg(&intf->dev, "light bar switched off\n");
out:
	usb_kill_anchored_urbs(&lb->status_anchor);
	kfree(lb);
}

static const struct usb_device_id lbar_ids[] = {
	{ USB_DEVICE(0x2f1c, 0x11b0) },
	{ }
};
MODULE_DEVICE_TABLE(usb, lbar_ids);

static struct usb_driver lbar_driver = {
	.name		= "lightbar",
	.probe		= lbar_probe,
	.disconnect	= lbar_disconnect,
	.soft_unbind	= 1,	/* the driver stops its own URBs on unbind */
	.id_table	= lbar_ids,
};
module_usb_driver(lbar_driver);
MODULE_LICENSE("GPL");
