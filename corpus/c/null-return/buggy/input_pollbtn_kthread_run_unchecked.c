// SPDX-License-Identifier: GPL-2.0
/*
 * Bug pattern: kthread_run() result dereferenced with no check at all.
 * kthread_run() returns ERR_PTR(-ENOMEM) or ERR_PTR(-EINTR) on failure,
 * so reading task->pid straight away dereferences an error pointer.
 *
 * Models fixes like "check the return value of kthread_run()" in drivers
 * that poll a button or sensor register from a private kernel thread and
 * record the thread's pid for diagnostics: the fix tests the task with
 * IS_ERR() and fails probe with PTR_ERR().
 */
#include <linux/module.h>
#include <linux/platform_device.h>
#include <linux/input.h>
#include <linux/kthread.h>
#include <linux/sched.h>
#include <linux/delay.h>
#include <linux/device.h>
#include <linux/sysfs.h>
#include <linux/io.h>
#include <linux/of.h>

#define PBTN_STATE		0x00
#define PBTN_NBUTTONS		4
#define PBTN_POLL_MS		20

struct pollbtn {
	void __iomem *base;
	struct input_dev *input;
	struct task_struct *task;
	pid_t poll_pid;
	u32 last;
};

static int pollbtn_thread(void *data)
{
	struct pollbtn *pb = data;
	unsigned int i;
	u32 state;

	while (!kthread_should_stop()) {
		state = readl(pb->base + PBTN_STATE) & GENMASK(PBTN_NBUTTONS - 1, 0);
		if (state != pb->last) {
			for (i = 0; i < PBTN_NBUTTONS; i++)
				input_report_key(pb->input, BTN_0 + i, !!(state & BIT(i)));
			input_sync(pb->input);
			pb->last = state;
		}
		msleep_interruptible(PBTN_POLL_MS);
	}
	return 0;
}

static ssize_t poll_pid_show(struct device *dev, struct device_attribute *attr, char *buf)
{
	struct pollbtn *pb = dev_get_drvdata(dev);

	return sysfs_emit(buf, "%d\n", pb->poll_pid);
}
static DEVICE_ATTR_RO(poll_pid);

static int pollbtn_probe(struct platform_device *pdev)
{
	struct task_struct *task;
	struct pollbtn *pb;
	unsigned int i;
	int ret;

	pb = devm_kzalloc(&pdev->dev, sizeof(*pb), GFP_KERNEL);
	if (!pb)
		return -ENOMEM;
	pb->base = devm_platform_ioremap_resource(pdev, 0);
	if (IS_ERR(pb->base))
		return PTR_ERR(pb->base);

	pb->input = devm_input_allocate_device(&pdev->dev);
	if (!pb->input)
		return -ENOMEM;
	pb->input->name = "exmp polled buttons";
	for (i = 0; i < PBTN_NBUTTONS; i++)
		input_set_capability(pb->input, EV_KEY, BTN_0 + i);
	ret = input_register_device(pb->input);
	if (ret)
		return ret;

	platform_set_drvdata(pdev, pb);
	task = kthread_run(pollbtn_thread, pb, "exmp-pollbtn");
	pb->poll_pid = task->pid; /* expect: null-return */
	pb->task = task;

	ret = device_create_file(&pdev->dev, &dev_attr_poll_pid);
	if (ret) {
		kthread_stop(pb->task);
		return ret;
	}
	return 0;
}

static int pollbtn_remove(struct platform_device *pdev)
{
	struct pollbtn *pb = platform_get_drvdata(pdev);

	device_remove_file(&pdev->dev, &dev_attr_poll_pid);
	kthread_stop(pb->task);
	return 0;
}

static const struct of_device_id pollbtn_of_match[] = {
	{ .compatible = "example,polled-buttons" },
	{ }
};
MODULE_DEVICE_TABLE(of, pollbtn_of_match);

static struct platform_driver pollbtn_driver = {
	.probe	= pollbtn_probe,
	.remove	= pollbtn_remove,
	.driver	= {
		.name		= "exmp-pollbtn",
		.of_match_table	= pollbtn_of_match,
	},
};
module_platform_driver(pollbtn_driver);
MODULE_LICENSE("GPL");
