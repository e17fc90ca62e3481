// SPDX-License-Identifier: GPL-2.0
/*
 * gbenic - reset of a PCIe gigabit NIC family whose MAC types differ in how
 * the PHY is shared with firmware.
 * Models the reset routines of multi-MAC drivers: a first switch on
 * hw->mac.type takes the software flag mutex through a helper that returns 0
 * with it held (only for the types that share the PHY), the reset then runs
 * a long series of independent, per-feature register fix-ups, and a second
 * switch on the same hw->mac.type releases the mutex for exactly the same
 * types, only if the helper succeeded.
 * Tricky: the fix-ups between the two switches give more than a hundred
 * paths, far more than a path-sensitive engine keeps apart; merging them
 * must not forget which MAC type each path took (an expression the
 * function tests again), or the second switch looks unrelated to the first.
 */
#include <linux/module.h>
#include <linux/mutex.h>
#include <linux/delay.h>
#include <linux/io.h>

enum gbe_mac_type { gbe_mac_a, gbe_mac_b, gbe_mac_c, gbe_mac_d };

#define GBE_CTRL	0x0000
#define GBE_EXTCNF	0x0f00
#define GBE_SWFLAG	BIT(5)
#define GBE_RST		BIT(26)

struct gbe_mac_info { enum gbe_mac_type type; };

struct gbe_hw {
	void __iomem *regs;
	struct gbe_mac_info mac;
	bool has_smbus, has_ulp, has_eee, has_lro, has_wol, has_ptp, has_flash;
};

static DEFINE_MUTEX(gbe_swflag_mutex);

static int gbe_get_swflag(struct gbe_hw *hw)
{
	int tries;

	mutex_lock(&gbe_swflag_mutex);
	for (tries = 0; tries < 100; tries++) {
		writel(GBE_SWFLAG, hw->regs + GBE_EXTCNF);
		if (readl(hw->regs + GBE_EXTCNF) & GBE_SWFLAG)
			return 0;
		usleep_range(1000, 2000);
	}
	mutex_unlock(&gbe_swflag_mutex);
	return -EBUSY;
}

static void gbe_put_swflag(struct gbe_hw *hw)
{
	writel(0, hw->regs + GBE_EXTCNF);
	mutex_unlock(&gbe_swflag_mutex);
}

static void gbe_fixup(struct gbe_hw *hw, u32 reg, u32 bits)
{
	writel(readl(hw->regs + reg) | bits, hw->regs + reg);
}

int gbe_reset_hw(struct gbe_hw *hw)
{
	int ret = 0;

	switch (hw->mac.type) {
	case gbe_mac_b:
	case gbe_mac_c:
		ret = gbe_get_swflag(hw);
		break;
	default:
		break;
	}

	gbe_fixup(hw, GBE_CTRL, GBE_RST);
	if (hw->has_smbus)
		gbe_fixup(hw, 0x0100, BIT(0));
	if (hw->has_ulp)
		gbe_fixup(hw, 0x0104, BIT(1));
	if (hw->has_eee)
		gbe_fixup(hw, 0x0108, BIT(2));
	if (hw->has_lro)
		gbe_fixup(hw, 0x010c, BIT(3));
	if (hw->has_wol)
		gbe_fixup(hw, 0x0110, BIT(4));
	if (hw->has_ptp)
		gbe_fixup(hw, 0x0114, BIT(5));
	if (hw->has_flash)
		gbe_fixup(hw, 0x0118, BIT(6));

	switch (hw->mac.type) {
	case gbe_mac_b:
	case gbe_mac_c:
		if (!ret)
			gbe_put_swflag(hw);
		break;
	default:
		break;
	}
	return ret;
}
EXPORT_SYMBOL_GPL(gbe_reset_hw);

MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("Reset of a gigabit NIC family with a shared PHY");
