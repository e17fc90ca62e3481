// SPDX-License-Identifier: GPL-2.0
/*
 * wanport - synchronous serial (HDLC) port of an embedded network processor,
 * with the carrier-detect line on a GPIO.
 * Models WAN drivers built on the generic HDLC layer: ndo_open requests the
 * carrier-detect IRQ with the net_device as its cookie and ndo_stop frees
 * it; remove() only calls unregister_hdlc_device() and free_netdev().
 * Tricky: remove() itself stops nothing, yet the IRQ handler, which uses
 * the port data inside the net_device, is gone before free_netdev():
 * unregister_hdlc_device() unregisters the netdev, and the networking core
 * closes a running device through its ndo_stop first (`invokes` rule).
 */
#include <linux/module.h>
#include <linux/platform_device.h>
#include <linux/netdevice.h>
#include <linux/hdlc.h>
#include <linux/interrupt.h>
#include <linux/gpio/consumer.h>
#include <linux/io.h>

#define WANPORT_CTRL	0x00
#define WANPORT_EN	0x1

struct wanport {
	struct net_device *netdev;
	struct gpio_desc *dcd;
	void __iomem *regs;
	unsigned int carrier_changes;
};

static irqreturn_t wanport_dcd_irq(int irq, void *data)
{
	struct net_device *dev = data;
	struct wanport *port = dev_to_hdlc(dev)->priv;

	port->carrier_changes++;
	if (gpiod_get_value(port->dcd))
		netif_carrier_on(dev);
	else
		netif_carrier_off(dev);
	return IRQ_HANDLED;
}

static int wanport_open(struct net_device *dev)
{
	struct wanport *port = dev_to_hdlc(dev)->priv;
	int err;

	err = hdlc_open(dev);
	if (err)
		return err;
	err = request_irq(gpiod_to_irq(port->dcd), wanport_dcd_irq, 0, "wanport", dev);
	if (err) {
		hdlc_close(dev);
		return err;
	}
	writel(WANPORT_EN, port->regs + WANPORT_CTRL);
	netif_start_queue(dev);
	return 0;
}

static int wanport_close(struct net_device *dev)
{
	struct wanport *port = dev_to_hdlc(dev)->priv;

	netif_stop_queue(dev);
	writel(0, port->regs + WANPORT_CTRL);
	free_irq(gpiod_to_irq(port->dcd), dev);
	hdlc_close(dev);
	return 0;
}

static const struct net_device_ops wanport_ops = {
	.ndo_open = wanport_open,
	.ndo_stop = wanport_close,
};

static int wanport_probe(struct platform_device *pdev)
{
	struct wanport *port;
	struct net_device *ndev;
	int err;

	port = devm_kzalloc(&pdev->dev, sizeof(*port), GFP_KERNEL);
	if (!port)
		return -ENOMEM;
	port->regs = devm_platform_ioremap_resource(pdev, 0);
	if (IS_ERR(port->regs))
		return PTR_ERR(port->regs);
	port->dcd = devm_gpiod_get(&pdev->dev, "dcd", GPIOD_IN);
	if (IS_ERR(port->dcd))
		return PTR_ERR(port->dcd);

	ndev = alloc_hdlcdev(port);
	if (!ndev)
		return -ENOMEM;
	port->netdev = ndev;
	ndev->netdev_ops = &wanport_ops;
	SET_NETDEV_DEV(ndev, &pdev->dev);
	err = register_hdlc_device(ndev);
	if (err) {
		free_netdev(ndev);
		return err;
	}
	platform_set_drvdata(pdev, port);
	return 0;
}

static int wanport_remove(struct platform_device *pdev)
{
	struct wanport *port = platform_get_drvdata(pdev);

	unregister_hdlc_device(port->netdev);
	free_netdev(port->netdev);
	return 0;
}

static struct platform_driver wanport_driver = {
	.probe = wanport_probe,
	.remove = wanport_remove,
	.driver = {
		.name = "wanport",
	},
};
module_platform_driver(wanport_driver);

MODULE_LICENSE("GPL");
