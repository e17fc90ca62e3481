// SPDX-License-Identifier: GPL-2.0
/*
 * pmsg - message bus between a coprocessor and its kernel clients.
 * Models an SRCU-protected liveness lookup: pmsg_client_get() enters the
 * client's SRCU read section and returns the client if it is still
 * registered (its ->live pointer points to itself), holding the read lock;
 * if the client is going away it leaves the section and returns NULL.
 * pmsg_client_put() leaves the section.  Callers look the client up
 * through msg->client and release through the returned pointer.
 * Tricky: the lock is taken as &msg->client->barrier (translated through
 * the helper's argument) and released as &u->barrier, a different name for
 * the same srcu_struct; the helper itself holds the lock on one return only.
 */
#include <linux/module.h>
#include <linux/srcu.h>
#include <linux/rcupdate.h>
#include <linux/slab.h>

struct pmsg_client {
	struct srcu_struct barrier;		/* readers vs. unregister */
	struct pmsg_client __rcu *live;		/* self while registered */
	void (*rx)(struct pmsg_client *c, const void *data, size_t len);
	unsigned long rx_count;
};

struct pmsg_msg {
	struct pmsg_client *client;
	size_t len;
	u8 data[64];
};

static struct pmsg_client *pmsg_client_get(struct pmsg_client *c, int *idx)
{
	struct pmsg_client *r;

	*idx = srcu_read_lock(&c->barrier);
	r = srcu_dereference(c->live, &c->barrier);
	if (!r)
		srcu_read_unlock(&c->barrier, *idx);
	return r;
}

static void pmsg_client_put(struct pmsg_client *c, int idx)
{
	srcu_read_unlock(&c->barrier, idx);
}

static int pmsg_deliver(struct pmsg_msg *msg)
{
	struct pmsg_client *u;
	int idx;

	u = pmsg_client_get(msg->client, &idx);
	if (!u)
		return -ENODEV;

	if (u->rx)
		u->rx(u, msg->data, msg->len);
	u->rx_count++;
	pmsg_client_put(u, idx);
	return 0;
}

static int pmsg_client_stats(struct pmsg_msg *msg, unsigned long *count)
{
	int idx;
	struct pmsg_client *u = pmsg_client_get(msg->client, &idx);

	if (!u)
		return -ENODEV;
	*count = u->rx_count;
	pmsg_client_put(u, idx);
	return 0;
}

static int pmsg_client_register(struct pmsg_client *c)
{
	int ret;

	ret = init_srcu_struct(&c->barrier);
	if (ret)
		return ret;
	rcu_assign_pointer(c->live, c);
	return 0;
}

static void pmsg_client_unregister(struct pmsg_client *c)
{
	RCU_INIT_POINTER(c->live, NULL);
	synchronize_srcu(&c->barrier);	/* wait for pmsg_deliver() */
	cleanup_srcu_struct(&c->barrier);
}

MODULE_LICENSE("GPL");
