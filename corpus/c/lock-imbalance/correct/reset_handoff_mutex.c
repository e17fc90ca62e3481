// SPDX-License-Identifier: GPL-2.0
/*
 * usbtherm - USB thermocouple logger.
 * Models the usb_driver reset hand-off: the USB core calls .pre_reset
 * before resetting the device and .post_reset after it, always as a pair.
 * pre_reset takes io_mutex and returns 0 with it held so that no I/O runs
 * during the reset; post_reset releases it.  Both first bail out (return 0)
 * when the interface has no driver data yet, without touching the mutex.
 * Tricky: pre_reset has two "return 0" paths, one holding the mutex and one
 * not, and post_reset unlocks a mutex it never took.  The lock is carried
 * across the reset by protocol, not by a code path in this file.
 */
#include <linux/module.h>
#include <linux/usb.h>
#include <linux/mutex.h>
#include <linux/slab.h>

#define USBTHERM_REQ_READ	0x10
#define USBTHERM_TIMEOUT_MS	300

struct usbtherm {
	struct usb_device *udev;
	struct usb_interface *intf;
	struct mutex io_mutex;		/* serialises control transfers */
	struct usb_anchor submitted;
	bool resetting;
	__le16 *buf;
};

static int usbtherm_read(struct usbtherm *th, int *millicelsius)
{
	int ret;

	ret = mutex_lock_interruptible(&th->io_mutex);
	if (ret)
		return ret;
	ret = usb_control_msg(th->udev, usb_rcvctrlpipe(th->udev, 0),
			      USBTHERM_REQ_READ, USB_TYPE_VENDOR | USB_DIR_IN,
			      0, 0, th->buf, sizeof(*th->buf), USBTHERM_TIMEOUT_MS);
	if (ret == sizeof(*th->buf))
		*millicelsius = (s16)le16_to_cpu(*th->buf) * 125;
	mutex_unlock(&th->io_mutex);
	return ret < 0 ? ret : 0;
}

static int usbtherm_pre_reset(struct usb_interface *intf)
{
	struct usbtherm *th = usb_get_intfdata(intf);

	if (!th)
		return 0;

	mutex_lock(&th->io_mutex);
	th->resetting = true;
	usb_kill_anchored_urbs(&th->submitted);
	return 0;
}

static int usbtherm_post_reset(struct usb_interface *intf)
{
	struct usbtherm *th = usb_get_intfdata(intf);

	if (!th)
		return 0;

	th->resetting = false;
	mutex_unlock(&th->io_mutex);
	return 0;
}

static void usbtherm_disconnect(struct usb_interface *intf)
{
	struct usbtherm *th = usb_get_intfdata(intf);
	int mc;

	if (!usbtherm_read(th, &mc))
		dev_info(&intf->dev, "last reading %d mC\n", mc);
	usb_kill_anchored_urbs(&th->submitted);
	usb_set_intfdata(intf, NULL);
	kfree(th->buf);
	kfree(th);
}

static struct usb_driver usbtherm_driver __maybe_unused = {
	.name		= "usbtherm",
	.disconnect	= usbtherm_disconnect,
	.pre_reset	= usbtherm_pre_reset,
	.post_reset	= usbtherm_post_reset,
};

MODULE_LICENSE("GPL");
