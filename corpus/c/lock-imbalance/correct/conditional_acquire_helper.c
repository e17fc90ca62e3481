// SPDX-License-Identifier: GPL-2.0
/*
 * usbrly - USB relay board.
 * Tricky: usbrly_get_live() returns 0 with io_mutex held and a negative
 * error without it (interrupted, or the device was unplugged, in which case
 * it unlocks before returning).  Looked at alone it returns with the mutex
 * held on some paths only; it must be treated like
 * mutex_lock_interruptible().  Its callers test the result (directly and
 * through ret) and unlock only on success; the error returns hold nothing.
 */
#include <linux/module.h>
#include <linux/usb.h>
#include <linux/mutex.h>
#include <linux/slab.h>
#include <linux/fs.h>

#define USBRLY_REQ_SET		0x01
#define USBRLY_REQ_GET		0x02
#define USBRLY_TIMEOUT_MS	500

struct usbrly {
	struct usb_device *udev;
	struct usb_interface *intf;
	struct mutex io_mutex;		/* serialises control transfers */
	bool disconnected;
	u8 state;
};

static int usbrly_get_live(struct usbrly *rly)
{
	int ret;

	ret = mutex_lock_interruptible(&rly->io_mutex);
	if (ret)
		return ret;
	if (rly->disconnected) {
		mutex_unlock(&rly->io_mutex);
		return -ENODEV;
	}
	return 0;
}

static int usbrly_set(struct usbrly *rly, u8 mask)
{
	int ret;

	ret = usbrly_get_live(rly);
	if (ret)
		return ret;

	ret = usb_control_msg(rly->udev, usb_sndctrlpipe(rly->udev, 0),
			      USBRLY_REQ_SET, USB_TYPE_VENDOR | USB_DIR_OUT,
			      mask, 0, NULL, 0, USBRLY_TIMEOUT_MS);
	if (ret < 0)
		dev_err(&rly->intf->dev, "set relays failed: %d\n", ret);
	else
		rly->state = mask;
	mutex_unlock(&rly->io_mutex);
	return ret < 0 ? ret : 0;
}

static int usbrly_get(struct usbrly *rly, u8 *mask)
{
	u8 *buf;
	int ret;

	buf = kmalloc(1, GFP_KERNEL);
	if (!buf)
		return -ENOMEM;

	if (usbrly_get_live(rly)) {
		kfree(buf);
		return -ENODEV;
	}
	ret = usb_control_msg(rly->udev, usb_rcvctrlpipe(rly->udev, 0),
			      USBRLY_REQ_GET, USB_TYPE_VENDOR | USB_DIR_IN,
			      0, 0, buf, 1, USBRLY_TIMEOUT_MS);
	mutex_unlock(&rly->io_mutex);

	if (ret == 1)
		*mask = *buf;
	kfree(buf);
	return ret == 1 ? 0 : -EIO;
}

static void usbrly_disconnect(struct usb_interface *intf)
{
	struct usbrly *rly = usb_get_intfdata(intf);
	u8 last = 0;

	if (usbrly_get(rly, &last) == 0 && last)
		usbrly_set(rly, 0);	/* switch everything off on unplug */

	mutex_lock(&rly->io_mutex);
	rly->disconnected = true;
	mutex_unlock(&rly->io_mutex);
	usb_set_intfdata(intf, NULL);
	kfree(rly);
}

static struct usb_driver usbrly_driver __maybe_unused = {
	.name		= "usbrly",
	.disconnect	= usbrly_disconnect,
};

MODULE_LICENSE("GPL");
