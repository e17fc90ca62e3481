// SPDX-License-Identifier: GPL-2.0
/*
 * fst - a flow-steering table kept as a tree of nodes, each with an
 * rw_semaphore and a refcount.  Small helpers lock a node and take a
 * reference together; a "locked" parameter tells them the caller already
 * holds the node's lock (a teardown walking up the tree under the parent's
 * lock), and a NULL node (the root's parent) is skipped.
 * Tricky: every caller here passes "false" and a node's address, so the
 * helpers' effects are decided by what the callers pass: the lookup takes
 * the group's lock and the entry's lock through the helpers and releases
 * both through the release helpers before it returns NULL, and returns an
 * entry locked on success by design.  A helper that takes the lock only
 * when its parameters say so is a contract with its callers, not a leak.
 */
#include <linux/module.h>
#include <linux/rwsem.h>
#include <linux/refcount.h>
#include <linux/slab.h>

enum fst_lock_class { FST_LOCK_PARENT, FST_LOCK_CHILD };

struct fst_node {
	struct fst_node *parent;
	struct rw_semaphore lock;
	refcount_t refcount;
	bool active;
};

struct fst_entry {
	struct fst_node node;
	u32 key;
};

struct fst_group {
	struct fst_node node;
	struct fst_entry *entries[16];
};

static void fst_down_write_nested(struct fst_node *node, enum fst_lock_class class)
{
	if (node) {
		down_write_nested(&node->lock, class);
		refcount_inc(&node->refcount);
	}
}

static void fst_down_read_nested(struct fst_node *node, enum fst_lock_class class)
{
	if (node) {
		down_read_nested(&node->lock, class);
		refcount_inc(&node->refcount);
	}
}

static void fst_down_write(struct fst_node *node, bool locked)
{
	if (node) {
		if (!locked)
			down_write(&node->lock);
		refcount_inc(&node->refcount);
	}
}

static void fst_up_read(struct fst_node *node)
{
	refcount_dec(&node->refcount);
	up_read(&node->lock);
}

static void fst_up_write(struct fst_node *node, bool locked)
{
	refcount_dec(&node->refcount);
	if (!locked)
		up_write(&node->lock);
}

static void fst_put(struct fst_node *node, bool locked)
{
	struct fst_node *parent = node->parent;

	if (refcount_dec_and_test(&node->refcount)) {
		if (parent)
			fst_down_write(parent, locked);
		kfree(node);
		if (parent)
			fst_up_write(parent, locked);
	}
}

static struct fst_entry *fst_lookup_locked(struct fst_group *g, u32 key, bool take_write)
{
	struct fst_entry *e;

	if (take_write)
		fst_down_write_nested(&g->node, FST_LOCK_PARENT);
	else
		fst_down_read_nested(&g->node, FST_LOCK_PARENT);
	e = g->entries[key & 15];
	if (!e || !refcount_inc_not_zero(&e->node.refcount)) {
		e = NULL;
		goto out;
	}

	fst_down_write_nested(&e->node, FST_LOCK_CHILD);
	if (!e->node.active) {
		fst_up_write(&e->node, false);
		if (take_write)
			fst_up_write(&g->node, false);
		else
			fst_up_read(&g->node);
		fst_put(&e->node, false);
		return NULL;
	}
out:
	if (take_write)
		fst_up_write(&g->node, false);
	else
		fst_up_read(&g->node);
	return e;
}

int fst_update(struct fst_group *g, u32 key)
{
	struct fst_entry *e = fst_lookup_locked(g, key, false);

	if (!e)
		return -ENOENT;
	e->key = key;
	fst_up_write(&e->node, false);
	fst_put(&e->node, false);
	return 0;
}
EXPORT_SYMBOL(fst_update);

MODULE_LICENSE("GPL");
