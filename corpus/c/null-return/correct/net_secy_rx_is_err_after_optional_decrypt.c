// SPDX-License-Identifier: GPL-2.0
/*
 * secy - receive path of a link-layer security tunnel.  The frame is
 * unshared (skb_unshare() returns NULL on failure, checked at once), then
 * decrypted only when the header says it is encrypted; the decrypt helper
 * returns an ERR_PTR on failure (or -EINPROGRESS for an asynchronous
 * cipher).  One IS_ERR() test after both branches handles the decrypt
 * result.
 * Tricky: on the branch that skips decryption the value IS_ERR() tests is
 * skb_unshare()'s result, which is never an ERR_PTR; on the other branch
 * it is the decrypt helper's.  The test is needed, not a confused NULL
 * check.
 */
#include <linux/module.h>
#include <linux/skbuff.h>
#include <linux/netdevice.h>
#include <linux/err.h>

#define SECY_TCI_E	0x08

struct secy_hdr {
	u8 tci_an;
	u8 short_length;
	__be32 packet_number;
};

struct secy_dev {
	struct net_device *netdev;
	bool validate;
	unsigned long rx_errors;
};

int secy_crypt(struct secy_dev *secy, struct sk_buff *skb);

static struct sk_buff *secy_decrypt(struct secy_dev *secy, struct sk_buff *skb)
{
	int ret = secy_crypt(secy, skb);

	if (ret == -EINPROGRESS)
		return ERR_PTR(ret);
	if (ret < 0) {
		kfree_skb(skb);
		return ERR_PTR(ret);
	}
	return skb;
}

int secy_handle_frame(struct secy_dev *secy, struct sk_buff *skb)
{
	struct secy_hdr *hdr;

	skb = skb_unshare(skb, GFP_ATOMIC);
	if (!skb)
		return -ENOMEM;
	hdr = (struct secy_hdr *)skb->data;

	if ((hdr->tci_an & SECY_TCI_E) || secy->validate)
		skb = secy_decrypt(secy, skb);

	if (IS_ERR(skb)) {
		if (PTR_ERR(skb) != -EINPROGRESS)
			secy->rx_errors++;
		return PTR_ERR(skb);
	}
	skb->dev = secy->netdev;
	return netif_rx(skb);
}
EXPORT_SYMBOL_GPL(secy_handle_frame);

MODULE_LICENSE("GPL");
