// SPDX-License-Identifier: GPL-2.0
/*
 * hmx - I2C humidity/temperature sensor with a data-ready interrupt line.
 * Tricky: the interrupt is registered with request_threaded_irq() and the
 * file contains an "IRQ function" that takes a mutex, does i2c_transfer()
 * and msleep().  A checker that treats every function passed to an
 * request_*irq() call as a hard-IRQ handler (or that takes the handler from
 * the wrong argument) reports all three.
 * Correct: only the primary handler hmx_irq_primary() runs in hard-IRQ
 * context, and it just stamps the time and returns IRQ_WAKE_THREAD.  The
 * sleeping work is in hmx_irq_thread(), the thread_fn, which runs in a
 * kernel thread (IRQF_ONESHOT keeps the line masked until it returns).
 */
#include <linux/module.h>
#include <linux/i2c.h>
#include <linux/interrupt.h>
#include <linux/mutex.h>
#include <linux/delay.h>
#include <linux/timekeeping.h>

#define HMX_REG_STATUS		0x00
#define HMX_REG_DATA		0x01
#define HMX_REG_CMD		0x0e
#define HMX_CMD_RESTART		0x01
#define HMX_STATUS_ERR		BIT(7)

struct hmx {
	struct i2c_client *client;
	struct mutex lock;		/* serialises bus transactions */
	u64 irq_ts;
	u16 humidity;
	s16 temperature;
	u64 sample_ts;
};

static int hmx_read_regs(struct hmx *hmx, u8 reg, u8 *buf, int len)
{
	struct i2c_msg msgs[2] = {
		{ .addr = hmx->client->addr, .flags = 0, .len = 1, .buf = &reg },
		{ .addr = hmx->client->addr, .flags = I2C_M_RD, .len = len, .buf = buf },
	};
	int ret;

	ret = i2c_transfer(hmx->client->adapter, msgs, 2);
	if (ret < 0)
		return ret;
	return ret == 2 ? 0 : -EIO;
}

static irqreturn_t hmx_irq_primary(int irq, void *dev_id)
{
	struct hmx *hmx = dev_id;

	hmx->irq_ts = ktime_get_boottime_ns();
	return IRQ_WAKE_THREAD;
}

static irqreturn_t hmx_irq_thread(int irq, void *dev_id)
{
	struct hmx *hmx = dev_id;
	u8 status, data[4];
	int ret;

	mutex_lock(&hmx->lock);
	ret = hmx_read_regs(hmx, HMX_REG_STATUS, &status, 1);
	if (ret)
		goto out;
	if (status & HMX_STATUS_ERR) {
		/* Restart the conversion; the part needs 5 ms before new commands. */
		i2c_smbus_write_byte_data(hmx->client, HMX_REG_CMD, HMX_CMD_RESTART);
		msleep(5);
		goto out;
	}
	ret = hmx_read_regs(hmx, HMX_REG_DATA, data, sizeof(data));
	if (ret)
		goto out;
	hmx->humidity = (data[0] << 8) | data[1];
	hmx->temperature = (s16)((data[2] << 8) | data[3]);
	hmx->sample_ts = hmx->irq_ts;
out:
	mutex_unlock(&hmx->lock);
	return IRQ_HANDLED;
}

static int hmx_probe(struct i2c_client *client)
{
	struct hmx *hmx;
	int ret;

	hmx = devm_kzalloc(&client->dev, sizeof(*hmx), GFP_KERNEL);
	if (!hmx)
		return -ENOMEM;
	hmx->client = client;
	mutex_init(&hmx->lock);
	i2c_set_clientdata(client, hmx);

	ret = i2c_smbus_write_byte_data(client, HMX_REG_CMD, HMX_CMD_RESTART);
	if (ret)
		return ret;
	msleep(5);

	return request_threaded_irq(client->irq, hmx_irq_primary, hmx_irq_thread,
				    IRQF_ONESHOT, "hmx", hmx);
}

static void hmx_remove(struct i2c_client *client)
{
	struct hmx *hmx = i2c_get_clientdata(client);

	free_irq(client->irq, hmx);
}

static const struct i2c_device_id hmx_id[] = {
	{ "hmx", 0 },
	{ }
};
MODULE_DEVICE_TABLE(i2c, hmx_id);

static struct i2c_driver hmx_driver = {
	.driver = { .name = "hmx" },
	.probe_new = hmx_probe,
	.remove = hmx_remove,
	.id_table = hmx_id,
};
module_i2c_driver(hmx_driver);
MODULE_LICENSE("GPL");
