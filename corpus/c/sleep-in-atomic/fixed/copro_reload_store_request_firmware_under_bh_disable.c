// SPDX-License-Identifier: GPL-2.0
/*
 * Bug pattern: request_firmware() inside a local_bh_disable() section (sysfs
 * store): a filesystem/usermode-helper lookup that sleeps with bottom halves
 * disabled.
 *
 * Models fixes like "fetch the firmware before stopping the RX tasklet" in
 * coprocessor / radio drivers with a firmware reload knob: the store
 * disables softirqs so the RX tasklet cannot touch the halted core, then
 * asks the firmware loader for the image in that window.  The fix calls
 * request_firmware() first and only disables bottom halves around the
 * halt / load / restart register sequence.
 * Fixed twin: request_firmware() runs before local_bh_disable().
 */
#include <linux/module.h>
#include <linux/platform_device.h>
#include <linux/of.h>
#include <linux/interrupt.h>
#include <linux/bottom_half.h>
#include <linux/firmware.h>
#include <linux/sysfs.h>
#include <linux/io.h>

#define COPRO_FW_NAME		"example/copro.bin"
#define COPRO_CTRL		0x000
#define COPRO_CTRL_HALT		0
#define COPRO_CTRL_RUN		BIT(0)
#define COPRO_IRQ_ACK		0x004
#define COPRO_RX_COUNT		0x008
#define COPRO_RX_ACK		0x00c
#define COPRO_IMEM		0x1000
#define COPRO_IMEM_SIZE		0x4000

struct copro {
	void __iomem *base;
	struct device *dev;
	struct tasklet_struct rx_tasklet;
	unsigned long rx_frames;
	bool running;
};

static void copro_rx_tasklet(struct tasklet_struct *t)
{
	struct copro *cp = from_tasklet(cp, t, rx_tasklet);
	u32 n;

	if (!cp->running)
		return;
	n = readl(cp->base + COPRO_RX_COUNT);
	cp->rx_frames += n;
	writel(n, cp->base + COPRO_RX_ACK);
}

static irqreturn_t copro_irq(int irq, void *data)
{
	struct copro *cp = data;

	writel(1, cp->base + COPRO_IRQ_ACK);
	tasklet_schedule(&cp->rx_tasklet);
	return IRQ_HANDLED;
}

static int copro_load_image(struct copro *cp, const struct firmware *fw)
{
	const u32 *words = (const u32 *)fw->data;
	size_t i;

	if (fw->size > COPRO_IMEM_SIZE || fw->size % 4)
		return -EINVAL;
	for (i = 0; i < fw->size / 4; i++)
		writel(words[i], cp->base + COPRO_IMEM + i * 4);
	return 0;
}

static ssize_t reload_store(struct device *dev, struct device_attribute *attr,
			    const char *buf, size_t count)
{
	struct copro *cp = dev_get_drvdata(dev);
	const struct firmware *fw;
	bool go;
	int ret;

	ret = kstrtobool(buf, &go);
	if (ret)
		return ret;
	if (!go)
		return count;

	ret = request_firmware(&fw, COPRO_FW_NAME, cp->dev);
	if (ret)
		return ret;

	local_bh_disable();
	cp->running = false;
	writel(COPRO_CTRL_HALT, cp->base + COPRO_CTRL);
	ret = copro_load_image(cp, fw);
	writel(COPRO_CTRL_RUN, cp->base + COPRO_CTRL);
	cp->running = true;
	local_bh_enable();

	release_firmware(fw);
	return ret ? ret : count;
}
static DEVICE_ATTR_WO(reload);

static ssize_t rx_frames_show(struct device *dev, struct device_attribute *attr, char *buf)
{
	struct copro *cp = dev_get_drvdata(dev);

	return sysfs_emit(buf, "%lu\n", cp->rx_frames);
}
static DEVICE_ATTR_RO(rx_frames);

static struct attribute *copro_attrs[] = {
	&dev_attr_reload.attr,
	&dev_attr_rx_frames.attr,
	NULL
};
ATTRIBUTE_GROUPS(copro);

static int copro_probe(struct platform_device *pdev)
{
	const struct firmware *fw;
	struct copro *cp;
	int irq, ret;

	cp = devm_kzalloc(&pdev->dev, sizeof(*cp), GFP_KERNEL);
	if (!cp)
		return -ENOMEM;
	cp->dev = &pdev->dev;
	tasklet_setup(&cp->rx_tasklet, copro_rx_tasklet);

	cp->base = devm_platform_ioremap_resource(pdev, 0);
	if (IS_ERR(cp->base))
		return PTR_ERR(cp->base);

	ret = request_firmware(&fw, COPRO_FW_NAME, cp->dev);
	if (ret)
		return ret;
	ret = copro_load_image(cp, fw);
	release_firmware(fw);
	if (ret)
		return ret;
	writel(COPRO_CTRL_RUN, cp->base + COPRO_CTRL);
	cp->running = true;
	platform_set_drvdata(pdev, cp);

	irq = platform_get_irq(pdev, 0);
	if (irq < 0)
		return irq;
	return devm_request_irq(&pdev->dev, irq, copro_irq, 0, "copro", cp);
}

static int copro_remove(struct platform_device *pdev)
{
	struct copro *cp = platform_get_drvdata(pdev);

	writel(COPRO_CTRL_HALT, cp->base + COPRO_CTRL);
	disable_irq(platform_get_irq(pdev, 0));	/* the devm IRQ would reschedule the tasklet */
	tasklet_kill(&cp->rx_tasklet);
	return 0;
}

static const struct of_device_id copro_of_match[] = {
	{ .compatible = "example,copro" },
	{ }
};
MODULE_DEVICE_TABLE(of, copro_of_match);

static struct platform_driver copro_driver = {
	.probe	= copro_probe,
	.remove	= copro_remove,
	.driver	= {
		.name		= "copro",
		.of_match_table	= copro_of_match,
		.dev_groups	= copro_groups,
	},
};
module_platform_driver(copro_driver);
MODULE_LICENSE("GPL");
MODULE_FIRMWARE(COPRO_FW_NAME);
