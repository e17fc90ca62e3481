// SPDX-License-Identifier: GPL-2.0
/*
 * kvn_rx - receive path of an old PCI NIC with rx copybreak.
 * Tricky: small frames are copied into a fresh skb allocated inside the
 * condition (`len < copybreak && (skb = netdev_alloc_skb(...)) != NULL`).
 * When that allocation fails the else branch hands the ring's own skb up,
 * assigning it inside the skb_put() argument: what skb_put() dereferences is
 * the ring buffer, never the failed allocation's NULL.
 */
#include <linux/module.h>
#include <linux/netdevice.h>
#include <linux/skbuff.h>
#include <linux/string.h>

#define KVN_RX_RING	32

struct kvn_priv {
	struct net_device *ndev;
	struct sk_buff *rx_skb[KVN_RX_RING];
	unsigned int rx_copybreak;
	unsigned int cur_rx;
};

static void kvn_rx_one(struct kvn_priv *priv, unsigned int len)
{
	unsigned int entry = priv->cur_rx % KVN_RX_RING;
	struct sk_buff *skb;

	if (len < priv->rx_copybreak && (skb = netdev_alloc_skb(priv->ndev, len + 2)) != NULL) {
		skb_reserve(skb, 2);
		memcpy(skb_put(skb, len), priv->rx_skb[entry]->data, len);
	} else {
		skb_put(skb = priv->rx_skb[entry], len);
		priv->rx_skb[entry] = NULL;
	}
	skb->protocol = eth_type_trans(skb, priv->ndev);
	netif_rx(skb);
	priv->cur_rx++;
}

void kvn_rx(struct kvn_priv *priv, unsigned int budget, unsigned int len)
{
	while (budget--)
		kvn_rx_one(priv, len);
}
