// SPDX-License-Identifier: GPL-2.0
/*
 * Bug pattern: msleep() in a hard interrupt handler registered with
 * request_irq().
 *
 * Models fixes like "Input: <keypad> - use threaded IRQ for debouncing" in
 * GPIO-matrix keypad drivers: the primary handler waits for the contacts to
 * settle with msleep() before sampling the column lines.  A hard IRQ handler
 * runs with interrupts disabled and must never sleep ("BUG: scheduling while
 * atomic").  The fix registers the same function as the thread_fn of a
 * threaded IRQ (no primary handler, IRQF_ONESHOT), where sleeping is allowed.
 * Fixed twin: kpd_irq() is registered as the thread_fn of
 * request_threaded_irq(), so msleep() runs in the IRQ thread.
 */
#include <linux/module.h>
#include <linux/platform_device.h>
#include <linux/interrupt.h>
#include <linux/gpio/consumer.h>
#include <linux/input.h>
#include <linux/delay.h>
#include <linux/slab.h>

#define KPD_NCOLS		4
#define KPD_DEBOUNCE_MS		20

struct kpd_priv {
	struct device *dev;
	struct input_dev *input;
	struct gpio_desc *cols[KPD_NCOLS];
	int irq;
	u8 last_state;
};

static const unsigned short kpd_keycodes[KPD_NCOLS] = {
	KEY_UP, KEY_DOWN, KEY_ENTER, KEY_ESC,
};

static irqreturn_t kpd_irq(int irq, void *dev_id)
{
	struct kpd_priv *kpd = dev_id;
	u8 state = 0, changed;
	int i;

	/* let the contacts settle before sampling the columns */
	msleep(KPD_DEBOUNCE_MS);

	for (i = 0; i < KPD_NCOLS; i++)
		if (gpiod_get_value(kpd->cols[i]))
			state |= 1U << i;

	changed = state ^ kpd->last_state;
	if (!changed)
		return IRQ_NONE;

	for (i = 0; i < KPD_NCOLS; i++)
		if (changed & (1U << i))
			input_report_key(kpd->input, kpd_keycodes[i], state & (1U << i));
	input_sync(kpd->input);
	kpd->last_state = state;
	return IRQ_HANDLED;
}

static int kpd_probe(struct platform_device *pdev)
{
	struct kpd_priv *kpd;
	int i, ret;

	kpd = devm_kzalloc(&pdev->dev, sizeof(*kpd), GFP_KERNEL);
	if (!kpd)
		return -ENOMEM;
	kpd->dev = &pdev->dev;

	for (i = 0; i < KPD_NCOLS; i++) {
		kpd->cols[i] = devm_gpiod_get_index(&pdev->dev, "col", i, GPIOD_IN);
		if (IS_ERR(kpd->cols[i]))
			return PTR_ERR(kpd->cols[i]);
	}

	kpd->input = devm_input_allocate_device(&pdev->dev);
	if (!kpd->input)
		return -ENOMEM;
	kpd->input->name = "kpd-matrix";
	for (i = 0; i < KPD_NCOLS; i++)
		input_set_capability(kpd->input, EV_KEY, kpd_keycodes[i]);
	ret = input_register_device(kpd->input);
	if (ret)
		return ret;

	kpd->irq = platform_get_irq(pdev, 0);
	if (kpd->irq < 0)
		return kpd->irq;
	ret = request_threaded_irq(kpd->irq, NULL, kpd_irq,
				   IRQF_TRIGGER_FALLING | IRQF_ONESHOT, "kpd-matrix", kpd);
	if (ret) {
		dev_err(&pdev->dev, "cannot request irq %d: %d\n", kpd->irq, ret);
		return ret;
	}
	platform_set_drvdata(pdev, kpd);
	return 0;
}

static int kpd_remove(struct platform_device *pdev)
{
	struct kpd_priv *kpd = platform_get_drvdata(pdev);

	free_irq(kpd->irq, kpd);
	return 0;
}

static const struct of_device_id kpd_of_match[] = {
	{ .compatible = "acme,kpd-matrix" },
	{ }
};
MODULE_DEVICE_TABLE(of, kpd_of_match);

static struct platform_driver kpd_driver = {
	.probe	= kpd_probe,
	.remove	= kpd_remove,
	.driver	= {
		.name = "kpd-matrix",
		.of_match_table = kpd_of_match,
	},
};
module_platform_driver(kpd_driver);
MODULE_LICENSE("GPL");
