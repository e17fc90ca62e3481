// SPDX-License-Identifier: GPL-2.0
/*
 * dvbstick - USB DVB-T stick: the USB bridge exposes an I2C adapter and the
 * driver instantiates the demodulator as an I2C client.
 * Bug pattern: i2c_new_client_device() returns an ERR_PTR on failure, never
 * NULL (since it replaced i2c_new_device()), but the attach code still tests
 * `client == NULL || client->dev.driver == NULL`, so a failed instantiation
 * (address busy, -ENOMEM) dereferences the ERR_PTR.
 * Fix in the twin: i2c_client_has_driver(), which tests IS_ERR_OR_NULL().
 */
#include <linux/module.h>
#include <linux/usb.h>
#include <linux/i2c.h>
#include <linux/slab.h>

#define DVBSTICK_DEMOD_ADDR	0x18

struct dvbstick {
	struct usb_device *udev;
	struct i2c_adapter i2c_adap;
	struct i2c_client *demod;
};

static int dvbstick_attach_demod(struct dvbstick *st)
{
	struct i2c_board_info info = {};
	struct i2c_client *client;

	strscpy(info.type, "acme_demod", I2C_NAME_SIZE);
	info.addr = DVBSTICK_DEMOD_ADDR;
	client = i2c_new_client_device(&st->i2c_adap, &info);
	if (client == NULL || client->dev.driver == NULL) /* expect: null-return */
		return -ENODEV;
	if (!try_module_get(client->dev.driver->owner)) {
		i2c_unregister_device(client);
		return -ENODEV;
	}
	st->demod = client;
	return 0;
}

static void dvbstick_detach_demod(struct dvbstick *st)
{
	if (!st->demod)
		return;
	module_put(st->demod->dev.driver->owner);
	i2c_unregister_device(st->demod);
	st->demod = NULL;
}

static int dvbstick_probe(struct usb_interface *intf, const struct usb_device_id *id)
{
	struct dvbstick *st;
	int ret;

	st = kzalloc(sizeof(*st), GFP_KERNEL);
	if (!st)
		return -ENOMEM;
	st->udev = interface_to_usbdev(intf);
	ret = dvbstick_attach_demod(st);
	if (ret) {
		kfree(st);
		return ret;
	}
	usb_set_intfdata(intf, st);
	return 0;
}

static void dvbstick_disconnect(struct usb_interface *intf)
{
	struct dvbstick *st = usb_get_intfdata(intf);

	dvbstick_detach_demod(st);
	kfree(st);
}

static const struct usb_device_id dvbstick_ids[] = {
	{ USB_DEVICE(0x1d19, 0x0a11) },
	{ }
};
MODULE_DEVICE_TABLE(usb, dvbstick_ids);

static struct usb_driver dvbstick_driver = {
	.name = "dvbstick",
	.probe = dvbstick_probe,
	.disconnect = dvbstick_disconnect,
	.id_table = dvbstick_ids,
};
module_usb_driver(dvbstick_driver);

MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("USB DVB-T stick with an I2C demodulator");
