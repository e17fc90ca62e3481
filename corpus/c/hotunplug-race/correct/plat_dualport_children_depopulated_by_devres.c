// SPDX-License-Identifier: GPL-2.0
/*
 * dpeth - a dual-port Ethernet block: the parent device owns the shared
 * free-buffer queue (devm-allocated) and spawns one child platform device
 * per port from the device tree with devm_of_platform_populate().  Each
 * port's driver, in this file too, registers a netdev whose open requests
 * the port interrupt (its handler refills from the parent's shared queue)
 * and whose stop frees it; the port's remove unregisters the netdev.
 * Tricky: the parent's remove returns with a port interrupt possibly still
 * requested, and devres then frees the shared struct the handler uses.  But
 * devres releases in reverse order: the depopulate action, registered after
 * the shared struct was allocated, runs first and unbinds the children,
 * whose remove unregisters the netdev (running stop, freeing the IRQ)
 * before the shared struct goes.
 */
#include <linux/module.h>
#include <linux/platform_device.h>
#include <linux/of_platform.h>
#include <linux/netdevice.h>
#include <linux/etherdevice.h>
#include <linux/interrupt.h>
#include <linux/spinlock.h>
#include <linux/io.h>

#define DPETH_IRQ_STATUS	0x10
#define DPETH_FREEQ_LEN		64

struct dpeth_shared {
	struct device *dev;
	spinlock_t freeq_lock;
	unsigned int freeq_avail;
	u32 freeq[DPETH_FREEQ_LEN];
};

struct dpeth_port {
	struct net_device *netdev;
	struct dpeth_shared *shared;
	void __iomem *regs;
	int irq;
};

static irqreturn_t dpeth_port_irq(int irq, void *data)
{
	struct dpeth_port *port = netdev_priv(data);
	struct dpeth_shared *shared = port->shared;
	u32 status = readl(port->regs + DPETH_IRQ_STATUS);

	if (!status)
		return IRQ_NONE;
	writel(status, port->regs + DPETH_IRQ_STATUS);
	spin_lock(&shared->freeq_lock);
	if (shared->freeq_avail < DPETH_FREEQ_LEN)
		shared->freeq[shared->freeq_avail++] = status;
	spin_unlock(&shared->freeq_lock);
	return IRQ_HANDLED;
}

static int dpeth_open(struct net_device *netdev)
{
	struct dpeth_port *port = netdev_priv(netdev);
	int err;

	err = request_irq(port->irq, dpeth_port_irq, 0, netdev_name(netdev), netdev);
	if (err)
		return err;
	netif_start_queue(netdev);
	return 0;
}

static int dpeth_stop(struct net_device *netdev)
{
	struct dpeth_port *port = netdev_priv(netdev);

	netif_stop_queue(netdev);
	free_irq(port->irq, netdev);
	return 0;
}

static netdev_tx_t dpeth_xmit(struct sk_buff *skb, struct net_device *netdev)
{
	netdev->stats.tx_dropped++;
	dev_kfree_skb_any(skb);
	return NETDEV_TX_OK;
}

static const struct net_device_ops dpeth_netdev_ops = {
	.ndo_open	= dpeth_open,
	.ndo_stop	= dpeth_stop,
	.ndo_start_xmit	= dpeth_xmit,
};

static int dpeth_port_probe(struct platform_device *pdev)
{
	struct dpeth_shared *shared = dev_get_drvdata(pdev->dev.parent);
	struct net_device *netdev;
	struct dpeth_port *port;
	int err;

	netdev = devm_alloc_etherdev(&pdev->dev, sizeof(*port));
	if (!netdev)
		return -ENOMEM;
	port = netdev_priv(netdev);
	port->netdev = netdev;
	port->shared = shared;
	port->regs = devm_platform_ioremap_resource(pdev, 0);
	if (IS_ERR(port->regs))
		return PTR_ERR(port->regs);
	port->irq = platform_get_irq(pdev, 0);
	if (port->irq < 0)
		return port->irq;
	netdev->netdev_ops = &dpeth_netdev_ops;
	SET_NETDEV_DEV(netdev, &pdev->dev);
	eth_hw_addr_random(netdev);
	platform_set_drvdata(pdev, port);
	err = register_netdev(netdev);
	return err;
}

static int dpeth_port_remove(struct platform_device *pdev)
{
	struct dpeth_port *port = platform_get_drvdata(pdev);

	unregister_netdev(port->netdev);
	return 0;
}

static const struct of_device_id dpeth_port_of_match[] = {
	{ .compatible = "example,dpeth-port" },
	{ }
};
MODULE_DEVICE_TABLE(of, dpeth_port_of_match);

static struct platform_driver dpeth_port_driver = {
	.driver = {
		.name = "dpeth-port",
		.of_match_table = dpeth_port_of_match,
	},
	.probe = dpeth_port_probe,
	.remove = dpeth_port_remove,
};

static int dpeth_probe(struct platform_device *pdev)
{
	struct device *dev = &pdev->dev;
	struct dpeth_shared *shared;

	shared = devm_kzalloc(dev, sizeof(*shared), GFP_KERNEL);
	if (!shared)
		return -ENOMEM;
	shared->dev = dev;
	spin_lock_init(&shared->freeq_lock);
	platform_set_drvdata(pdev, shared);
	return devm_of_platform_populate(dev);
}

static int dpeth_remove(struct platform_device *pdev)
{
	struct dpeth_shared *shared = platform_get_drvdata(pdev);

	spin_lock_irq(&shared->freeq_lock);
	shared->freeq_avail = 0;
	spin_unlock_irq(&shared->freeq_lock);
	return 0;
}

static const struct of_device_id dpeth_of_match[] = {
	{ .compatible = "example,dpeth" },
	{ }
};
MODULE_DEVICE_TABLE(of, dpeth_of_match);

static struct platform_driver dpeth_driver = {
	.driver = {
		.name = "dpeth",
		.of_match_table = dpeth_of_match,
	},
	.probe = dpeth_probe,
	.remove = dpeth_remove,
};

static struct platform_driver * const dpeth_drivers[] = {
	&dpeth_port_driver,
	&dpeth_driver,
};

static int __init dpeth_init(void)
{
	return platform_register_drivers(dpeth_drivers, ARRAY_SIZE(dpeth_drivers));
}
module_init(dpeth_init);

static void __exit dpeth_exit(void)
{
	platform_unregister_drivers(dpeth_drivers, ARRAY_SIZE(dpeth_drivers));
}
module_exit(dpeth_exit);
MODULE_LICENSE("GPL");
