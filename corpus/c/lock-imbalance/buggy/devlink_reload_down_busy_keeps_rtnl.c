// SPDX-License-Identifier: GPL-2.0
/*
 * Bug pattern: a devlink .reload_down that hands RTNL to .reload_up returns
 * 0 with rtnl_lock() held, as it must, but its -EBUSY refusal (VFs enabled)
 * returns without rtnl_unlock() while its -EOPNOTSUPP refusals unlock: devlink
 * does not call reload_up after a failed reload_down, so RTNL stays held and
 * the whole network stack hangs on the next rtnl_lock().
 * Fix in the twin: unlock before returning -EBUSY.
 */
#include <linux/module.h>
#include <linux/pci.h>
#include <linux/netdevice.h>
#include <linux/etherdevice.h>
#include <linux/rtnetlink.h>
#include <linux/netlink.h>
#include <linux/delay.h>
#include <linux/io.h>
#include <net/devlink.h>

#ifndef DEVLINK_INFO_VERSION_GENERIC_FW
struct devlink;
enum devlink_reload_action {
	DEVLINK_RELOAD_ACTION_UNSPEC,
	DEVLINK_RELOAD_ACTION_DRIVER_REINIT,
	DEVLINK_RELOAD_ACTION_FW_ACTIVATE,
};
enum devlink_reload_limit {
	DEVLINK_RELOAD_LIMIT_UNSPEC,
	DEVLINK_RELOAD_LIMIT_NO_RESET,
};
struct devlink_ops {
	unsigned long reload_actions;
	unsigned long reload_limits;
	int (*reload_down)(struct devlink *devlink, bool netns_change,
			   enum devlink_reload_action action,
			   enum devlink_reload_limit limit,
			   struct netlink_ext_ack *extack);
	int (*reload_up)(struct devlink *devlink, enum devlink_reload_action action,
			 enum devlink_reload_limit limit, u32 *actions_performed,
			 struct netlink_ext_ack *extack);
};
void *devlink_priv(struct devlink *devlink);
struct devlink *devlink_alloc(const struct devlink_ops *ops, size_t priv_size,
			      struct device *dev);
void devlink_register(struct devlink *devlink);
void devlink_unregister(struct devlink *devlink);
void devlink_free(struct devlink *devlink);
#endif

#ifndef NL_SET_ERR_MSG_MOD
#define NL_SET_ERR_MSG_MOD(extack, msg)	do { (void)(extack); } while (0)
#endif

#define RNIC_REG_FW_STATUS	0x0010
#define RNIC_REG_CMD		0x0014
#define RNIC_REG_ENABLE		0x0018
#define RNIC_FW_READY		BIT(0)
#define RNIC_FW_PENDING		BIT(1)
#define RNIC_CMD_FW_ACTIVATE	0x5a
#define RNIC_FW_BOOT_POLL_MS	50
#define RNIC_FW_BOOT_TRIES	200

struct rnic {
	struct pci_dev *pdev;
	void __iomem *hw;
	struct net_device *netdev;
	unsigned int num_vfs;
	bool was_running;
};

struct rnic_netdev_priv {
	struct rnic *nic;
};

static void rnic_hw_down(struct rnic *nic)
{
	writel(0, nic->hw + RNIC_REG_ENABLE);
}

static int rnic_hw_up(struct rnic *nic)
{
	if (!(readl(nic->hw + RNIC_REG_FW_STATUS) & RNIC_FW_READY))
		return -EIO;
	writel(1, nic->hw + RNIC_REG_ENABLE);
	return 0;
}

static int rnic_dl_reload_down(struct devlink *dl, bool netns_change,
			       enum devlink_reload_action action,
			       enum devlink_reload_limit limit,
			       struct netlink_ext_ack *extack)
{
	struct rnic *nic = devlink_priv(dl);
	struct net_device *netdev = nic->netdev;

	if (netns_change) {
		NL_SET_ERR_MSG_MOD(extack, "network namespace change is not supported");
		return -EOPNOTSUPP;
	}

	rtnl_lock();
	if (nic->num_vfs) {
		NL_SET_ERR_MSG_MOD(extack, "reload is not allowed while VFs are enabled");
		return -EBUSY; /* expect: lock-imbalance */
	}
	switch (action) {
	case DEVLINK_RELOAD_ACTION_DRIVER_REINIT:
		break;
	case DEVLINK_RELOAD_ACTION_FW_ACTIVATE:
		if (!(readl(nic->hw + RNIC_REG_FW_STATUS) & RNIC_FW_PENDING)) {
			rtnl_unlock();
			NL_SET_ERR_MSG_MOD(extack, "no pending firmware image to activate");
			return -EOPNOTSUPP;
		}
		break;
	default:
		rtnl_unlock();
		return -EOPNOTSUPP;
	}

