// SPDX-License-Identifier: GPL-2.0
/*
 * bbkbd - bit-banged PS/2 port on two GPIOs, exposed to the input layer as
 * a serio port.
 * Models serio port drivers whose remove() is a single
 * serio_unregister_port(): the port's own close callback (serio->close,
 * assigned in probe) flushes the transmit work and masks the clock IRQ, and
 * the serio core runs it when the keyboard driver bound to the port
 * disconnects during the unregister.  The driver data and the port are
 * devm/serio-owned and freed only after that.
 * Tricky: remove() itself stops nothing, yet the work and the IRQ are stopped
 * before anything they use is freed (`invokes` rule: serio_unregister_port
 * runs serio.close).
 */
#include <linux/module.h>
#include <linux/platform_device.h>
#include <linux/serio.h>
#include <linux/interrupt.h>
#include <linux/workqueue.h>
#include <linux/gpio/consumer.h>
#include <linux/slab.h>

struct bbkbd {
	struct serio *serio;
	struct gpio_desc *clk;
	struct gpio_desc *data;
	int irq;
	struct delayed_work tx_work;
	u8 tx_byte;
	u8 *rx_buf;
};

static void bbkbd_tx_work(struct work_struct *work)
{
	struct bbkbd *kb = container_of(work, struct bbkbd, tx_work.work);

	gpiod_set_value(kb->data, kb->tx_byte & 1);
	kb->rx_buf[0] = 0;
}

static irqreturn_t bbkbd_irq(int irq, void *dev_id)
{
	struct bbkbd *kb = dev_id;

	kb->rx_buf[0] = gpiod_get_value(kb->data);
	if (kb->rx_buf[0] == 0xfe) {	/* resend request: clock the byte out again */
		schedule_delayed_work(&kb->tx_work, usecs_to_jiffies(200));
		return IRQ_HANDLED;
	}
	serio_interrupt(kb->serio, kb->rx_buf[0], 0);
	return IRQ_HANDLED;
}

static int bbkbd_open(struct serio *serio)
{
	struct bbkbd *kb = serio->port_data;

	enable_irq(kb->irq);
	return 0;
}

static void bbkbd_close(struct serio *serio)
{
	struct bbkbd *kb = serio->port_data;

	flush_delayed_work(&kb->tx_work);
	disable_irq(kb->irq);
}

static int bbkbd_write(struct serio *serio, unsigned char val)
{
	struct bbkbd *kb = serio->port_data;

	kb->tx_byte = val;
	schedule_delayed_work(&kb->tx_work, usecs_to_jiffies(200));
	return 0;
}

static int bbkbd_probe(struct platform_device *pdev)
{
	struct bbkbd *kb;
	struct serio *serio;
	int ret;

	kb = devm_kzalloc(&pdev->dev, sizeof(*kb), GFP_KERNEL);
	if (!kb)
		return -ENOMEM;
	kb->rx_buf = devm_kzalloc(&pdev->dev, 16, GFP_KERNEL);
	serio = kzalloc(sizeof(*serio), GFP_KERNEL);
	if (!kb->rx_buf || !serio) {
		kfree(serio);
		return -ENOMEM;
	}
	kb->clk = devm_gpiod_get(&pdev->dev, "clk", GPIOD_IN);
	kb->data = devm_gpiod_get(&pdev->dev, "data", GPIOD_IN);
	if (IS_ERR(kb->clk) || IS_ERR(kb->data)) {
		kfree(serio);
		return -ENODEV;
	}
	kb->irq = gpiod_to_irq(kb->clk);
	ret = devm_request_irq(&pdev->dev, kb->irq, bbkbd_irq, IRQF_NO_AUTOEN, "bbkbd", kb);
	if (ret) {
		kfree(serio);
		return ret;
	}
	INIT_DELAYED_WORK(&kb->tx_work, bbkbd_tx_work);
	serio->id.type = SERIO_8042;
	serio->open = bbkbd_open;
	serio->close = bbkbd_close;
	serio->write = bbkbd_write;
	serio->port_data = kb;
	serio->dev.parent = &pdev->dev;
	kb->serio = serio;
	serio_register_port(serio);
	platform_set_drvdata(pdev, kb);
	return 0;
}

static int bbkbd_remove(struct platform_device *pdev)
{
	struct bbkbd *kb = platform_get_drvdata(pdev);

	serio_unregister_port(kb->serio);
	return 0;
}

static struct platform_driver bbkbd_driver = {
	.probe = bbkbd_probe,
	.remove = bbkbd_remove,
	.driver = { .name = "bbkbd" },
};
module_platform_driver(bbkbd_driver);

MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("Bit-banged PS/2 port");
