// SPDX-License-Identifier: GPL-2.0
/*
 * awl - receive handler of an old PCMCIA/PCI WLAN card.  It reads the
 * frame header, allocates an skb, copies the frame, and at one exit label
 * acknowledges the event and - only if "success" was set - delivers the
 * skb.  An allocation failure jumps to that label with success still 0.
 * Tricky: the skb is dereferenced after the label without a NULL test;
 * only the success flag guards it.  The handler also tests six mode bits
 * both before and after the label (802.11 mode, monitor, spy, ...), so the
 * analysis sees more paths than it keeps apart and has to merge them: it
 * must not merge the path that found the skb NULL with one that found it
 * valid.
 */
#include <linux/module.h>
#include <linux/netdevice.h>
#include <linux/skbuff.h>
#include <linux/io.h>

#define AWL_MODE_80211	BIT(0)
#define AWL_MODE_MON	BIT(1)
#define AWL_MODE_SPY	BIT(2)
#define AWL_MODE_MIC	BIT(3)
#define AWL_MODE_WEP	BIT(4)
#define AWL_MODE_RSSI	BIT(5)
#define AWL_MAX_MTU	2312

struct awl_info {
	struct net_device *dev;
	struct net_device *wifidev;
	void __iomem *regs;
	unsigned long mode;
	unsigned long rx_frames, rx_mon, rx_spy, rx_mic, rx_wep, rx_rssi;
};

void awl_read_data(struct awl_info *ai, void *buf, unsigned int len);

void awl_handle_rx(struct awl_info *ai)
{
	struct sk_buff *skb = NULL;
	unsigned int len, hdrlen;
	int success = 0;

	len = readw(ai->regs + 0x10);
	hdrlen = (ai->mode & AWL_MODE_80211) ? 24 : 12;
	if (ai->mode & AWL_MODE_MON)
		ai->rx_mon++;
	if (ai->mode & AWL_MODE_SPY)
		ai->rx_spy++;
	if (ai->mode & AWL_MODE_MIC)
		ai->rx_mic++;
	if (ai->mode & AWL_MODE_WEP)
		ai->rx_wep++;
	if (ai->mode & AWL_MODE_RSSI)
		ai->rx_rssi++;
	if (len == 0 || len > AWL_MAX_MTU)
		goto done;

	skb = dev_alloc_skb(len + hdrlen + 2);
	if (!skb) {
		ai->dev->stats.rx_dropped++;
		goto done;
	}
	skb_reserve(skb, 2);
	awl_read_data(ai, skb_put(skb, len + hdrlen), len + hdrlen);
	success = 1;

done:
	writew(1, ai->regs + 0x30);
	if (ai->mode & AWL_MODE_MON)
		writew(2, ai->regs + 0x34);
	if (ai->mode & AWL_MODE_SPY)
		writew(3, ai->regs + 0x34);
	if (ai->mode & AWL_MODE_MIC)
		writew(4, ai->regs + 0x34);
	if (ai->mode & AWL_MODE_WEP)
		writew(5, ai->regs + 0x34);
	if (ai->mode & AWL_MODE_RSSI)
		writew(6, ai->regs + 0x34);
	if (success) {
		if (ai->mode & AWL_MODE_80211) {
			skb->pkt_type = PACKET_OTHERHOST;
			skb->dev = ai->wifidev;
		} else {
			skb->protocol = eth_type_trans(skb, ai->dev);
		}
		ai->rx_frames++;
		netif_rx(skb);
	}
}
EXPORT_SYMBOL_GPL(awl_handle_rx);

MODULE_LICENSE("GPL");
