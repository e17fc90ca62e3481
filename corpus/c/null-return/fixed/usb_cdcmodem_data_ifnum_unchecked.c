// SPDX-License-Identifier: GPL-2.0
/*
 * Bug pattern: usb_ifnum_to_if() result dereferenced without a NULL check.
 *
 * Models fixes like "fix NULL dereference with a malicious/buggy descriptor"
 * in USB modem drivers that bind a control interface and then look up the
 * companion data interface by number: a device whose configuration lacks the
 * data interface makes usb_ifnum_to_if() return NULL, and probe dereferences
 * it while searching its endpoints.  The fix rejects the device with -ENODEV.
 * Fixed twin: probe returns -ENODEV when the data interface does not
 * exist, before its altsetting is read.
 */
#include <linux/module.h>
#include <linux/usb.h>
#include <linux/slab.h>

struct mdm {
	struct usb_device *udev;
	struct usb_interface *ctrl;
	struct usb_interface *data;
	unsigned int in_pipe;
	unsigned int out_pipe;
	unsigned int notify_pipe;
};

static struct usb_driver mdm_driver;

static int mdm_probe(struct usb_interface *intf, const struct usb_device_id *id)
{
	struct usb_device *udev = interface_to_usbdev(intf);
	struct usb_endpoint_descriptor *notify, *in, *out;
	struct usb_interface *data;
	unsigned int data_ifnum;
	struct mdm *mdm;
	int ret;

	ret = usb_find_common_endpoints(intf->cur_altsetting, NULL, NULL, &notify, NULL);
	if (ret)
		return ret;

	data_ifnum = intf->cur_altsetting->desc.bInterfaceNumber + 1;
	data = usb_ifnum_to_if(udev, data_ifnum);
	if (!data)
		return -ENODEV;
	ret = usb_find_common_endpoints(data->cur_altsetting, &in, &out, NULL, NULL);
	if (ret)
		return ret;

	mdm = kzalloc(sizeof(*mdm), GFP_KERNEL);
	if (!mdm)
		return -ENOMEM;
	mdm->udev = udev;
	mdm->ctrl = intf;
	mdm->data = data;
	mdm->notify_pipe = usb_rcvintpipe(udev, usb_endpoint_num(notify));
	mdm->in_pipe = usb_rcvbulkpipe(udev, usb_endpoint_num(in));
	mdm->out_pipe = usb_sndbulkpipe(udev, usb_endpoint_num(out));

	ret = usb_driver_claim_interface(&mdm_driver, data, mdm);
	if (ret) {
		kfree(mdm);
		return ret;
	}
	usb_set_intfdata(intf, mdm);
	return 0;
}

static void mdm_disconnect(struct usb_interface *intf)
{
	struct mdm *mdm = usb_get_intfdata(intf);

	if (!mdm)
		return;
	/* Called for both interfaces; the first call tears everything down. */
	usb_set_intfdata(mdm->ctrl, NULL);
	usb_set_intfdata(mdm->data, NULL);
	if (intf == mdm->ctrl)
		usb_driver_release_interface(&mdm_driver, mdm->data);
	else
		usb_driver_release_interface(&mdm_driver, mdm->ctrl);
	kfree(mdm);
}

static const struct usb_device_id mdm_ids[] = {
	{ USB_DEVICE_INTERFACE_NUMBER(0x1d6b, 0x7a03, 0) },
	{ }
};
MODULE_DEVICE_TABLE(usb, mdm_ids);

static struct usb_driver mdm_driver = {
	.name		= "exmp-cdc-modem",
	.probe		= mdm_probe,
	.disconnect	= mdm_disconnect,
	.id_table	= mdm_ids,
};
module_usb_driver(mdm_driver);
MODULE_LICENSE("GPL");
