// SPDX-License-Identifier: GPL-2.0
/* Daqstream USB DAQ box: anchored bulk-in URB ring killed via the anchor before kfree. */
#include <linux/module.h>
#include <linux/usb.h>
#include <linux/slab.h>
#include <linux/vmalloc.h>
#include <linux/spinlock.h>
#include <linux/string.h>
#include <linux/device.h>

#define DAQ_NUM_URBS		8
#define DAQ_URB_LEN		512
#define DAQ_RING_LEN		(64 * 1024)

struct daqstream {
	struct usb_device *udev;
	struct usb_anchor rx_anchor;
	spinlock_t ring_lock;		/* protects ring, head, total */
	u8 *ring;
	unsigned int head;
	u64 total;
};

static void daq_rx_complete(struct urb *urb)
{
	struct daqstream *daq = urb->context;
	unsigned int len = urb->actual_length, chunk;

	if (urb->status == -ENOENT || urb->status == -ECONNRESET || urb->status == -ESHUTDOWN)
		return;
	if (!urb->status && len) {
		spin_lock(&daq->ring_lock);
		chunk = min(len, DAQ_RING_LEN - daq->head);
		memcpy(daq->ring + daq->head, urb->transfer_buffer, chunk);
		memcpy(daq->ring, (u8 *)urb->transfer_buffer + chunk, len - chunk);
		daq->head = (daq->head + len) % DAQ_RING_LEN;
		daq->total += len;
		spin_unlock(&daq->ring_lock);
	}
	usb_anchor_urb(urb, &daq->rx_anchor);
	if (usb_submit_urb(urb, GFP_ATOMIC))
		usb_unanchor_urb(urb);
}

static ssize_t total_bytes_show(struct device *dev, struct device_attribute *attr, char *buf)
{
	struct daqstream *daq = usb_get_intfdata(to_usb_interface(dev));
	unsigned long flags;
	u64 total;

	spin_lock_irqsave(&daq->ring_lock, flags);
	total = daq->total;
	spin_unlock_irqrestore(&daq->ring_lock, flags);
	return sysfs_emit(buf, "%llu\n", total);
}
static DEVICE_ATTR_RO(total_bytes);

static struct attribute *daq_attrs[] = {
	&dev_attr_total_bytes.attr,
	NULL
};
ATTRIBUTE_GROUPS(daq);

static int daq_probe(struct usb_interface *intf, const struct usb_device_id *id)
{
	struct usb_endpoint_descriptor *ep;
	struct daqstream *daq;
	struct urb *urb;
	int i, ret;

	ret = usb_find_bulk_in_endpoint(intf->cur_altsetting, &ep);
	if (ret)
		return ret;
	daq = kzalloc(sizeof(*daq), GFP_KERNEL);
	if (!daq)
		return -ENOMEM;
	daq->ring = vzalloc(DAQ_RING_LEN);
	if (!daq->ring) {
		ret = -ENOMEM;
		goto err_free_daq;
	}
	daq->udev = interface_to_usbdev(intf);
	spin_lock_init(&daq->ring_lock);
	init_usb_anchor(&daq->rx_anchor);
	usb_set_intfdata(intf, daq);

	for (i = 0; i < DAQ_NUM_URBS; i++) {
		urb = usb_alloc_urb(0, GFP_KERNEL);
		if (!urb) {
			ret = -ENOMEM;
			goto err_kill;
		}
		usb_fill_bulk_urb(urb, daq->udev, usb_rcvbulkpipe(daq->udev, ep->bEndpointAddress),
				  kmalloc(DAQ_URB_LEN, GFP_KERNEL), DAQ_URB_LEN,
				  daq_rx_complete, daq);
		urb->transfer_flags |= URB_FREE_BUFFER;
		usb_anchor_urb(urb, &daq->rx_anchor);
		ret = urb->transfer_buffer ? usb_submit_urb(urb, GFP_KERNEL) : -ENOMEM;
		if (ret)
			usb_unanchor_urb(urb);
		usb_free_urb(urb);		/* the anchor keeps it alive */
		if (ret)
			goto err_kill;
	}
	return 0;

err_kill:
	usb_kill_anchored_urbs(&daq->rx_anchor);
	vfree(daq->ring);
err_free_daq:
	kfree(daq);
	return ret;
}

static void daq_disconnect(struct usb_interface *intf)
{
	struct daqstream *daq = usb_get_intfdata(intf);

	usb_kill_anchored_urbs(&daq->rx_anchor);
	vfree(daq->ring);
	kfree(daq);
}

static const struct usb_device_id daq_ids[] = {
	{ USB_DEVICE(0x2f1c, 0xdaa8) },
	{ }
};
MODULE_DEVICE_TABLE(usb, daq_ids);

static struct usb_driver daq_driver = {
	.name		= "daqstream",
	.probe		= daq_probe,
	.disconnect	= daq_disconnect,
	.id_table	= daq_ids,
	.dev_groups	= daq_groups,
};
module_usb_driver(daq_driver);
MODULE_LICENSE("GPL");
