// SPDX-License-Identifier: GPL-2.0
/*
 * Correct: allocations that cannot return NULL because they pass
 * __GFP_NOFAIL, used without a NULL test.
 *
 * The NVRAM event log must not lose the records written on the teardown
 * and reset paths (a missing "clean shutdown" record makes the firmware
 * run a full consistency check on the next boot), so those records are
 * allocated with __GFP_NOFAIL, which makes the page allocator retry
 * forever instead of failing:
 *   - plog_record(): kmem_cache_zalloc(cache, GFP_KERNEL | __GFP_NOFAIL)
 *     then e->code / list_add_tail(&e->node, ...);
 *   - plog_remove(): kzalloc(..., PLOG_NOFAIL_GFP), a driver macro that
 *     expands to GFP_NOIO | __GFP_NOFAIL, then rec->magic and memcpy();
 *   - plog_probe(): kcalloc(..., GFP_KERNEL | __GFP_NOFAIL) for the
 *     shadow copy, then shadow[i].
 * The ordinary allocation in probe (devm_kzalloc without the flag) is
 * tested as usual.
 *
 * A naive checker treats every kmalloc-family result as possibly NULL
 * and reports the first dereference of each; with __GFP_NOFAIL in the
 * flags argument (directly or through a macro) the result is never NULL.
 */
#include <linux/module.h>
#include <linux/platform_device.h>
#include <linux/of.h>
#include <linux/slab.h>
#include <linux/list.h>
#include <linux/mutex.h>
#include <linux/io.h>
#include <linux/timekeeping.h>

#define PLOG_NOFAIL_GFP		(GFP_NOIO | __GFP_NOFAIL)
#define PLOG_MAGIC		0x504c4f47
#define PLOG_EV_PROBE		1
#define PLOG_EV_SHUTDOWN	2
#define PLOG_SLOTS		32

struct plog_rec {
	u32 magic;
	u32 code;
	u64 stamp;
};

struct plog_entry {
	struct list_head node;
	u32 code;
	u64 stamp;
};

struct plog {
	void __iomem *nvram;
	struct mutex lock;	/* pending list */
	struct list_head pending;
	struct plog_rec *shadow;
};

static struct kmem_cache *plog_cache;

static void plog_record(struct plog *pl, u32 code)
{
	struct plog_entry *e;

	e = kmem_cache_zalloc(plog_cache, GFP_KERNEL | __GFP_NOFAIL);
	e->code = code;
	e->stamp = ktime_get_real_seconds();
	mutex_lock(&pl->lock);
	list_add_tail(&e->node, &pl->pending);
	mutex_unlock(&pl->lock);
}

static int plog_probe(struct platform_device *pdev)
{
	struct plog_rec *shadow;
	struct plog *pl;
	int i;

	pl = devm_kzalloc(&pdev->dev, sizeof(*pl), GFP_KERNEL);
	if (!pl)
		return -ENOMEM;
	mutex_init(&pl->lock);
	INIT_LIST_HEAD(&pl->pending);

	pl->nvram = devm_platform_ioremap_resource(pdev, 0);
	if (IS_ERR(pl->nvram))
		return PTR_ERR(pl->nvram);

	shadow = kcalloc(PLOG_SLOTS, sizeof(*shadow), GFP_KERNEL | __GFP_NOFAIL);
	for (i = 0; i < PLOG_SLOTS; i++)
		shadow[i].magic = PLOG_MAGIC;
	pl->shadow = shadow;

	platform_set_drvdata(pdev, pl);
	plog_record(pl, PLOG_EV_PROBE);
	return 0;
}

static int plog_remove(struct platform_device *pdev)
{
	struct plog *pl = platform_get_drvdata(pdev);
	struct plog_entry *e, *tmp;
	struct plog_rec *rec;

	rec = kzalloc(sizeof(*rec), PLOG_NOFAIL_GFP);
	rec->magic = PLOG_MAGIC;
	rec->code = PLOG_EV_SHUTDOWN;
	rec->stamp = ktime_get_real_seconds();
	memcpy(&pl->shadow[0], rec, sizeof(*rec));
	memcpy_toio(pl->nvram, rec, sizeof(*rec));
	kfree(rec);

	mutex_lock(&pl->lock);
	list_for_each_entry_safe(e, tmp, &pl->pending, node) {
		list_del(&e->node);
		kmem_cache_free(plog_cache, e);
	}
	mutex_unlock(&pl->lock);
	kfree(pl->shadow);
	return 0;
}

static const struct of_device_id plog_of_match[] = {
	{ .compatible = "example,nvram-eventlog" },
	{ }
};
MODULE_DEVICE_TABLE(of, plog_of_match);

static struct platform_driver plog_driver = {
	.probe	= plog_probe,
	.remove	= plog_remove,
	.driver	= {
		.name		= "nvram-eventlog",
		.of_match_table	= plog_of_match,
	},
};

static int __init plog_init(void)
{
	int ret;

	plog_cache = KMEM_CACHE(plog_entry, 0);
	if (!plog_cache)
		return -ENOMEM;
	ret = platform_driver_register(&plog_driver);
	if (ret)
		kmem_cache_destroy(plog_cache);
	return ret;
}

static void __exit plog_exit(void)
{
	platform_driver_unregister(&plog_driver);
	kmem_cache_destroy(plog_cache);
}

module_init(plog_init);
module_exit(plog_exit);
MODULE_LICENSE("GPL");
