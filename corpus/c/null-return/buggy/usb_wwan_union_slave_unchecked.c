// SPDX-License-Identifier: GPL-2.0
/*
 * Bug pattern: usb_ifnum_to_if() of the number a CDC union descriptor
 * names, dereferenced without a NULL check.
 *
 * Models the fixes to USB WWAN/modem probes for devices whose union
 * descriptor names a data interface the configuration does not have: the
 * number comes from the device, usb_ifnum_to_if() returns NULL, and probe
 * reads its cur_altsetting.  The fixed twin rejects the device with -ENODEV.
 */
#include <linux/module.h>
#include <linux/usb.h>
#include <linux/usb/cdc.h>
#include <linux/slab.h>

struct wwdev {
	struct usb_interface *ctrl;
	struct usb_interface *data;
	u8 data_alts;
};

static struct usb_driver wwdev_driver;

static int wwdev_probe(struct usb_interface *intf, const struct usb_device_id *id)
{
	struct usb_device *udev = interface_to_usbdev(intf);
	struct usb_cdc_parsed_header hdr;
	struct usb_interface *data;
	struct wwdev *ww;
	u8 data_ifnum;
	int ret;

	ret = cdc_parse_cdc_header(&hdr, intf, intf->altsetting->extra, intf->altsetting->extralen);
	if (ret < 0 || !hdr.usb_cdc_union_desc)
		return -ENODEV;

	data_ifnum = hdr.usb_cdc_union_desc->bSlaveInterface0;
	data = usb_ifnum_to_if(udev, data_ifnum);
	if (data->num_altsetting < 2) /* expect: null-return */
		return -ENODEV;

	ww = kzalloc(sizeof(*ww), GFP_KERNEL);
	if (!ww)
		return -ENOMEM;
	ww->ctrl = intf;
	ww->data = data;
	ww->data_alts = data->num_altsetting;

	ret = usb_driver_claim_interface(&wwdev_driver, data, ww);
	if (ret) {
		kfree(ww);
		return ret;
	}
	usb_set_intfdata(intf, ww);
	return 0;
}

static void wwdev_disconnect(struct usb_interface *intf)
{
	struct wwdev *ww = usb_get_intfdata(intf);

	if (!ww)
		return;
	usb_set_intfdata(ww->ctrl, NULL);
	usb_set_intfdata(ww->data, NULL);
	if (intf == ww->ctrl)
		usb_driver_release_interface(&wwdev_driver, ww->data);
	else
		usb_driver_release_interface(&wwdev_driver, ww->ctrl);
	kfree(ww);
}

static const struct usb_device_id wwdev_ids[] = {
	{ USB_DEVICE_AND_INTERFACE_INFO(0x1d6b, 0x7a05, USB_CLASS_COMM, 2, 1) },
	{ }
};
MODULE_DEVICE_TABLE(usb, wwdev_ids);

static struct usb_driver wwdev_driver = {
	.name		= "exmp-wwan",
	.probe		= wwdev_probe,
	.disconnect	= wwdev_disconnect,
	.id_table	= wwdev_ids,
};
module_usb_driver(wwdev_driver);
MODULE_LICENSE("GPL");
