// SPDX-License-Identifier: GPL-2.0
/*
 * embmac - MAC of an embedded SoC; its register window is a named platform
 * resource, mapped in ndo_open and unmapped in ndo_stop, and a second
 * resource (the descriptor SRAM) is reserved in probe and released in
 * remove.
 * Tricky: ndo_open, ndo_stop and remove look the resources up again and use
 * the result without a NULL test.  probe already failed with -ENODEV when
 * either lookup returned NULL, and these run only on a device probe bound,
 * whose resources do not change: the later lookups cannot fail.  probe
 * passes the device as "pdev", ndo_open reaches it as "priv->pdev"; probe
 * also reuses its "res" variable for request_mem_region()'s result.
 */
#include <linux/module.h>
#include <linux/platform_device.h>
#include <linux/netdevice.h>
#include <linux/etherdevice.h>
#include <linux/ioport.h>
#include <linux/io.h>

struct embmac {
	struct platform_device *pdev;
	struct net_device *ndev;
	void __iomem *regs;
};

static int embmac_open(struct net_device *ndev)
{
	struct embmac *priv = netdev_priv(ndev);
	struct resource *mem;

	mem = platform_get_resource_byname(priv->pdev, IORESOURCE_MEM, "regs");
	priv->regs = ioremap(mem->start, resource_size(mem));
	if (!priv->regs)
		return -ENOMEM;
	netif_start_queue(ndev);
	return 0;
}

static int embmac_stop(struct net_device *ndev)
{
	struct embmac *priv = netdev_priv(ndev);
	struct resource *mem;

	netif_stop_queue(ndev);
	iounmap(priv->regs);
	mem = platform_get_resource_byname(priv->pdev, IORESOURCE_MEM, "regs");
	release_mem_region(mem->start, resource_size(mem));
	return 0;
}

static const struct net_device_ops embmac_ops = {
	.ndo_open = embmac_open,
	.ndo_stop = embmac_stop,
};

static int embmac_probe(struct platform_device *pdev)
{
	struct net_device *ndev;
	struct embmac *priv;
	struct resource *mem, *res;
	int err;

	mem = platform_get_resource_byname(pdev, IORESOURCE_MEM, "regs");
	if (!mem)
		return -ENODEV;

	res = platform_get_resource(pdev, IORESOURCE_MEM, 1);
	if (!res)
		return -ENODEV;
	res = request_mem_region(res->start, resource_size(res), res->name);
	if (!res)
		return -EBUSY;

	ndev = alloc_etherdev(sizeof(*priv));
	if (!ndev) {
		err = -ENOMEM;
		goto err_release;
	}
	priv = netdev_priv(ndev);
	priv->pdev = pdev;
	priv->ndev = ndev;
	ndev->netdev_ops = &embmac_ops;
	platform_set_drvdata(pdev, ndev);
	err = register_netdev(ndev);
	if (err)
		goto err_free;
	return 0;

err_free:
	free_netdev(ndev);
err_release:
	release_mem_region(res->start, resource_size(res));
	return err;
}

static int embmac_remove(struct platform_device *pdev)
{
	struct net_device *ndev = platform_get_drvdata(pdev);
	struct resource *res;

	unregister_netdev(ndev);
	res = platform_get_resource(pdev, IORESOURCE_MEM, 1);
	release_mem_region(res->start, resource_size(res));
	free_netdev(ndev);
	return 0;
}

static struct platform_driver embmac_driver = {
	.probe = embmac_probe,
	.remove = embmac_remove,
	.driver = {
		.name = "embmac",
	},
};
module_platform_driver(embmac_driver);

MODULE_LICENSE("GPL");
