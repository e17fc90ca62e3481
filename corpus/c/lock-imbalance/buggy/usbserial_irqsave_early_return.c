// SPDX-License-Identifier: GPL-2.0
/*
 * Bug pattern: missing spin_unlock_irqrestore() on an early error return.
 *
 * Models the recurring fix "drop the port lock before bailing out on a
 * disconnected device" in USB serial converter drivers: the TX path takes the
 * port spinlock with spin_lock_irqsave(), notices that the device is gone and
 * returns -ENODEV with the lock still held and local interrupts disabled.
 */
#include <linux/module.h>
#include <linux/slab.h>
#include <linux/spinlock.h>
#include <linux/usb.h>

#define QSER_TX_BUF_SIZE	256

struct qser_port {
	struct usb_device *udev;
	struct urb *tx_urb;
	spinlock_t lock;
	u8 *tx_buf;
	bool tx_busy;
	bool disconnected;
};

static void qser_tx_complete(struct urb *urb)
{
	struct qser_port *port = urb->context;
	unsigned long flags;

	spin_lock_irqsave(&port->lock, flags);
	port->tx_busy = false;
	spin_unlock_irqrestore(&port->lock, flags);
}

static int qser_start_tx(struct qser_port *port, const u8 *data, size_t len)
{
	unsigned long flags;
	int ret;

	if (!len || len > QSER_TX_BUF_SIZE)
		return -EINVAL;

	spin_lock_irqsave(&port->lock, flags);
	if (port->disconnected) {
		dev_dbg(&port->udev->dev, "tx on disconnected port\n");
		return -ENODEV; /* expect: lock-imbalance */
	}
	if (port->tx_busy) {
		spin_unlock_irqrestore(&port->lock, flags);
		return -EBUSY;
	}
	memcpy(port->tx_buf, data, len);
	port->tx_busy = true;
	spin_unlock_irqrestore(&port->lock, flags);

	port->tx_urb->transfer_buffer_length = len;
	ret = usb_submit_urb(port->tx_urb, GFP_ATOMIC);
	if (ret) {
		dev_err(&port->udev->dev, "failed to submit tx urb: %d\n", ret);
		spin_lock_irqsave(&port->lock, flags);
		port->tx_busy = false;
		spin_unlock_irqrestore(&port->lock, flags);
		return ret;
	}
	return 0;
}

static int qser_probe(struct usb_interface *intf, const struct usb_device_id *id)
{
	struct usb_device *udev = interface_to_usbdev(intf);
	struct qser_port *port;

	port = devm_kzalloc(&intf->dev, sizeof(*port), GFP_KERNEL);
	if (!port)
		return -ENOMEM;
	spin_lock_init(&port->lock);
	port->udev = udev;
	port->tx_buf = devm_kmalloc(&intf->dev, QSER_TX_BUF_SIZE, GFP_KERNEL);
	port->tx_urb = usb_alloc_urb(0, GFP_KERNEL);
	if (!port->tx_buf || !port->tx_urb) {
		usb_free_urb(port->tx_urb);
		return -ENOMEM;
	}
	usb_fill_bulk_urb(port->tx_urb, udev, usb_sndbulkpipe(udev, 2),
			  port->tx_buf, 0, qser_tx_complete, port);
	usb_set_intfdata(intf, port);
	return qser_start_tx(port, (const u8 *)"\r", 1);
}

static void qser_disconnect(struct usb_interface *intf)
{
	struct qser_port *port = usb_get_intfdata(intf);
	unsigned long flags;

	spin_lock_irqsave(&port->lock, flags);
	port->disconnected = true;
	spin_unlock_irqrestore(&port->lock, flags);

	usb_kill_urb(port->tx_urb);
	usb_free_urb(port->tx_urb);
}

static const struct usb_device_id qser_ids[] = {
	{ USB_DEVICE(0x1d6b, 0x0f01) },
	{ }
};
MODULE_DEVICE_TABLE(usb, qser_ids);

static struct usb_driver qser_driver = {
	.name		= "qser",
	.probe		= qser_probe,
	.disconnect	= qser_disconnect,
	.id_table	= qser_ids,
};
module_usb_driver(qser_driver);
MODULE_LICENSE("GPL");
