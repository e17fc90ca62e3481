// SPDX-License-Identifier: GPL-2.0
/* Platform 4-channel LED fader with one self-re-arming timer per channel; remove stops every channel with del_timer_sync() in a loop before kfree(priv). */
#include <linux/module.h>
#include <linux/platform_device.h>
#include <linux/timer.h>
#include <linux/jiffies.h>
#include <linux/slab.h>
#include <linux/io.h>
#include <linux/of.h>

#define FADE_NR_CH		4
#define FADE_REG_DUTY(n)	(0x10 + 4 * (n))
#define FADE_REG_ENABLE		0x00
#define FADE_STEP_MS		10
#define FADE_MAX_DUTY		255

struct fade_priv;

struct fade_chan {
	struct fade_priv *priv;
	struct timer_list timer;
	unsigned int idx;
	int duty;
	int step;
};

struct fade_priv {
	void __iomem *regs;
	struct fade_chan chan[FADE_NR_CH];
};

static void fade_timer_fn(struct timer_list *t)
{
	struct fade_chan *ch = from_timer(ch, t, timer);

	ch->duty += ch->step;
	if (ch->duty <= 0 || ch->duty >= FADE_MAX_DUTY) {
		ch->duty = clamp(ch->duty, 0, FADE_MAX_DUTY);
		ch->step = -ch->step;
	}
	writel(ch->duty, ch->priv->regs + FADE_REG_DUTY(ch->idx));
	mod_timer(&ch->timer, jiffies + msecs_to_jiffies(FADE_STEP_MS));
}

static int fade_probe(struct platform_device *pdev)
{
	struct fade_priv *priv;
	unsigned int i;
	int ret;

	priv = kzalloc(sizeof(*priv), GFP_KERNEL);
	if (!priv)
		return -ENOMEM;

	priv->regs = devm_platform_ioremap_resource(pdev, 0);
	if (IS_ERR(priv->regs)) {
		ret = PTR_ERR(priv->regs);
		kfree(priv);
		return ret;
	}
	platform_set_drvdata(pdev, priv);
	writel(GENMASK(FADE_NR_CH - 1, 0), priv->regs + FADE_REG_ENABLE);

	for (i = 0; i < FADE_NR_CH; i++) {
		struct fade_chan *ch = &priv->chan[i];

		ch->priv = priv;
		ch->idx = i;
		ch->step = 4 + 2 * i;
		timer_setup(&ch->timer, fade_timer_fn, 0);
		mod_timer(&ch->timer, jiffies + msecs_to_jiffies(FADE_STEP_MS * (i + 1)));
	}
	return 0;
}

static int fade_remove(struct platform_device *pdev)
{
	struct fade_priv *priv = platform_get_drvdata(pdev);
	int i;

	for (i = 0; i < FADE_NR_CH; i++)
		del_timer_sync(&priv->chan[i].timer);
	writel(0, priv->regs + FADE_REG_ENABLE);
	kfree(priv);
	return 0;
}

static const struct of_device_id fade_of_match[] = {
	{ .compatible = "example,led-fader" },
	{ }
};
MODULE_DEVICE_TABLE(of, fade_of_match);

static struct platform_driver fade_driver = {
	.probe	= fade_probe,
	.remove	= fade_remove,
	.driver	= {
		.name		= "exledfader",
		.of_match_table	= fade_of_match,
	},
};
module_platform_driver(fade_driver);
MODULE_DESCRIPTION("Example platform LED fader");
MODULE_LICENSE("GPL");