	nic->was_running = netif_running(netdev);
	if (nic->was_running)
		dev_close(netdev);
	rnic_hw_down(nic);
	if (action == DEVLINK_RELOAD_ACTION_FW_ACTIVATE)
		writel(RNIC_CMD_FW_ACTIVATE, nic->hw + RNIC_REG_CMD);
	/* RTNL stays held until reload_up: nobody may reopen the netdev */
	return 0;
}

static int rnic_dl_reload_up(struct devlink *dl, enum devlink_reload_action action,
			     enum devlink_reload_limit limit, u32 *actions_performed,
			     struct netlink_ext_ack *extack)
{
	struct rnic *nic = devlink_priv(dl);
	int tries = RNIC_FW_BOOT_TRIES;
	int ret;

	*actions_performed = BIT(action);
	if (action == DEVLINK_RELOAD_ACTION_FW_ACTIVATE) {
		*actions_performed |= BIT(DEVLINK_RELOAD_ACTION_DRIVER_REINIT);
		/* the new image takes seconds to boot: do not sit on RTNL meanwhile */
		rtnl_unlock();
		while (!(readl(nic->hw + RNIC_REG_FW_STATUS) & RNIC_FW_READY) && --tries)
			msleep(RNIC_FW_BOOT_POLL_MS);
		rtnl_lock();
		if (!tries) {
			NL_SET_ERR_MSG_MOD(extack, "new firmware did not boot");
			ret = -ETIMEDOUT;
			goto out;
		}
	}

	ret = rnic_hw_up(nic);
	if (ret)
		goto out;
	if (nic->was_running)
		ret = dev_open(nic->netdev, extack);
out:
	rtnl_unlock();
	return ret;
}

static const struct devlink_ops rnic_devlink_ops = {
	.reload_actions	= BIT(DEVLINK_RELOAD_ACTION_DRIVER_REINIT) |
			  BIT(DEVLINK_RELOAD_ACTION_FW_ACTIVATE),
	.reload_down	= rnic_dl_reload_down,
	.reload_up	= rnic_dl_reload_up,
};

static int rnic_open(struct net_device *netdev)
{
	netif_tx_start_all_queues(netdev);
	return 0;
}

static int rnic_stop(struct net_device *netdev)
{
	netif_tx_stop_all_queues(netdev);
	return 0;
}

static netdev_tx_t rnic_start_xmit(struct sk_buff *skb, struct net_device *netdev)
{
	netdev->stats.tx_dropped++;
	dev_kfree_skb_any(skb);
	return NETDEV_TX_OK;
}

static const struct net_device_ops rnic_netdev_ops = {
	.ndo_open	= rnic_open,
	.ndo_stop	= rnic_stop,
	.ndo_start_xmit	= rnic_start_xmit,
};

static int rnic_probe(struct pci_dev *pdev, const struct pci_device_id *id)
{
	struct rnic_netdev_priv *np;
	struct net_device *netdev;
	struct devlink *dl;
	struct rnic *nic;
	int ret;

	ret = pcim_enable_device(pdev);
	if (ret)
		return ret;
	ret = pcim_iomap_regions(pdev, BIT(0), "rnic");
	if (ret)
		return ret;

	dl = devlink_alloc(&rnic_devlink_ops, sizeof(*nic), &pdev->dev);
	if (!dl)
		return -ENOMEM;
	nic = devlink_priv(dl);
	nic->pdev = pdev;
	nic->hw = pcim_iomap_table(pdev)[0];

	netdev = alloc_etherdev(sizeof(*np));
	if (!netdev) {
		ret = -ENOMEM;
		goto err_free_devlink;
	}
	np = netdev_priv(netdev);
	np->nic = nic;
	nic->netdev = netdev;
	netdev->netdev_ops = &rnic_netdev_ops;
	SET_NETDEV_DEV(netdev, &pdev->dev);
	eth_hw_addr_random(netdev);
	pci_set_drvdata(pdev, dl);

	ret = rnic_hw_up(nic);
	if (ret)
		goto err_free_netdev;
	ret = register_netdev(netdev);
	if (ret)
		goto err_hw_down;
	devlink_register(dl);
	return 0;

err_hw_down:
	rnic_hw_down(nic);
err_free_netdev:
	free_netdev(netdev);
err_free_devlink:
	devlink_free(dl);
	return ret;
}

static void rnic_remove(struct pci_dev *pdev)
{
	struct devlink *dl = pci_get_drvdata(pdev);
	struct rnic *nic = devlink_priv(dl);

	devlink_unregister(dl);
	unregister_netdev(nic->netdev);
	rnic_hw_down(nic);
	free_netdev(nic->netdev);
	devlink_free(dl);
}

static const struct pci_device_id rnic_ids[] = {
	{ PCI_DEVICE(0x1d6a, 0x00c4) },
	{ }
};
MODULE_DEVICE_TABLE(pci, rnic_ids);

static struct pci_driver rnic_driver = {
	.name		= "rnic",
	.id_table	= rnic_ids,
	.probe		= rnic_probe,
	.remove		= rnic_remove,
};
module_pci_driver(rnic_driver);
MODULE_LICENSE("GPL");
