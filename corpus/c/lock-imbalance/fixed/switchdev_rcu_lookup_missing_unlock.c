// SPDX-License-Identifier: GPL-2.0
/*
 * Bug pattern: rcu_read_lock() without rcu_read_unlock() on an early return.
 *
 * Models fixes like "exit the RCU read-side section when the port is not
 * found" in Ethernet switch drivers: the per-port statistics query looks the
 * port up in an RCU-protected list and returns -ENODEV on a failed lookup
 * while still inside the read-side critical section.
 * Fixed twin: the failed lookup leaves the RCU read-side section.
 */
#include <linux/module.h>
#include <linux/netdevice.h>
#include <linux/rculist.h>
#include <linux/rcupdate.h>
#include <linux/spinlock.h>
#include <linux/slab.h>

struct swx_port {
	struct list_head list;
	struct rcu_head rcu;
	u32 id;
	u64 rx_packets;
	u64 tx_packets;
};

struct swx_switch {
	struct device *dev;
	struct list_head ports;		/* RCU list, writers hold ports_lock */
	spinlock_t ports_lock;
};

struct swx_port_stats {
	u64 rx_packets;
	u64 tx_packets;
};

static struct swx_port *swx_find_port_rcu(struct swx_switch *sw, u32 id)
{
	struct swx_port *port;

	list_for_each_entry_rcu(port, &sw->ports, list)
		if (port->id == id)
			return port;
	return NULL;
}

int swx_get_port_stats(struct swx_switch *sw, u32 id, struct swx_port_stats *st)
{
	struct swx_port *port;

	rcu_read_lock();
	port = swx_find_port_rcu(sw, id);
	if (!port) {
		rcu_read_unlock();
		dev_dbg(sw->dev, "stats query for unknown port %u\n", id);
		return -ENODEV;
	}
	st->rx_packets = READ_ONCE(port->rx_packets);
	st->tx_packets = READ_ONCE(port->tx_packets);
	rcu_read_unlock();
	return 0;
}
EXPORT_SYMBOL_GPL(swx_get_port_stats);

int swx_add_port(struct swx_switch *sw, u32 id)
{
	struct swx_port *port;

	port = kzalloc(sizeof(*port), GFP_KERNEL);
	if (!port)
		return -ENOMEM;
	port->id = id;

	spin_lock(&sw->ports_lock);
	list_add_tail_rcu(&port->list, &sw->ports);
	spin_unlock(&sw->ports_lock);
	return 0;
}
EXPORT_SYMBOL_GPL(swx_add_port);

int swx_del_port(struct swx_switch *sw, u32 id)
{
	struct swx_port *port, *found = NULL;

	spin_lock(&sw->ports_lock);
	list_for_each_entry(port, &sw->ports, list) {
		if (port->id == id) {
			list_del_rcu(&port->list);
			found = port;
			break;
		}
	}
	spin_unlock(&sw->ports_lock);

	if (!found)
		return -ENOENT;
	kfree_rcu(found, rcu);
	return 0;
}
EXPORT_SYMBOL_GPL(swx_del_port);

void swx_init(struct swx_switch *sw, struct device *dev)
{
	sw->dev = dev;
	INIT_LIST_HEAD(&sw->ports);
	spin_lock_init(&sw->ports_lock);
}
EXPORT_SYMBOL_GPL(swx_init);
MODULE_LICENSE("GPL");
