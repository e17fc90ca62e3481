// SPDX-License-Identifier: GPL-2.0
/*
 * qvx_nic - statistics and link paths of a multi-queue NIC.
 * Tricky: the lock is taken under a test that is a fact, not an event, and
 * released under the same test later: a static key (flipped only by a
 * sysfs knob, never while this code runs), a bit of the device's flags
 * word read with test_bit(), and netif_running() under RTNL.  The calls in
 * between read the flags but never write them, so both tests agree on every
 * path.  qvx_toggle_bit() does write the bit between the two tests and
 * keeps its lock balanced by testing a local copy instead.
 */
#include <linux/module.h>
#include <linux/netdevice.h>
#include <linux/spinlock.h>
#include <linux/jump_label.h>
#include <linux/bitops.h>

#define QVX_F_SHARED_STATS	0

DEFINE_STATIC_KEY_FALSE(qvx_ptp_enabled);

struct qvx_priv {
	struct net_device *ndev;
	spinlock_t ptp_lock;
	spinlock_t stats_lock;
	unsigned long flags;
	u64 rx_packets;
	u64 ptp_events;
};

static void qvx_read_hw_counters(struct qvx_priv *priv)
{
	priv->rx_packets += 1;
}

static void qvx_ptp_poll(struct qvx_priv *priv)
{
	if (static_branch_unlikely(&qvx_ptp_enabled))
		spin_lock(&priv->ptp_lock);
	priv->ptp_events++;
	qvx_read_hw_counters(priv);
	if (static_branch_unlikely(&qvx_ptp_enabled))
		spin_unlock(&priv->ptp_lock);
}

static u64 qvx_get_rx_packets(struct qvx_priv *priv)
{
	u64 value;

	if (test_bit(QVX_F_SHARED_STATS, &priv->flags))
		spin_lock_bh(&priv->stats_lock);
	qvx_read_hw_counters(priv);
	value = priv->rx_packets;
	if (test_bit(QVX_F_SHARED_STATS, &priv->flags))
		spin_unlock_bh(&priv->stats_lock);
	return value;
}

static void qvx_refresh_link(struct qvx_priv *priv)
{
	if (netif_running(priv->ndev))
		spin_lock(&priv->stats_lock);
	qvx_read_hw_counters(priv);
	if (netif_running(priv->ndev))
		spin_unlock(&priv->stats_lock);
}

static void qvx_toggle_bit(struct qvx_priv *priv)
{
	bool shared = test_bit(QVX_F_SHARED_STATS, &priv->flags);

	if (shared)
		spin_lock_bh(&priv->stats_lock);
	clear_bit(QVX_F_SHARED_STATS, &priv->flags);
	if (shared)
		spin_unlock_bh(&priv->stats_lock);
}

void qvx_service(struct qvx_priv *priv)
{
	qvx_ptp_poll(priv);
	qvx_refresh_link(priv);
	qvx_toggle_bit(priv);
	priv->rx_packets = qvx_get_rx_packets(priv);
}
