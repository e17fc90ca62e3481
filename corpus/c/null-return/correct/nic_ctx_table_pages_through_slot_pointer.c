// SPDX-License-Identifier: GPL-2.0
/*
 * qcx - a NIC's connection-context table: a list of DMA pages, each
 * described by a slot { virt, phys, size } in an array the driver owns.
 * Tricky: the allocation is stored through a pointer to the slot's
 * "virt" field (void **p_virt = &tbl->pages[i].virt), the NULL test reads
 * the field itself, and the page is then cleared through the pointer
 * again.  Both names are the same object: a value stored through a
 * pointer that holds an object's address is that object's value.
 */
#include <linux/module.h>
#include <linux/dma-mapping.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/minmax.h>

struct qcx_page {
	void *virt;
	dma_addr_t phys;
	u32 size;
};

struct qcx_table {
	struct device *dev;
	struct qcx_page *pages;
	u32 num_pages;
};

static int qcx_alloc_pages(struct qcx_table *tbl, u32 total, u32 page_size)
{
	void **p_virt;
	u32 size, i;

	if (!tbl || !tbl->pages)
		return -EINVAL;

	for (i = 0; i < tbl->num_pages; i++) {
		size = min_t(u32, total, page_size);
		p_virt = &tbl->pages[i].virt;

		*p_virt = dma_alloc_coherent(tbl->dev, size, &tbl->pages[i].phys, GFP_KERNEL);
		if (!tbl->pages[i].virt)
			return -ENOMEM;

		memset(*p_virt, 0, size);
		tbl->pages[i].size = size;
		total -= size;
	}
	return 0;
}

int qcx_table_init(struct qcx_table *tbl, struct device *dev, u32 total, u32 page_size)
{
	tbl->dev = dev;
	tbl->num_pages = DIV_ROUND_UP(total, page_size);
	tbl->pages = kcalloc(tbl->num_pages, sizeof(*tbl->pages), GFP_KERNEL);
	if (!tbl->pages)
		return -ENOMEM;
	return qcx_alloc_pages(tbl, total, page_size);
}
EXPORT_SYMBOL(qcx_table_init);

MODULE_LICENSE("GPL");
