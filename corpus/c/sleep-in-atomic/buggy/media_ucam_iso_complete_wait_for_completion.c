// SPDX-License-Identifier: GPL-2.0
/*
 * Bug pattern: wait_for_completion() in a URB completion handler installed
 * with `urb->complete = fn`.
 *
 * Models fixes like "drop the frame instead of waiting for a free buffer in
 * the isoc completion" in simple USB camera / capture drivers: isochronous
 * URBs are filled by hand, and the completion handler, on the end-of-frame
 * marker, blocks until the reader has handed the output buffer back.  URB
 * completions run in interrupt context and must not block.  The fix uses
 * try_wait_for_completion(), which never sleeps, and drops the frame when
 * the buffer is still busy.
 */
#include <linux/module.h>
#include <linux/usb.h>
#include <linux/miscdevice.h>
#include <linux/fs.h>
#include <linux/completion.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/uaccess.h>

#define UCAM_NPACKETS	8
#define UCAM_PKT_SIZE	1023
#define UCAM_FRAME_MAX	(64 * 1024)
#define UCAM_HDR_EOF	0x02

struct ucam {
	struct usb_device *udev;
	struct urb *urb;
	u8 *iso_buf;
	u8 *frame, *out;
	size_t frame_len, out_len;
	unsigned long dropped;
	struct completion frame_ready;	/* out[] holds a frame */
	struct completion buf_free;	/* reader is done with out[] */
	struct miscdevice misc;
};

static void ucam_iso_complete(struct urb *urb)
{
	struct ucam *cam = urb->context;
	int i;

	if (urb->status == -ENOENT || urb->status == -ECONNRESET || urb->status == -ESHUTDOWN)
		return;

	for (i = 0; i < urb->number_of_packets; i++) {
		struct usb_iso_packet_descriptor *pd = &urb->iso_frame_desc[i];
		u8 *pkt = cam->iso_buf + pd->offset;
		unsigned int len = pd->actual_length;

		if (pd->status || len < 2)
			continue;
		if (cam->frame_len + len - 2 <= UCAM_FRAME_MAX) {
			memcpy(cam->frame + cam->frame_len, pkt + 2, len - 2);
			cam->frame_len += len - 2;
		}
		if (!(pkt[1] & UCAM_HDR_EOF))
			continue;

		wait_for_completion(&cam->buf_free); /* expect: sleep-in-atomic */
		memcpy(cam->out, cam->frame, cam->frame_len);
		cam->out_len = cam->frame_len;
		cam->frame_len = 0;
		complete(&cam->frame_ready);
	}
	usb_submit_urb(urb, GFP_ATOMIC);
}

static ssize_t ucam_read(struct file *file, char __user *buf, size_t count, loff_t *ppos)
{
	struct ucam *cam = container_of(file->private_data, struct ucam, misc);
	ssize_t ret;

	if (wait_for_completion_interruptible(&cam->frame_ready))
		return -ERESTARTSYS;
	ret = min(count, cam->out_len);
	if (copy_to_user(buf, cam->out, ret))
		ret = -EFAULT;
	complete(&cam->buf_free);
	return ret;
}

static const struct file_operations ucam_fops = {
	.owner	= THIS_MODULE,
	.read	= ucam_read,
	.llseek	= noop_llseek,
};

static int ucam_probe(struct usb_interface *intf, const struct usb_device_id *id)
{
	struct ucam *cam;
	struct urb *urb;
	int i, ret;

	cam = devm_kzalloc(&intf->dev, sizeof(*cam), GFP_KERNEL);
	if (!cam)
		return -ENOMEM;
	cam->udev = interface_to_usbdev(intf);
	init_completion(&cam->frame_ready);
	init_completion(&cam->buf_free);
	complete(&cam->buf_free);
	cam->iso_buf = devm_kzalloc(&intf->dev, UCAM_NPACKETS * UCAM_PKT_SIZE, GFP_KERNEL);
	cam->frame = devm_kzalloc(&intf->dev, UCAM_FRAME_MAX, GFP_KERNEL);
	cam->out = devm_kzalloc(&intf->dev, UCAM_FRAME_MAX, GFP_KERNEL);
	cam->urb = urb = usb_alloc_urb(UCAM_NPACKETS, GFP_KERNEL);
	if (!cam->iso_buf || !cam->frame || !cam->out || !urb) {
		usb_free_urb(urb);
		return -ENOMEM;
	}

	urb->dev = cam->udev;
	urb->pipe = usb_rcvisocpipe(cam->udev, 0x81);
	urb->transfer_flags = URB_ISO_ASAP;
	urb->transfer_buffer = cam->iso_buf;
	urb->transfer_buffer_length = UCAM_NPACKETS * UCAM_PKT_SIZE;
	urb->number_of_packets = UCAM_NPACKETS;
	urb->interval = 1;
	urb->context = cam;
	urb->complete = ucam_iso_complete;
	for (i = 0; i < UCAM_NPACKETS; i++) {
		urb->iso_frame_desc[i].offset = i * UCAM_PKT_SIZE;
		urb->iso_frame_desc[i].length = UCAM_PKT_SIZE;
	}

	cam->misc.minor = MISC_DYNAMIC_MINOR;
	cam->misc.name = "ucam";
	cam->misc.fops = &ucam_fops;
	ret = usb_set_interface(cam->udev, intf->cur_altsetting->desc.bInterfaceNumber, 1);
	if (!ret)
		ret = misc_register(&cam->misc);
	if (ret) {
		usb_free_urb(urb);
		return ret;
	}
	usb_set_intfdata(intf, cam);
	return usb_submit_urb(urb, GFP_KERNEL);
}

static void ucam_disconnect(struct usb_interface *intf)
{
	struct ucam *cam = usb_get_intfdata(intf);

	usb_kill_urb(cam->urb);
	misc_deregister(&cam->misc);
	usb_free_urb(cam->urb);
}

static const struct usb_device_id ucam_ids[] = {
	{ USB_DEVICE(0x1d50, 0x6a13) },
	{ }
};
MODULE_DEVICE_TABLE(usb, ucam_ids);

static struct usb_driver ucam_driver = {
	.name		= "ucam",
	.probe		= ucam_probe,
	.disconnect	= ucam_disconnect,
	.id_table	= ucam_ids,
};
module_usb_driver(ucam_driver);
MODULE_LICENSE("GPL");
