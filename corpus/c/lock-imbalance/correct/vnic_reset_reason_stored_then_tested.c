// SPDX-License-Identifier: GPL-2.0
/*
 * vnicx - virtual NIC reset worker.  The reset request's reason is copied
 * into the adapter, and RTNL is taken unless the reason is a parameter
 * change (whose requester already holds it).  Between the lock and the
 * unlock the worker calls helpers that get the adapter.
 * Tricky: the lock and the unlock are under the same test of
 * adapter->reset_reason, which no helper changes.  The first test reads
 * the field through the value just stored in it (rwi->reset_reason); the
 * helpers may write other fields of the adapter, but what the worker
 * tested of reset_reason still holds at the second test.  Balanced on
 * every path.
 */
#include <linux/module.h>
#include <linux/netdevice.h>
#include <linux/rtnetlink.h>

enum vnicx_reset_reason {
	VNICX_RESET_FAILOVER = 1,
	VNICX_RESET_MOBILITY,
	VNICX_RESET_FATAL,
	VNICX_RESET_NON_FATAL,
	VNICX_RESET_TIMEOUT,
	VNICX_RESET_CHANGE_PARAM,
};

struct vnicx_rwi {
	enum vnicx_reset_reason reset_reason;
};

struct vnicx_adapter {
	struct net_device *netdev;
	enum vnicx_reset_reason reset_reason;
	int state;
	int req_rx_queues;
};

int vnicx_close_queues(struct vnicx_adapter *adapter);
int vnicx_reinit(struct vnicx_adapter *adapter);
void vnicx_link_down(struct vnicx_adapter *adapter);

int vnicx_do_reset(struct vnicx_adapter *adapter, struct vnicx_rwi *rwi)
{
	int rc;

	adapter->reset_reason = rwi->reset_reason;
	if (!(adapter->reset_reason == VNICX_RESET_CHANGE_PARAM))
		rtnl_lock();

	netif_carrier_off(adapter->netdev);
	rc = vnicx_close_queues(adapter);
	if (rc)
		goto out;
	if (adapter->reset_reason != VNICX_RESET_CHANGE_PARAM) {
		rtnl_unlock();
		vnicx_link_down(adapter);
		rtnl_lock();
	}
	rc = vnicx_reinit(adapter);
	if (rc)
		goto out;
	adapter->state = 1;
out:
	if (!(adapter->reset_reason == VNICX_RESET_CHANGE_PARAM))
		rtnl_unlock();
	return rc;
}
EXPORT_SYMBOL_GPL(vnicx_do_reset);

MODULE_LICENSE("GPL");
