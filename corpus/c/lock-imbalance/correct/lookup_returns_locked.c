// SPDX-License-Identifier: GPL-2.0
/*
 * shub - downstream port table of a USB-attached sensor hub.
 * Tricky: shub_lock_port() is a "lock and return the object" lookup,
 * annotated __acquires(&hub->lock): it returns with the hub lock held on
 * every path, both when it finds the port and when it returns NULL, so the
 * caller can inspect the result under the lock.  Seen alone, its NULL
 * (error) return leaves a lock held.  The callers release the lock on both
 * outcomes; one passes the hub as priv->hub and unlocks &priv->hub->lock,
 * which only matches once the lock expression is translated through the
 * parameter (and is called in a declaration's initializer).
 */
#include <linux/module.h>
#include <linux/usb.h>
#include <linux/spinlock.h>
#include <linux/list.h>
#include <linux/slab.h>

struct shub_port {
	struct list_head node;
	u8 id;
	bool powered;
	u32 overcurrents;
};

struct shub {
	struct usb_interface *intf;
	spinlock_t lock;		/* protects ports */
	struct list_head ports;
};

struct shub_sensor {
	struct shub *hub;
	u8 port_id;
	u32 last_sample;
};

static struct shub_port *shub_lock_port(struct shub *hub, u8 id)
	__acquires(&hub->lock)
{
	struct shub_port *port;

	spin_lock(&hub->lock);
	list_for_each_entry(port, &hub->ports, node) {
		if (port->id == id)
			return port;
	}
	return NULL;
}

static int shub_port_power(struct shub *hub, u8 id, bool on)
{
	struct shub_port *port;

	port = shub_lock_port(hub, id);
	if (!port) {
		spin_unlock(&hub->lock);
		dev_err(&hub->intf->dev, "no port %u\n", id);
		return -ENOENT;
	}
	port->powered = on;
	spin_unlock(&hub->lock);
	return 0;
}

static void shub_sensor_overcurrent(struct shub_sensor *priv)
{
	struct shub_port *port = shub_lock_port(priv->hub, priv->port_id);

	if (port) {
		port->overcurrents++;
		port->powered = false;
	}
	spin_unlock(&priv->hub->lock);
	if (!port)
		dev_warn(&priv->hub->intf->dev, "overcurrent on unknown port\n");
}

static unsigned int shub_port_count(struct shub *hub)
{
	struct shub_port *port;
	unsigned int n = 0;

	spin_lock(&hub->lock);
	list_for_each_entry(port, &hub->ports, node) {
		if (!port->powered)
			continue;
		n++;
	}
	spin_unlock(&hub->lock);
	return n;
}

static void shub_disconnect(struct usb_interface *intf)
{
	struct shub *hub = usb_get_intfdata(intf);

	if (shub_port_count(hub) && shub_port_power(hub, 0, false))
		dev_dbg(&intf->dev, "port 0 already gone\n");
}

static struct usb_driver shub_driver __maybe_unused = {
	.name		= "shub",
	.disconnect	= shub_disconnect,
};

MODULE_LICENSE("GPL");
