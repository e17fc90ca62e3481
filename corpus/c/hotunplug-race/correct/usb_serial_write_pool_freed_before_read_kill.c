// SPDX-License-Identifier: GPL-2.0
/*
 * poolser - USB serial adapter with a pool of bulk-out URBs for writes and
 * one bulk-in URB for reads, both per port.  Open allocates the write pool
 * (each URB with its own buffer) and submits the read URB, whose completion
 * pushes the received bytes from urb->transfer_buffer and resubmits.  Close
 * kills the write URBs, frees their buffers and the URBs, and only then
 * kills the read URB.
 * Tricky: when a write URB's transfer buffer is freed the read completion
 * may still run, and it reads urb->transfer_buffer, the same field of the
 * same struct.  But it reaches that field only through the URB it was called
 * for, the read URB, never through the pool: a write URB's buffer is not
 * its buffer.
 */
#include <linux/module.h>
#include <linux/slab.h>
#include <linux/tty.h>
#include <linux/tty_flip.h>
#include <linux/usb.h>
#include <linux/usb/serial.h>

#define POOLSER_NUM_URBS	8
#define POOLSER_BUF_LEN		64

struct poolser_port {
	struct usb_serial_port *port;
	struct urb *write_urbs[POOLSER_NUM_URBS];
	struct urb *read_urb;
	unsigned long rx_bytes;
};

static void poolser_read_done(struct urb *urb)
{
	struct poolser_port *pp = urb->context;
	unsigned char *data = urb->transfer_buffer;

	if (urb->status)
		return;
	if (urb->actual_length) {
		tty_insert_flip_string(&pp->port->port, data, urb->actual_length);
		tty_flip_buffer_push(&pp->port->port);
		pp->rx_bytes += urb->actual_length;
	}
	usb_submit_urb(urb, GFP_ATOMIC);
}

static void poolser_write_done(struct urb *urb)
{
	struct poolser_port *pp = urb->context;

	if (!urb->status)
		usb_serial_port_softint(pp->port);
}

static int poolser_port_probe(struct usb_serial_port *port)
{
	struct poolser_port *pp;

	pp = kzalloc(sizeof(*pp), GFP_KERNEL);
	if (!pp)
		return -ENOMEM;
	pp->port = port;
	pp->read_urb = port->read_urb;
	usb_set_serial_port_data(port, pp);
	return 0;
}

static void poolser_port_remove(struct usb_serial_port *port)
{
	kfree(usb_get_serial_port_data(port));
}

static int poolser_open(struct tty_struct *tty, struct usb_serial_port *port)
{
	struct poolser_port *pp = usb_get_serial_port_data(port);
	struct usb_device *udev = port->serial->dev;
	struct urb *urb;
	void *buf;
	int j;

	for (j = 0; j < POOLSER_NUM_URBS; ++j) {
		urb = usb_alloc_urb(0, GFP_KERNEL);
		if (!urb)
			continue;
		buf = kmalloc(POOLSER_BUF_LEN, GFP_KERNEL);
		if (!buf) {
			usb_free_urb(urb);
			continue;
		}
		usb_fill_bulk_urb(urb, udev, usb_sndbulkpipe(udev, port->bulk_out_endpointAddress),
				  buf, POOLSER_BUF_LEN, poolser_write_done, pp);
		pp->write_urbs[j] = urb;
	}

	usb_fill_bulk_urb(pp->read_urb, udev, usb_rcvbulkpipe(udev, port->bulk_in_endpointAddress),
			  port->bulk_in_buffer, port->bulk_in_size, poolser_read_done, pp);
	return usb_submit_urb(pp->read_urb, GFP_KERNEL);
}

static void poolser_close(struct usb_serial_port *port)
{
	struct poolser_port *pp = usb_get_serial_port_data(port);
	int j;

	for (j = 0; j < POOLSER_NUM_URBS; ++j)
		usb_kill_urb(pp->write_urbs[j]);

	for (j = 0; j < POOLSER_NUM_URBS; ++j) {
		if (pp->write_urbs[j]) {
			kfree(pp->write_urbs[j]->transfer_buffer);
			usb_free_urb(pp->write_urbs[j]);
			pp->write_urbs[j] = NULL;
		}
	}

	usb_kill_urb(pp->read_urb);
}

static const struct usb_device_id poolser_ids[] = {
	{ USB_DEVICE(0x1d6b, 0x7a32) },
	{ }
};
MODULE_DEVICE_TABLE(usb, poolser_ids);

static struct usb_serial_driver poolser_device = {
	.driver = {
		.owner = THIS_MODULE,
		.name = "poolser",
	},
	.id_table = poolser_ids,
	.num_ports = 1,
	.port_probe = poolser_port_probe,
	.port_remove = poolser_port_remove,
	.open = poolser_open,
	.close = poolser_close,
};

static struct usb_serial_driver * const serial_drivers[] = { &poolser_device, NULL };

module_usb_serial_driver(serial_drivers, poolser_ids);

MODULE_LICENSE("GPL");
