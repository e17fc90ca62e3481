// SPDX-License-Identifier: GPL-2.0
/*
 * rtu - a USB WLAN dongle's RX completion: one bulk-in transfer carries
 * several frames back to back, each behind a small RX descriptor.
 * Tricky: the parser clones the transfer's skb for the next frame before
 * handing the current one to mac80211, then continues with the clone.
 * skb_clone() may fail; the loop stops when it did ("while (skb && ...)"),
 * so every skb the loop body pulls from is either the caller's or a clone
 * the loop test found non-NULL.  Each pass clones again at the same call:
 * the new clone is a new value, and the skb the loop already tested keeps
 * what the test learnt of it.
 */
#include <linux/module.h>
#include <linux/skbuff.h>
#include <linux/usb.h>
#include <net/mac80211.h>

struct rtu_rxdesc {
	u16 pktlen;
	u8 pkt_cnt;
	u8 drvinfo;
};

struct rtu_priv {
	struct ieee80211_hw *hw;
	u32 rx_frames;
};

int rtu_parse_rx(struct rtu_priv *priv, struct sk_buff *skb)
{
	struct sk_buff *next_skb = NULL;
	struct rtu_rxdesc *desc;
	int pkt_cnt = 0, urb_len = skb->len, offset;

	if (urb_len < sizeof(*desc)) {
		kfree_skb(skb);
		return -EINVAL;
	}
	do {
		desc = (struct rtu_rxdesc *)skb->data;
		if (!pkt_cnt)
			pkt_cnt = desc->pkt_cnt;
		offset = ALIGN(desc->pktlen + desc->drvinfo + sizeof(*desc), 128);
		if (pkt_cnt > 1 && urb_len >= offset + sizeof(*desc))
			next_skb = skb_clone(skb, GFP_ATOMIC);

		skb_pull(skb, sizeof(*desc) + desc->drvinfo);
		skb_trim(skb, desc->pktlen);
		priv->rx_frames++;
		ieee80211_rx_irqsafe(priv->hw, skb);

		skb = next_skb;
		if (skb)
			skb_pull(next_skb, offset);
		pkt_cnt--;
		urb_len -= offset;
		next_skb = NULL;
	} while (skb && pkt_cnt > 0 && urb_len >= sizeof(*desc));
	return 0;
}
EXPORT_SYMBOL(rtu_parse_rx);

MODULE_LICENSE("GPL");
