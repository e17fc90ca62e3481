// SPDX-License-Identifier: GPL-2.0
/*
 * Bug pattern: kzalloc(GFP_KERNEL) inside a write_lock_irq() region (sysfs
 * store): a reclaiming allocation with interrupts disabled.
 *
 * Models fixes like "allocate the keymap entry before taking map_lock" in
 * simple IR receiver drivers: the scancode-to-keycode map is a list behind an
 * rwlock because the receive interrupt looks scancodes up, and the store
 * that adds a mapping allocates the new node while holding the write side
 * with interrupts off.  The fix allocates the node before write_lock_irq()
 * and frees it if the scancode turns out to be mapped already.
 * Fixed twin: the node is allocated before write_lock_irq() and freed
 * after unlock if the scancode was already mapped.
 */
#include <linux/module.h>
#include <linux/platform_device.h>
#include <linux/of.h>
#include <linux/interrupt.h>
#include <linux/input.h>
#include <linux/spinlock.h>
#include <linux/list.h>
#include <linux/slab.h>
#include <linux/sysfs.h>
#include <linux/io.h>

#define IRRX_DATA		0x00
#define IRRX_DATA_VALID		BIT(31)
#define IRRX_SCAN_MASK		0xffff
#define IRRX_KEYCODE_LIMIT	0x2ff

struct irrx_map {
	struct list_head node;
	u16 scancode;
	u16 keycode;
};

struct irrx {
	void __iomem *base;
	struct input_dev *input;
	rwlock_t map_lock;		/* maps; read in hard IRQ */
	struct list_head maps;
};

static irqreturn_t irrx_irq(int irq, void *data)
{
	struct irrx *ir = data;
	struct irrx_map *m;
	u32 val = readl(ir->base + IRRX_DATA);
	u16 scan;

	if (!(val & IRRX_DATA_VALID))
		return IRQ_NONE;
	scan = val & IRRX_SCAN_MASK;

	read_lock(&ir->map_lock);
	list_for_each_entry(m, &ir->maps, node) {
		if (m->scancode == scan) {
			input_report_key(ir->input, m->keycode, 1);
			input_sync(ir->input);
			input_report_key(ir->input, m->keycode, 0);
			input_sync(ir->input);
			break;
		}
	}
	read_unlock(&ir->map_lock);
	return IRQ_HANDLED;
}

static ssize_t keymap_store(struct device *dev, struct device_attribute *attr,
			    const char *buf, size_t count)
{
	struct irrx *ir = dev_get_drvdata(dev);
	struct irrx_map *m, *new;
	unsigned int scan, key;

	if (sscanf(buf, "%x %u", &scan, &key) != 2)
		return -EINVAL;
	if (scan > IRRX_SCAN_MASK || key > IRRX_KEYCODE_LIMIT)
		return -EINVAL;

	new = kzalloc(sizeof(*new), GFP_KERNEL);
	if (!new)
		return -ENOMEM;
	new->scancode = scan;
	new->keycode = key;

	write_lock_irq(&ir->map_lock);
	list_for_each_entry(m, &ir->maps, node) {
		if (m->scancode == scan) {
			m->keycode = key;
			goto out;
		}
	}
	list_add_tail(&new->node, &ir->maps);
	new = NULL;
out:
	write_unlock_irq(&ir->map_lock);
	kfree(new);
	return count;
}
static DEVICE_ATTR_WO(keymap);

static struct attribute *irrx_attrs[] = {
	&dev_attr_keymap.attr,
	NULL
};
ATTRIBUTE_GROUPS(irrx);

static int irrx_probe(struct platform_device *pdev)
{
	struct irrx *ir;
	int irq, ret;

	ir = devm_kzalloc(&pdev->dev, sizeof(*ir), GFP_KERNEL);
	if (!ir)
		return -ENOMEM;
	rwlock_init(&ir->map_lock);
	INIT_LIST_HEAD(&ir->maps);

	ir->base = devm_platform_ioremap_resource(pdev, 0);
	if (IS_ERR(ir->base))
		return PTR_ERR(ir->base);

	ir->input = devm_input_allocate_device(&pdev->dev);
	if (!ir->input)
		return -ENOMEM;
	ir->input->name = "example IR receiver";
	input_set_capability(ir->input, EV_KEY, KEY_VOLUMEUP);
	input_set_capability(ir->input, EV_KEY, KEY_VOLUMEDOWN);
	input_set_capability(ir->input, EV_KEY, KEY_MUTE);
	ret = input_register_device(ir->input);
	if (ret)
		return ret;

	platform_set_drvdata(pdev, ir);
	irq = platform_get_irq(pdev, 0);
	if (irq < 0)
		return irq;
	return devm_request_irq(&pdev->dev, irq, irrx_irq, 0, "irrecv", ir);
}

static int irrx_remove(struct platform_device *pdev)
{
	struct irrx *ir = platform_get_drvdata(pdev);
	struct irrx_map *m, *tmp;

	write_lock_irq(&ir->map_lock);
	list_for_each_entry_safe(m, tmp, &ir->maps, node) {
		list_del(&m->node);
		kfree(m);
	}
	write_unlock_irq(&ir->map_lock);
	return 0;
}

static const struct of_device_id irrx_of_match[] = {
	{ .compatible = "example,ir-receiver" },
	{ }
};
MODULE_DEVICE_TABLE(of, irrx_of_match);

static struct platform_driver irrx_driver = {
	.probe	= irrx_probe,
	.remove	= irrx_remove,
	.driver	= {
		.name		= "irrecv",
		.of_match_table	= irrx_of_match,
		.dev_groups	= irrx_groups,
	},
};
module_platform_driver(irrx_driver);
MODULE_LICENSE("GPL");
