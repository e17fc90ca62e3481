// SPDX-License-Identifier: GPL-2.0
/*
 * tgpio - GPIO block with a shared interrupt-mask register.
 * Tricky: the register lock is never taken directly by the users.
 * tgpio_lock()/tgpio_unlock() wrap spin_lock_irq()/spin_unlock_irq(), and a
 * second, annotated pair (__acquires/__releases) wraps the debounce lock.
 * tgpio_lock() returns with the lock held on every path and tgpio_unlock()
 * releases a lock it never took; seen in isolation both look unbalanced.
 * The callers use the helpers in pairs through a differently named pointer
 * (chip vs. tg), including early returns that unlock first.
 */
#include <linux/module.h>
#include <linux/spinlock.h>
#include <linux/workqueue.h>
#include <linux/device.h>
#include <linux/io.h>

#define TGPIO_IRQ_MASK		0x10
#define TGPIO_IRQ_TYPE		0x14
#define TGPIO_DEBOUNCE		0x18
#define TGPIO_NR_LINES		32

struct tgpio {
	struct device *dev;
	void __iomem *base;
	spinlock_t lock;		/* protects IRQ_MASK/IRQ_TYPE and the shadows */
	spinlock_t db_lock;		/* protects DEBOUNCE */
	u32 mask_shadow;
	u32 type_shadow;
	struct work_struct resync_work;
};

static void tgpio_lock(struct tgpio *tg)
{
	spin_lock_irq(&tg->lock);
}

static void tgpio_unlock(struct tgpio *tg)
{
	spin_unlock_irq(&tg->lock);
}

static void tgpio_db_lock(struct tgpio *tg) __acquires(&tg->db_lock)
{
	spin_lock(&tg->db_lock);
}

static void tgpio_db_unlock(struct tgpio *tg) __releases(&tg->db_lock)
{
	spin_unlock(&tg->db_lock);
}

static int tgpio_irq_set_masked(struct tgpio *chip, unsigned int line, bool masked)
{
	u32 bit;

	if (line >= TGPIO_NR_LINES)
		return -EINVAL;
	bit = BIT(line);

	tgpio_lock(chip);
	if (!!(chip->mask_shadow & bit) == masked) {
		tgpio_unlock(chip);
		return 0;
	}
	chip->mask_shadow ^= bit;
	writel(chip->mask_shadow, chip->base + TGPIO_IRQ_MASK);
	tgpio_unlock(chip);
	return 0;
}

static int tgpio_set_debounce(struct tgpio *chip, unsigned int line, bool on)
{
	u32 val;

	if (line >= TGPIO_NR_LINES)
		return -EINVAL;

	tgpio_db_lock(chip);
	val = readl(chip->base + TGPIO_DEBOUNCE);
	if (on)
		val |= BIT(line);
	else
		val &= ~BIT(line);
	writel(val, chip->base + TGPIO_DEBOUNCE);
	tgpio_db_unlock(chip);
	return 0;
}

static void tgpio_resync_work(struct work_struct *work)
{
	struct tgpio *chip = container_of(work, struct tgpio, resync_work);

	tgpio_lock(chip);
	writel(chip->type_shadow, chip->base + TGPIO_IRQ_TYPE);
	writel(chip->mask_shadow, chip->base + TGPIO_IRQ_MASK);
	tgpio_unlock(chip);

	if (tgpio_set_debounce(chip, 0, true))
		dev_err(chip->dev, "cannot restore debounce\n");
	tgpio_irq_set_masked(chip, 0, false);
}

MODULE_LICENSE("GPL");
