// SPDX-License-Identifier: GPL-2.0
/*
 * hcdx - a USB host controller's extended-capability parser: each port
 * capability may list protocol speed IDs (PSIs), which are copied into a
 * kcalloc()ed array.
 * Tricky: when kcalloc() fails the parser does not bail out: it sets
 * psi_count to 0 and goes on, so the loop that fills port_cap->psi[i] runs
 * zero times and never touches the NULL array.  Between the allocation and
 * the loop the parser decodes six independent capability bits, which gives
 * the analysis more paths than it keeps apart; when it merges them it must keep what the
 * re-tested psi_count was on each path (0 after a failed allocation,
 * non-zero otherwise), or the failed-allocation path would reach the loop.
 */
#include <linux/module.h>
#include <linux/slab.h>
#include <linux/io.h>
#include <linux/device.h>

#define HCDX_PSIC(x)	(((x) >> 28) & 0xf)

struct hcdx_port_cap {
	u32 *psi;
	u8 psi_count;
	u8 psi_uid_count;
	u8 maj_rev;
	bool lpm, hw_lpm, besl, integrated_hub, ssic, tunnel;
};

void hcdx_add_port_cap(struct device *dev, struct hcdx_port_cap *port_cap, void __iomem *addr)
{
	u32 temp = readl(addr);
	u32 caps = readl(addr + 4);
	int i;

	port_cap->psi_count = HCDX_PSIC(temp);
	if (port_cap->psi_count) {
		port_cap->psi = kcalloc(port_cap->psi_count, sizeof(*port_cap->psi), GFP_KERNEL);
		if (!port_cap->psi)
			port_cap->psi_count = 0;

		port_cap->psi_uid_count++;

		if (caps & BIT(0))
			port_cap->lpm = true;
		if (caps & BIT(1))
			port_cap->hw_lpm = true;
		if (caps & BIT(2))
			port_cap->besl = true;
		if (caps & BIT(3))
			port_cap->integrated_hub = true;
		if (caps & BIT(4))
			port_cap->ssic = true;
		if (caps & BIT(5))
			port_cap->tunnel = true;

		for (i = 0; i < port_cap->psi_count; i++) {
			port_cap->psi[i] = readl(addr + 8 + 4 * i);
			if (i && port_cap->psi[i] != port_cap->psi[i - 1])
				port_cap->psi_uid_count++;
		}
	}
}
EXPORT_SYMBOL_GPL(hcdx_add_port_cap);

MODULE_LICENSE("GPL");
