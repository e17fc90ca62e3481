// SPDX-License-Identifier: GPL-2.0
/*
 * ucam - isochronous USB camera.  probe stores the number of the interface
 * it is bound to; start/stop streaming look that interface up again by
 * number to switch its alternate setting, and a helper receives the number
 * as a parameter.
 * Tricky: usb_ifnum_to_if() returns NULL only for a number the active
 * configuration has no interface for.  The bound interface's own
 * bInterfaceNumber (read directly, stored in the driver's struct, or passed
 * down) always names an interface of that configuration, so none of these
 * lookups can fail.  Only a number the device chose (a union descriptor's
 * slave interface) or one computed here could name nothing.
 */
#include <linux/module.h>
#include <linux/usb.h>
#include <linux/slab.h>

struct ucam {
	struct usb_device *udev;
	u8 ifnum;
	u8 alt;
	unsigned int maxp;
};

static unsigned int ucam_alt_maxp(struct usb_device *udev, u8 ifnum, int alt)
{
	struct usb_interface *intf = usb_ifnum_to_if(udev, ifnum);

	if (alt >= intf->num_altsetting)
		return 0;
	return usb_endpoint_maxp(&intf->altsetting[alt].endpoint[0].desc);
}

static int ucam_start(struct ucam *cam)
{
	struct usb_interface *intf = usb_ifnum_to_if(cam->udev, cam->ifnum);
	int alt;

	for (alt = intf->num_altsetting - 1; alt > 0; alt--) {
		cam->maxp = ucam_alt_maxp(cam->udev, cam->ifnum, alt);
		if (cam->maxp)
			break;
	}
	cam->alt = alt;
	return usb_set_interface(cam->udev, cam->ifnum, alt);
}

static void ucam_stop(struct ucam *cam)
{
	struct usb_interface *intf = usb_ifnum_to_if(cam->udev, cam->ifnum);

	if (intf->num_altsetting > 1)
		usb_set_interface(cam->udev, cam->ifnum, 0);
}

static int ucam_probe(struct usb_interface *intf, const struct usb_device_id *id)
{
	struct usb_device *udev = interface_to_usbdev(intf);
	struct usb_interface *self;
	struct ucam *cam;
	u8 ifnum;
	int ret;

	ifnum = intf->cur_altsetting->desc.bInterfaceNumber;
	self = usb_ifnum_to_if(udev, ifnum);
	if (self->num_altsetting < 2)
		return -ENODEV;

	cam = kzalloc(sizeof(*cam), GFP_KERNEL);
	if (!cam)
		return -ENOMEM;
	cam->udev = udev;
	cam->ifnum = ifnum;
	usb_set_intfdata(intf, cam);
	ret = ucam_start(cam);
	if (ret) {
		usb_set_intfdata(intf, NULL);
		kfree(cam);
	}
	return ret;
}

static void ucam_disconnect(struct usb_interface *intf)
{
	struct ucam *cam = usb_get_intfdata(intf);

	ucam_stop(cam);
	kfree(cam);
}

static const struct usb_device_id ucam_ids[] = {
	{ USB_DEVICE(0x1d6b, 0x7a06) },
	{ }
};
MODULE_DEVICE_TABLE(usb, ucam_ids);

static struct usb_driver ucam_driver = {
	.name		= "exmp-ucam",
	.probe		= ucam_probe,
	.disconnect	= ucam_disconnect,
	.id_table	= ucam_ids,
};
module_usb_driver(ucam_driver);
MODULE_LICENSE("GPL");
