// SPDX-License-Identifier: GPL-2.0
/*
 * ledser - USB serial adapter with a per-port status LED pipe.
 * Models usb-serial drivers whose port_probe allocates per-port state and a
 * private interrupt URB, open submits that URB, close kills it, and
 * port_remove frees the state and the URB without killing it again.
 * Tricky: port_remove alone looks like a free under a live URB, but
 * usb_serial_disconnect() hangs up every port (which runs close) before it
 * deletes the port (port_remove), and a port that was never opened never
 * submitted the URB (`sequence` rule of usb_serial_driver: close,
 * port_remove, disconnect, release).
 */
#include <linux/module.h>
#include <linux/slab.h>
#include <linux/tty.h>
#include <linux/usb.h>
#include <linux/usb/serial.h>

#define LEDSER_STATUS_LEN	4

struct ledser_port {
	struct urb *status_urb;
	u8 *status_buf;
	u8 msr;
};

static void ledser_status_done(struct urb *urb)
{
	struct ledser_port *lp = urb->context;

	if (urb->status)
		return;
	lp->msr = lp->status_buf[0];
	usb_submit_urb(urb, GFP_ATOMIC);
}

static int ledser_port_probe(struct usb_serial_port *port)
{
	struct ledser_port *lp;

	lp = kzalloc(sizeof(*lp), GFP_KERNEL);
	if (!lp)
		return -ENOMEM;
	lp->status_buf = kmalloc(LEDSER_STATUS_LEN, GFP_KERNEL);
	lp->status_urb = usb_alloc_urb(0, GFP_KERNEL);
	if (!lp->status_buf || !lp->status_urb) {
		usb_free_urb(lp->status_urb);
		kfree(lp->status_buf);
		kfree(lp);
		return -ENOMEM;
	}
	usb_fill_int_urb(lp->status_urb, port->serial->dev,
			 usb_rcvintpipe(port->serial->dev, 3), lp->status_buf,
			 LEDSER_STATUS_LEN, ledser_status_done, lp, 8);
	usb_set_serial_port_data(port, lp);
	return 0;
}

static int ledser_open(struct tty_struct *tty, struct usb_serial_port *port)
{
	struct ledser_port *lp = usb_get_serial_port_data(port);

	return usb_submit_urb(lp->status_urb, GFP_KERNEL);
}

static void ledser_close(struct usb_serial_port *port)
{
	struct ledser_port *lp = usb_get_serial_port_data(port);

	usb_kill_urb(lp->status_urb);
}

static void ledser_port_remove(struct usb_serial_port *port)
{
	struct ledser_port *lp = usb_get_serial_port_data(port);

	usb_free_urb(lp->status_urb);
	kfree(lp->status_buf);
	kfree(lp);
}

static const struct usb_device_id ledser_ids[] = {
	{ USB_DEVICE(0x1d6b, 0x7a31) },
	{ }
};
MODULE_DEVICE_TABLE(usb, ledser_ids);

static struct usb_serial_driver ledser_device = {
	.driver = {
		.owner = THIS_MODULE,
		.name = "ledser",
	},
	.id_table = ledser_ids,
	.num_ports = 1,
	.port_probe = ledser_port_probe,
	.port_remove = ledser_port_remove,
	.open = ledser_open,
	.close = ledser_close,
};

static struct usb_serial_driver * const serial_drivers[] = { &ledser_device, NULL };

module_usb_serial_driver(serial_drivers, ledser_ids);

MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("USB serial adapter with a status pipe");
