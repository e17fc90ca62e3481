// SPDX-License-Identifier: GPL-2.0
/* Airsense USB CO2 sensor; bug: disconnect frees the report buffer of a live interrupt URB. */
#include <linux/module.h>
#include <linux/usb.h>
#include <linux/slab.h>
#include <linux/spinlock.h>
#include <linux/device.h>
#include <asm/unaligned.h>

#define AIRSENSE_REPORT_LEN	8

struct airsense {
	struct usb_device *udev;
	struct urb *irq_urb;
	u8 *report;			/* interrupt-in transfer buffer */
	spinlock_t lock;		/* protects co2_ppm, temp_centi */
	u16 co2_ppm;
	s16 temp_centi;
};

static void airsense_irq(struct urb *urb)
{
	struct airsense *as = urb->context;
	unsigned long flags;

	switch (urb->status) {
	case 0:
		break;
	case -ECONNRESET:
	case -ENOENT:
	case -ESHUTDOWN:
		return;
	default:
		goto resubmit;
	}
	if (urb->actual_length >= 4) {
		spin_lock_irqsave(&as->lock, flags);
		as->co2_ppm = get_unaligned_le16(&as->report[0]);
		as->temp_centi = (s16)get_unaligned_le16(&as->report[2]);
		spin_unlock_irqrestore(&as->lock, flags);
	}
resubmit:
	if (usb_submit_urb(urb, GFP_ATOMIC))
		dev_dbg(&as->udev->dev, "irq resubmit failed\n");
}

static ssize_t co2_ppm_show(struct device *dev, struct device_attribute *attr, char *buf)
{
	struct airsense *as = usb_get_intfdata(to_usb_interface(dev));

	return sysfs_emit(buf, "%u\n", READ_ONCE(as->co2_ppm));
}
static DEVICE_ATTR_RO(co2_ppm);

static struct attribute *airsense_attrs[] = {
	&dev_attr_co2_ppm.attr,
	NULL
};
ATTRIBUTE_GROUPS(airsense);

static int airsense_probe(struct usb_interface *intf, const struct usb_device_id *id)
{
	struct usb_endpoint_descriptor *ep;
	struct airsense *as;
	int ret;

	ret = usb_find_int_in_endpoint(intf->cur_altsetting, &ep);
	if (ret)
		return ret;
	as = kzalloc(sizeof(*as), GFP_KERNEL);
	if (!as)
		return -ENOMEM;
	spin_lock_init(&as->lock);
	as->udev = interface_to_usbdev(intf);
	as->report = kmalloc(AIRSENSE_REPORT_LEN, GFP_KERNEL);
	if (!as->report) {
		ret = -ENOMEM;
		goto err_free_as;
	}
	as->irq_urb = usb_alloc_urb(0, GFP_KERNEL);
	if (!as->irq_urb) {
		ret = -ENOMEM;
		goto err_free_report;
	}
	usb_fill_int_urb(as->irq_urb, as->udev, usb_rcvintpipe(as->udev, ep->bEndpointAddress),
			 as->report, AIRSENSE_REPORT_LEN, airsense_irq, as, ep->bInterval);
	usb_set_intfdata(intf, as);
	ret = usb_submit_urb(as->irq_urb, GFP_KERNEL);
	if (ret)
		goto err_free_urb;
	return 0;

err_free_urb:
	usb_free_urb(as->irq_urb);
err_free_report:
	kfree(as->report);
err_free_as:
	kfree(as);
	return ret;
}

static void airsense_disconnect(struct usb_interface *intf)
{
	struct airsense *as = usb_get_intfdata(intf);

	usb_set_intfdata(intf, NULL);
	kfree(as->report); /* expect: hotunplug-race */
	usb_free_urb(as->irq_urb);
	kfree(as);
}

static const struct usb_device_id airsense_ids[] = {
	{ USB_DEVICE(0x2f1c, 0x7c02) },
	{ }
};
MODULE_DEVICE_TABLE(usb, airsense_ids);

static struct usb_driver airsense_driver = {
	.name		= "airsense",
	.probe		= airsense_probe,
	.disconnect	= airsense_disconnect,
	.soft_unbind	= 1,	/* the driver stops its own URBs on unbind */
	.id_table	= airsense_ids,
	.dev_groups	= airsense_groups,
};
module_usb_driver(airsense_driver);
MODULE_DESCRIPTION("Airsense USB CO2 sensor");
MODULE_LICENSE("GPL");
