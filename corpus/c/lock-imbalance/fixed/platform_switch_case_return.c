// SPDX-License-Identifier: GPL-2.0
/*
 * Bug pattern: inside a switch on the requested mode, one case returns
 * directly while the other cases break out to the common unlock.
 *
 * Models fixes like "don't return with hub->lock held for unsupported power
 * modes" in platform sensor-hub / PMIC drivers: the mode setter takes the
 * mutex, and the low-power case bails out with -EOPNOTSUPP on hardware that
 * lacks the feature instead of setting ret and breaking.
 * Fixed twin: the unsupported case sets ret and breaks to the unlock.
 */
#include <linux/module.h>
#include <linux/platform_device.h>
#include <linux/mutex.h>
#include <linux/io.h>
#include <linux/sysfs.h>
#include <linux/property.h>

#define SHUB_REG_CTRL		0x00
#define SHUB_CTRL_EN		BIT(0)
#define SHUB_CTRL_LP		BIT(1)

enum shub_mode { SHUB_MODE_OFF, SHUB_MODE_LOW_POWER, SHUB_MODE_ACTIVE };
static const char * const shub_mode_names[] = { "off", "low-power", "active" };

struct shub {
	void __iomem *base;
	struct mutex lock;
	enum shub_mode mode;
	bool has_lp;
};

static int shub_set_mode(struct shub *hub, enum shub_mode mode)
{
	int ret = 0;

	mutex_lock(&hub->lock);
	switch (mode) {
	case SHUB_MODE_OFF:
		writel(0, hub->base + SHUB_REG_CTRL);
		break;
	case SHUB_MODE_LOW_POWER:
		if (!hub->has_lp) {
			ret = -EOPNOTSUPP;
			break;
		}
		writel(SHUB_CTRL_EN | SHUB_CTRL_LP, hub->base + SHUB_REG_CTRL);
		break;
	case SHUB_MODE_ACTIVE:
		writel(SHUB_CTRL_EN, hub->base + SHUB_REG_CTRL);
		break;
	default:
		ret = -EINVAL;
		break;
	}
	if (!ret)
		hub->mode = mode;
	mutex_unlock(&hub->lock);
	return ret;
}

static ssize_t mode_show(struct device *dev, struct device_attribute *attr,
			 char *buf)
{
	struct shub *hub = dev_get_drvdata(dev);
	enum shub_mode mode;

	mutex_lock(&hub->lock);
	mode = hub->mode;
	mutex_unlock(&hub->lock);
	return sysfs_emit(buf, "%s\n", shub_mode_names[mode]);
}

static ssize_t mode_store(struct device *dev, struct device_attribute *attr,
			  const char *buf, size_t count)
{
	struct shub *hub = dev_get_drvdata(dev);
	int mode, ret;

	mode = sysfs_match_string(shub_mode_names, buf);
	if (mode < 0)
		return mode;
	ret = shub_set_mode(hub, mode);
	if (ret) {
		dev_err(dev, "cannot enter mode %s: %d\n", shub_mode_names[mode], ret);
		return ret;
	}
	return count;
}
static DEVICE_ATTR_RW(mode);

static struct attribute *shub_attrs[] = {
	&dev_attr_mode.attr,
	NULL
};
ATTRIBUTE_GROUPS(shub);

static int shub_probe(struct platform_device *pdev)
{
	struct shub *hub;

	hub = devm_kzalloc(&pdev->dev, sizeof(*hub), GFP_KERNEL);
	if (!hub)
		return -ENOMEM;
	hub->base = devm_platform_ioremap_resource(pdev, 0);
	if (IS_ERR(hub->base))
		return PTR_ERR(hub->base);
	hub->has_lp = device_property_read_bool(&pdev->dev, "shub,low-power");
	mutex_init(&hub->lock);
	platform_set_drvdata(pdev, hub);
	return shub_set_mode(hub, SHUB_MODE_OFF);
}

static struct platform_driver shub_driver = {
	.probe	= shub_probe,
	.driver	= { .name = "shub", .dev_groups = shub_groups },
};
module_platform_driver(shub_driver);
MODULE_LICENSE("GPL");
