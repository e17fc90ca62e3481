/*
 * drvlint reduced-mode stand-in: socket buffers (sk_buff and queues),
 * net_device and net_device_ops, NAPI, Ethernet/IP header layouts,
 * ethtool, MII, per-cpu stats and the netdev/netif logging helpers.
 *
 * drvlint's own minimal declarations for parsing drivers without kernel
 * headers; NOT the Linux kernel's header.  netif_dbg()/netif_err()... are
 * macros that test netif_msg_<type>(priv) and call netdev_dbg()/...
 * (real prototypes).  Callbacks whose signature changed across kernel
 * versions (ndo_tx_timeout, ethtool coalesce/ringparam) are declared
 * without a prototype so either form can be assigned.
 */
#ifndef DRVLINT_NET_H
#define DRVLINT_NET_H

struct net_device;
struct sk_buff;
struct napi_struct;
struct sock;
struct netlink_ext_ack;
struct phy_device;
struct netdev_queue;
struct net;
struct ethtool_test;

/* ---- Ethernet and protocol headers ---------------------------------- */
enum {
	ETH_ALEN = 6, ETH_TLEN = 2, ETH_HLEN = 14, ETH_ZLEN = 60, ETH_DATA_LEN = 1500,
	ETH_FRAME_LEN = 1514, ETH_FCS_LEN = 4, ETH_MIN_MTU = 68,
};
#define ETH_MAX_MTU 0xFFFFU
enum {
	ETH_P_LOOP = 0x0060, ETH_P_IP = 0x0800, ETH_P_ARP = 0x0806, ETH_P_8021Q = 0x8100,
	ETH_P_IPX = 0x8137, ETH_P_IPV6 = 0x86DD, ETH_P_PAUSE = 0x8808, ETH_P_8021AD = 0x88A8,
	ETH_P_PAE = 0x888E, ETH_P_TEB = 0x6558, ETH_P_802_3_MIN = 0x0600, ETH_P_802_3 = 0x0001,
	ETH_P_ALL = 0x0003, ETH_P_802_2 = 0x0004, ETH_P_PHONET = 0x00F5, ETH_P_MAP = 0x00F9,
	VLAN_HLEN = 4, VLAN_ETH_HLEN = 18, VLAN_ETH_DATA_LEN = 1500, VLAN_ETH_FRAME_LEN = 1518,
	VLAN_N_VID = 4096, VLAN_VID_MASK = 0x0fff, VLAN_PRIO_MASK = 0xe000, VLAN_PRIO_SHIFT = 13,
	VLAN_CFI_MASK = 0x1000, IPPROTO_IP = 0, IPPROTO_ICMP = 1, IPPROTO_TCP = 6, IPPROTO_UDP = 17,
	IPPROTO_IPV6 = 41, IPPROTO_ICMPV6 = 58, IPPROTO_RAW = 255,
};
struct ethhdr {
	unsigned char h_dest[ETH_ALEN], h_source[ETH_ALEN];
	__be16 h_proto;
} __attribute__((__packed__));
struct vlan_ethhdr {
	unsigned char h_dest[ETH_ALEN], h_source[ETH_ALEN];
	__be16 h_vlan_proto, h_vlan_TCI, h_vlan_encapsulated_proto;
};
struct vlan_hdr {
	__be16 h_vlan_TCI, h_vlan_encapsulated_proto;
};
struct iphdr {
	__u8 ihl:4, version:4, tos;
	__be16 tot_len, id, frag_off;
	__u8 ttl, protocol;
	__sum16 check;
	__be32 saddr, daddr;
};
struct in6_addr {
	union {
		__u8 u6_addr8[16];
		__be16 u6_addr16[8];
		__be32 u6_addr32[4];
	} in6_u;
};
#define s6_addr in6_u.u6_addr8
#define s6_addr16 in6_u.u6_addr16
#define s6_addr32 in6_u.u6_addr32
struct ipv6hdr {
	__u8 priority:4, version:4, flow_lbl[3];
	__be16 payload_len;
	__u8 nexthdr, hop_limit;
	struct in6_addr saddr, daddr;
};
struct tcphdr {
	__be16 source, dest;
	__be32 seq, ack_seq;
	__u16 res1:4, doff:4, fin:1, syn:1, rst:1, psh:1, ack:1, urg:1, ece:1, cwr:1;
	__be16 window;
	__sum16 check;
	__be16 urg_ptr;
};
struct udphdr {
	__be16 source, dest, len;
	__sum16 check;
};
struct arphdr {
	__be16 ar_hrd, ar_pro;
	unsigned char ar_hln, ar_pln;
	__be16 ar_op;
};
struct sockaddr {
	unsigned short sa_family;
	char sa_data[14];
};
enum {
	ARPHRD_NETROM = 0, ARPHRD_ETHER = 1, ARPHRD_IEEE802 = 6, ARPHRD_PPP = 512, ARPHRD_RAWIP = 519,
	ARPHRD_LOOPBACK = 772, ARPHRD_PHONET = 820, ARPHRD_PHONET_PIPE = 821, ARPHRD_NONE = 0xFFFE,
	ARPHRD_VOID = 0xFFFF, ARPOP_REQUEST = 1, ARPOP_REPLY = 2, AF_UNSPEC = 0, AF_INET = 2,
	AF_INET6 = 10, AF_PACKET = 17,
};

/* ---- sk_buff -------------------------------------------------------- */
enum {
	CHECKSUM_NONE = 0, CHECKSUM_UNNECESSARY = 1, CHECKSUM_COMPLETE = 2, CHECKSUM_PARTIAL = 3,
	PACKET_HOST = 0, PACKET_BROADCAST = 1, PACKET_MULTICAST = 2, PACKET_OTHERHOST = 3,
	PACKET_OUTGOING = 4, PACKET_LOOPBACK = 5, MAX_SKB_FRAGS = 17, NET_IP_ALIGN = 2,
	NET_SKB_PAD = 64,
};
#define SKB_DATA_ALIGN(x) ALIGN(x, SMP_CACHE_BYTES)
#define SKB_TRUESIZE(x) ((x) + 320)
enum {
	SKB_GSO_TCPV4 = (1 << 0), SKB_GSO_DODGY = (1 << 1), SKB_GSO_TCP_ECN = (1 << 2),
	SKB_GSO_TCPV6 = (1 << 4), SKB_GSO_UDP_L4 = (1 << 16), SKBTX_HW_TSTAMP = (1 << 0),
	SKBTX_IN_PROGRESS = (1 << 2),
};
typedef unsigned char *sk_buff_data_t;
typedef struct skb_frag {
	struct page *bv_page;
	unsigned int bv_len, bv_offset;
} skb_frag_t;
struct skb_shared_hwtstamps {
	ktime_t hwtstamp;
};
struct skb_shared_info {
	__u8 flags, meta_len, nr_frags, tx_flags;
	unsigned short gso_size, gso_segs;
	struct sk_buff *frag_list;
	struct skb_shared_hwtstamps hwtstamps;
	unsigned int gso_type;
	u32 tskey;
	atomic_t dataref;
	skb_frag_t frags[MAX_SKB_FRAGS];
};
struct sk_buff {
	struct sk_buff *next, *prev;
	struct net_device *dev;
	struct sock *sk;
	ktime_t tstamp;
	char cb[48] __attribute__((__aligned__(8)));
	unsigned long _skb_refdst;
	void (*destructor)(struct sk_buff *skb);
	unsigned int len, data_len;
	__u16 mac_len, hdr_len, queue_mapping;
	__u8 cloned:1, nohdr:1, fclone:2, peeked:1, head_frag:1, pfmemalloc:1, pp_recycle:1;
	__u8 pkt_type:3, ignore_df:1, dst_pending_confirm:1, ip_summed:2, ooo_okay:1;
	__u8 l4_hash:1, sw_hash:1, wifi_acked_valid:1, wifi_acked:1, no_fcs:1, encapsulation:1,
	     encap_hdr_csum:1, csum_valid:1;
	__u8 csum_level:2, csum_not_inet:1, vlan_present:1;
	__u16 tc_index;
	union {
		__wsum csum;
		struct {
			__u16 csum_start, csum_offset;
		};
	};
	__u32 priority;
	int skb_iif;
	__u32 hash;
	__be16 vlan_proto;
	__u16 vlan_tci;
	__u32 mark;
	__be16 inner_protocol;
	__u16 inner_transport_header, inner_network_header, inner_mac_header;
	__be16 protocol;
	__u16 transport_header, network_header, mac_header;
	sk_buff_data_t tail, end;
	unsigned char *head, *data;
	unsigned int truesize;
	refcount_t users;
};
struct sk_buff_head {
	struct sk_buff *next, *prev;
	__u32 qlen;
	spinlock_t lock;
};
struct sk_buff *alloc_skb(unsigned int size, gfp_t priority);
struct sk_buff *alloc_skb_ip_align(unsigned int length, gfp_t gfp);
struct sk_buff *dev_alloc_skb(unsigned int length);
struct sk_buff *__dev_alloc_skb(unsigned int length, gfp_t gfp_mask);
struct sk_buff *netdev_alloc_skb(struct net_device *dev, unsigned int length);
struct sk_buff *__netdev_alloc_skb(struct net_device *dev, unsigned int length, gfp_t gfp_mask);
struct sk_buff *netdev_alloc_skb_ip_align(struct net_device *dev, unsigned int length);
struct sk_buff *__netdev_alloc_skb_ip_align(struct net_device *dev, unsigned int length, gfp_t gfp);
struct sk_buff *napi_alloc_skb(struct napi_struct *napi, unsigned int length);
struct sk_buff *build_skb(void *data, unsigned int frag_size);
struct sk_buff *napi_build_skb(void *data, unsigned int frag_size);
void kfree_skb(struct sk_buff *skb);
void kfree_skb_list(struct sk_buff *segs);
void dev_kfree_skb(struct sk_buff *skb);
void dev_kfree_skb_any(struct sk_buff *skb);
void dev_kfree_skb_irq(struct sk_buff *skb);
void dev_consume_skb_any(struct sk_buff *skb);
void dev_consume_skb_irq(struct sk_buff *skb);
void consume_skb(struct sk_buff *skb);
void napi_consume_skb(struct sk_buff *skb, int budget);
void *skb_put(struct sk_buff *skb, unsigned int len);
void *__skb_put(struct sk_buff *skb, unsigned int len);
void *skb_put_data(struct sk_buff *skb, const void *data, unsigned int len);
void *__skb_put_data(struct sk_buff *skb, const void *data, unsigned int len);
void *skb_put_zero(struct sk_buff *skb, unsigned int len);
void *__skb_put_zero(struct sk_buff *skb, unsigned int len);
void skb_put_u8(struct sk_buff *skb, u8 val);
void *skb_push(struct sk_buff *skb, unsigned int len);
void *__skb_push(struct sk_buff *skb, unsigned int len);
void *skb_pull(struct sk_buff *skb, unsigned int len);
void *__skb_pull(struct sk_buff *skb, unsigned int len);
void *skb_pull_data(struct sk_buff *skb, size_t len);
bool pskb_may_pull(struct sk_buff *skb, unsigned int len);
void skb_reserve(struct sk_buff *skb, int len);
void skb_trim(struct sk_buff *skb, unsigned int len);
void __skb_trim(struct sk_buff *skb, unsigned int len);
int pskb_trim(struct sk_buff *skb, unsigned int len);
int pskb_expand_head(struct sk_buff *skb, int nhead, int ntail, gfp_t gfp_mask);
struct sk_buff *skb_copy(const struct sk_buff *skb, gfp_t priority);
struct sk_buff *skb_clone(struct sk_buff *skb, gfp_t priority);
struct sk_buff *skb_copy_expand(const struct sk_buff *skb, int newheadroom, int newtailroom, gfp_t priority);
struct sk_buff *skb_realloc_headroom(struct sk_buff *skb, unsigned int headroom);
struct sk_buff *skb_get(struct sk_buff *skb);
struct sk_buff *skb_unshare(struct sk_buff *skb, gfp_t pri);
int skb_cloned(const struct sk_buff *skb);
int skb_shared(const struct sk_buff *skb);
unsigned int skb_headroom(const struct sk_buff *skb);
int skb_tailroom(const struct sk_buff *skb);
unsigned int skb_headlen(const struct sk_buff *skb);
unsigned char *skb_tail_pointer(const struct sk_buff *skb);
unsigned char *skb_end_pointer(const struct sk_buff *skb);
void skb_reset_tail_pointer(struct sk_buff *skb);
void skb_set_tail_pointer(struct sk_buff *skb, const int offset);
void skb_reset_mac_header(struct sk_buff *skb);
void skb_set_mac_header(struct sk_buff *skb, const int offset);
void skb_reset_network_header(struct sk_buff *skb);
void skb_set_network_header(struct sk_buff *skb, const int offset);
void skb_reset_transport_header(struct sk_buff *skb);
void skb_set_transport_header(struct sk_buff *skb, const int offset);
unsigned char *skb_mac_header(const struct sk_buff *skb);
unsigned char *skb_network_header(const struct sk_buff *skb);
unsigned char *skb_transport_header(const struct sk_buff *skb);
int skb_network_offset(const struct sk_buff *skb);
int skb_transport_offset(const struct sk_buff *skb);
int skb_mac_offset(const struct sk_buff *skb);
int skb_checksum_start_offset(const struct sk_buff *skb);
bool skb_mac_header_was_set(const struct sk_buff *skb);
bool skb_is_gso(const struct sk_buff *skb);
bool skb_is_gso_v6(const struct sk_buff *skb);
bool skb_is_nonlinear(const struct sk_buff *skb);
int skb_linearize(struct sk_buff *skb);
int skb_cow_head(struct sk_buff *skb, unsigned int headroom);
int skb_cow(struct sk_buff *skb, unsigned int headroom);
int skb_padto(struct sk_buff *skb, unsigned int len);
int skb_put_padto(struct sk_buff *skb, unsigned int len);
int eth_skb_pad(struct sk_buff *skb);
int skb_copy_bits(const struct sk_buff *skb, int offset, void *to, int len);
void skb_copy_from_linear_data(const struct sk_buff *skb, void *to, const unsigned int len);
void skb_copy_from_linear_data_offset(const struct sk_buff *skb, const int offset, void *to, const unsigned int len);
void skb_copy_to_linear_data(struct sk_buff *skb, const void *from, const unsigned int len);
void skb_copy_to_linear_data_offset(struct sk_buff *skb, const int offset, const void *from, const unsigned int len);
int skb_checksum_help(struct sk_buff *skb);
__wsum skb_checksum(const struct sk_buff *skb, int offset, int len, __wsum csum);
void skb_checksum_none_assert(const struct sk_buff *skb);
bool skb_csum_unnecessary(const struct sk_buff *skb);
void skb_orphan(struct sk_buff *skb);
void skb_tx_timestamp(struct sk_buff *skb);
void skb_tstamp_tx(struct sk_buff *orig_skb, struct skb_shared_hwtstamps *hwtstamps);
struct skb_shared_hwtstamps *skb_hwtstamps(struct sk_buff *skb);
struct skb_shared_info *skb_shinfo(const struct sk_buff *skb);
unsigned int skb_frag_size(const skb_frag_t *frag);
void *skb_frag_address(const skb_frag_t *frag);
struct page *skb_frag_page(const skb_frag_t *frag);
unsigned int skb_frag_off(const skb_frag_t *frag);
void skb_add_rx_frag(struct sk_buff *skb, int i, struct page *page, int off, int size, unsigned int truesize);
void skb_record_rx_queue(struct sk_buff *skb, u16 rx_queue);
u16 skb_get_queue_mapping(const struct sk_buff *skb);
void skb_set_queue_mapping(struct sk_buff *skb, u16 queue_mapping);
void skb_set_hash(struct sk_buff *skb, __u32 hash, int type);
bool skb_vlan_tag_present(const struct sk_buff *skb);
u16 skb_vlan_tag_get(const struct sk_buff *skb);
u16 skb_vlan_tag_get_id(const struct sk_buff *skb);
void __vlan_hwaccel_put_tag(struct sk_buff *skb, __be16 vlan_proto, u16 vlan_tci);
void __vlan_hwaccel_clear_tag(struct sk_buff *skb);
__be16 vlan_get_protocol(const struct sk_buff *skb);
struct sk_buff *vlan_insert_tag(struct sk_buff *skb, __be16 vlan_proto, u16 vlan_tci);
int skb_vlan_pop(struct sk_buff *skb);
struct sk_buff *skb_gso_segment(struct sk_buff *skb, u64 features);
void skb_queue_head_init(struct sk_buff_head *list);
void __skb_queue_head_init(struct sk_buff_head *list);
int skb_queue_empty(const struct sk_buff_head *list);
bool skb_queue_empty_lockless(const struct sk_buff_head *list);
__u32 skb_queue_len(const struct sk_buff_head *list);
__u32 skb_queue_len_lockless(const struct sk_buff_head *list);
void skb_queue_head(struct sk_buff_head *list, struct sk_buff *newsk);
void skb_queue_tail(struct sk_buff_head *list, struct sk_buff *newsk);
void __skb_queue_head(struct sk_buff_head *list, struct sk_buff *newsk);
void __skb_queue_tail(struct sk_buff_head *list, struct sk_buff *newsk);
struct sk_buff *skb_dequeue(struct sk_buff_head *list);
struct sk_buff *skb_dequeue_tail(struct sk_buff_head *list);
struct sk_buff *__skb_dequeue(struct sk_buff_head *list);
struct sk_buff *__skb_dequeue_tail(struct sk_buff_head *list);
struct sk_buff *skb_peek(const struct sk_buff_head *list);
struct sk_buff *skb_peek_tail(const struct sk_buff_head *list);
struct sk_buff *skb_peek_next(struct sk_buff *skb, const struct sk_buff_head *list);
void skb_queue_purge(struct sk_buff_head *list);
void __skb_queue_purge(struct sk_buff_head *list);
void skb_unlink(struct sk_buff *skb, struct sk_buff_head *list);
void __skb_unlink(struct sk_buff *skb, struct sk_buff_head *list);
void skb_queue_splice(const struct sk_buff_head *list, struct sk_buff_head *head);
void skb_queue_splice_init(struct sk_buff_head *list, struct sk_buff_head *head);
void skb_queue_splice_tail(const struct sk_buff_head *list, struct sk_buff_head *head);
void skb_queue_splice_tail_init(struct sk_buff_head *list, struct sk_buff_head *head);
bool skb_queue_is_last(const struct sk_buff_head *list, const struct sk_buff *skb);
void __skb_queue_after(struct sk_buff_head *list, struct sk_buff *prev, struct sk_buff *newsk);
#define skb_queue_walk(queue, skb) \
	for ((skb) = (queue)->next; (skb) != (struct sk_buff *)(queue); (skb) = (skb)->next)
#define skb_queue_walk_safe(queue, skb, tmp) \
	for ((skb) = (queue)->next, (tmp) = (skb)->next; (skb) != (struct sk_buff *)(queue); \
	     (skb) = (tmp), (tmp) = (skb)->next)
#define skb_list_walk_safe(first, skb, next_skb) \
	for ((skb) = (first), (next_skb) = (skb) ? (skb)->next : NULL; (skb); \
	     (skb) = (next_skb), (next_skb) = (skb) ? (skb)->next : NULL)
void skb_mark_not_on_list(struct sk_buff *skb);
int tcp_v6_gso_csum_prep(struct sk_buff *skb);
#define skb_walk_frags(skb, iter) \
	for ((iter) = skb_shinfo(skb)->frag_list; (iter); (iter) = (iter)->next)
struct ethhdr *eth_hdr(const struct sk_buff *skb);
struct iphdr *ip_hdr(const struct sk_buff *skb);
struct ipv6hdr *ipv6_hdr(const struct sk_buff *skb);
struct tcphdr *tcp_hdr(const struct sk_buff *skb);
struct udphdr *udp_hdr(const struct sk_buff *skb);
struct arphdr *arp_hdr(const struct sk_buff *skb);
struct vlan_ethhdr *vlan_eth_hdr(const struct sk_buff *skb);
unsigned int ip_hdrlen(const struct sk_buff *skb);
unsigned int tcp_hdrlen(const struct sk_buff *skb);
__sum16 csum_fold(__wsum csum);
__wsum csum_partial(const void *buff, int len, __wsum sum);
__sum16 csum_tcpudp_magic(__be32 saddr, __be32 daddr, __u32 len, __u8 proto, __wsum sum);
__sum16 csum_ipv6_magic(const struct in6_addr *saddr, const struct in6_addr *daddr, __u32 len, __u8 proto, __wsum sum);
__sum16 ip_fast_csum(const void *iph, unsigned int ihl);

/* ---- net_device ----------------------------------------------------- */
enum {
	IFNAMSIZ = 16, MAX_ADDR_LEN = 32, IFF_UP = 0x1, IFF_BROADCAST = 0x2, IFF_DEBUG = 0x4,
	IFF_LOOPBACK = 0x8, IFF_POINTOPOINT = 0x10, IFF_NOTRAILERS = 0x20, IFF_RUNNING = 0x40,
	IFF_NOARP = 0x80, IFF_PROMISC = 0x100, IFF_ALLMULTI = 0x200, IFF_MASTER = 0x400,
	IFF_SLAVE = 0x800, IFF_MULTICAST = 0x1000, IFF_PORTSEL = 0x2000, IFF_AUTOMEDIA = 0x4000,
	IFF_DYNAMIC = 0x8000, IFF_LOWER_UP = 0x10000, IFF_DORMANT = 0x20000, IFF_ECHO = 0x40000,
	IFF_TX_SKB_SHARING = (1 << 16), IFF_UNICAST_FLT = (1 << 17), IFF_LIVE_ADDR_CHANGE = (1 << 20),
	IFF_NO_QUEUE = (1 << 21), IFF_NO_ADDRCONF = (1 << 30), NET_ADDR_PERM = 0, NET_ADDR_RANDOM = 1,
	NET_ADDR_STOLEN = 2, NET_ADDR_SET = 3, NET_NAME_UNKNOWN = 0, NET_NAME_ENUM = 1,
	NET_NAME_PREDICTABLE = 2, NET_NAME_USER = 3, NET_NAME_RENAMED = 4, NAPI_POLL_WEIGHT = 64,
	SIOCGMIIPHY = 0x8947, SIOCGMIIREG = 0x8948, SIOCSMIIREG = 0x8949, SIOCDEVPRIVATE = 0x89F0,
	SIOCSHWTSTAMP = 0x89b0, SIOCGHWTSTAMP = 0x89b1,
};
typedef u64 netdev_features_t;
#define NETIF_F_SG BIT_ULL(0)
#define NETIF_F_IP_CSUM BIT_ULL(1)
#define NETIF_F_HW_CSUM BIT_ULL(3)
#define NETIF_F_IPV6_CSUM BIT_ULL(4)
#define NETIF_F_HIGHDMA BIT_ULL(5)
#define NETIF_F_FRAGLIST BIT_ULL(6)
#define NETIF_F_HW_VLAN_CTAG_TX BIT_ULL(7)
#define NETIF_F_HW_VLAN_CTAG_RX BIT_ULL(8)
#define NETIF_F_HW_VLAN_CTAG_FILTER BIT_ULL(9)
#define NETIF_F_VLAN_CHALLENGED BIT_ULL(10)
#define NETIF_F_GSO BIT_ULL(11)
#define NETIF_F_LLTX BIT_ULL(12)
#define NETIF_F_NETNS_LOCAL BIT_ULL(13)
#define NETIF_F_GRO BIT_ULL(14)
#define NETIF_F_LRO BIT_ULL(15)
#define NETIF_F_TSO BIT_ULL(16)
#define NETIF_F_GSO_ROBUST BIT_ULL(17)
#define NETIF_F_TSO_ECN BIT_ULL(18)
#define NETIF_F_TSO_MANGLEID BIT_ULL(19)
#define NETIF_F_TSO6 BIT_ULL(20)
#define NETIF_F_RXCSUM BIT_ULL(32)
#define NETIF_F_NOCACHE_COPY BIT_ULL(33)
#define NETIF_F_LOOPBACK BIT_ULL(34)
#define NETIF_F_RXFCS BIT_ULL(35)
#define NETIF_F_RXALL BIT_ULL(36)
#define NETIF_F_HW_VLAN_STAG_TX BIT_ULL(37)
#define NETIF_F_HW_VLAN_STAG_RX BIT_ULL(38)
#define NETIF_F_HW_VLAN_STAG_FILTER BIT_ULL(39)
#define NETIF_F_GRO_HW BIT_ULL(40)
#define NETIF_F_GSO_UDP_L4 BIT_ULL(41)
#define NETIF_F_CSUM_MASK (NETIF_F_IP_CSUM | NETIF_F_IPV6_CSUM | NETIF_F_HW_CSUM)
#define NETIF_F_ALL_TSO (NETIF_F_TSO | NETIF_F_TSO6 | NETIF_F_TSO_ECN | NETIF_F_TSO_MANGLEID)
#define NETIF_F_GSO_MASK (NETIF_F_ALL_TSO | NETIF_F_GSO_ROBUST | NETIF_F_GSO_UDP_L4)
enum {
	NETIF_MSG_DRV = 0x0001, NETIF_MSG_PROBE = 0x0002, NETIF_MSG_LINK = 0x0004,
	NETIF_MSG_TIMER = 0x0008, NETIF_MSG_IFDOWN = 0x0010, NETIF_MSG_IFUP = 0x0020,
	NETIF_MSG_RX_ERR = 0x0040, NETIF_MSG_TX_ERR = 0x0080, NETIF_MSG_TX_QUEUED = 0x0100,
	NETIF_MSG_INTR = 0x0200, NETIF_MSG_TX_DONE = 0x0400, NETIF_MSG_RX_STATUS = 0x0800,
	NETIF_MSG_PKTDATA = 0x1000, NETIF_MSG_HW = 0x2000, NETIF_MSG_WOL = 0x4000,
};
#define netif_msg_drv(p) ((p)->msg_enable & NETIF_MSG_DRV)
#define netif_msg_probe(p) ((p)->msg_enable & NETIF_MSG_PROBE)
#define netif_msg_link(p) ((p)->msg_enable & NETIF_MSG_LINK)
#define netif_msg_timer(p) ((p)->msg_enable & NETIF_MSG_TIMER)
#define netif_msg_ifdown(p) ((p)->msg_enable & NETIF_MSG_IFDOWN)
#define netif_msg_ifup(p) ((p)->msg_enable & NETIF_MSG_IFUP)
#define netif_msg_rx_err(p) ((p)->msg_enable & NETIF_MSG_RX_ERR)
#define netif_msg_tx_err(p) ((p)->msg_enable & NETIF_MSG_TX_ERR)
#define netif_msg_tx_queued(p) ((p)->msg_enable & NETIF_MSG_TX_QUEUED)
#define netif_msg_intr(p) ((p)->msg_enable & NETIF_MSG_INTR)
#define netif_msg_tx_done(p) ((p)->msg_enable & NETIF_MSG_TX_DONE)
#define netif_msg_rx_status(p) ((p)->msg_enable & NETIF_MSG_RX_STATUS)
#define netif_msg_pktdata(p) ((p)->msg_enable & NETIF_MSG_PKTDATA)
#define netif_msg_hw(p) ((p)->msg_enable & NETIF_MSG_HW)
#define netif_msg_wol(p) ((p)->msg_enable & NETIF_MSG_WOL)
u32 netif_msg_init(int debug_value, int default_msg_enable_bits);
typedef enum netdev_tx {
	__NETDEV_TX_MIN = INT_MIN,
	NETDEV_TX_OK = 0x00,
	NETDEV_TX_BUSY = 0x10,
} netdev_tx_t;
typedef enum gro_result {
	GRO_MERGED,
	GRO_MERGED_FREE,
	GRO_HELD,
	GRO_NORMAL,
	GRO_CONSUMED,
} gro_result_t;
enum {
	NET_XMIT_SUCCESS = 0x00, NET_XMIT_DROP = 0x01, NET_XMIT_CN = 0x02, NET_XMIT_MASK = 0x0f,
	LL_MAX_HEADER = 128, NET_RX_SUCCESS = 0, NET_RX_DROP = 1,
};
struct net_device_stats {
	unsigned long rx_packets, tx_packets, rx_bytes, tx_bytes, rx_errors, tx_errors;
	unsigned long rx_dropped, tx_dropped, multicast, collisions, rx_length_errors;
	unsigned long rx_over_errors, rx_crc_errors, rx_frame_errors, rx_fifo_errors;
	unsigned long rx_missed_errors, tx_aborted_errors, tx_carrier_errors, tx_fifo_errors;
	unsigned long tx_heartbeat_errors, tx_window_errors, rx_compressed, tx_compressed;
};
struct rtnl_link_stats64 {
	__u64 rx_packets, tx_packets, rx_bytes, tx_bytes, rx_errors, tx_errors, rx_dropped;
	__u64 tx_dropped, multicast, collisions, rx_length_errors, rx_over_errors;
	__u64 rx_crc_errors, rx_frame_errors, rx_fifo_errors, rx_missed_errors;
	__u64 tx_aborted_errors, tx_carrier_errors, tx_fifo_errors, tx_heartbeat_errors;
	__u64 tx_window_errors, rx_compressed, tx_compressed, rx_nohandler;
};
struct u64_stats_sync {
	unsigned int seq;
};
typedef struct {
	u64 v;
} u64_stats_t;
struct pcpu_sw_netstats {
	u64_stats_t rx_packets, rx_bytes, tx_packets, tx_bytes;
	struct u64_stats_sync syncp;
};
void u64_stats_init(struct u64_stats_sync *syncp);
void u64_stats_update_begin(struct u64_stats_sync *syncp);
void u64_stats_update_end(struct u64_stats_sync *syncp);
unsigned long u64_stats_update_begin_irqsave(struct u64_stats_sync *syncp);
void u64_stats_update_end_irqrestore(struct u64_stats_sync *syncp, unsigned long flags);
unsigned int u64_stats_fetch_begin(const struct u64_stats_sync *syncp);
bool u64_stats_fetch_retry(const struct u64_stats_sync *syncp, unsigned int start);
unsigned int u64_stats_fetch_begin_irq(const struct u64_stats_sync *syncp);
bool u64_stats_fetch_retry_irq(const struct u64_stats_sync *syncp, unsigned int start);
u64 u64_stats_read(const u64_stats_t *p);
void u64_stats_set(u64_stats_t *p, u64 val);
void u64_stats_add(u64_stats_t *p, unsigned long val);
void u64_stats_inc(u64_stats_t *p);
struct netdev_hw_addr {
	struct list_head list;
	unsigned char addr[MAX_ADDR_LEN], type;
	bool global_use;
	int sync_cnt, refcount, synced;
	struct rcu_head rcu_head;
};
struct netdev_hw_addr_list {
	struct list_head list;
	int count;
};
struct ifmap {
	unsigned long mem_start, mem_end;
	unsigned short base_addr;
	unsigned char irq, dma, port;
};
struct ifreq {
	union {
		char ifrn_name[IFNAMSIZ];
	} ifr_ifrn;
	union {
		struct sockaddr ifru_addr, ifru_dstaddr, ifru_broadaddr, ifru_netmask;
		struct sockaddr ifru_hwaddr;
		short ifru_flags;
		int ifru_ivalue, ifru_mtu;
		struct ifmap ifru_map;
		char ifru_slave[IFNAMSIZ], ifru_newname[IFNAMSIZ];
		void __user *ifru_data;
	} ifr_ifru;
};
#define ifr_name ifr_ifrn.ifrn_name
#define ifr_hwaddr ifr_ifru.ifru_hwaddr
#define ifr_addr ifr_ifru.ifru_addr
#define ifr_flags ifr_ifru.ifru_flags
#define ifr_metric ifr_ifru.ifru_ivalue
#define ifr_mtu ifr_ifru.ifru_mtu
#define ifr_map ifr_ifru.ifru_map
#define ifr_data ifr_ifru.ifru_data
#define ifr_ifindex ifr_ifru.ifru_ivalue
struct napi_struct {
	struct list_head poll_list;
	unsigned long state;
	int weight, defer_hard_irqs_count;
	unsigned long gro_bitmask;
	int (*poll)(struct napi_struct *napi, int budget);
	struct net_device *dev;
	struct list_head dev_list;
	unsigned int napi_id;
};
struct net_device_ops {
	int (*ndo_init)(struct net_device *dev);
	void (*ndo_uninit)(struct net_device *dev);
	int (*ndo_open)(struct net_device *dev);
	int (*ndo_stop)(struct net_device *dev);
	netdev_tx_t (*ndo_start_xmit)(struct sk_buff *skb, struct net_device *dev);
	netdev_features_t (*ndo_features_check)(struct sk_buff *skb, struct net_device *dev, netdev_features_t features);
	u16 (*ndo_select_queue)();
	void (*ndo_change_rx_flags)(struct net_device *dev, int flags);
	void (*ndo_set_rx_mode)(struct net_device *dev);
	int (*ndo_set_mac_address)(struct net_device *dev, void *addr);
	int (*ndo_validate_addr)(struct net_device *dev);
	int (*ndo_do_ioctl)(struct net_device *dev, struct ifreq *ifr, int cmd);
	int (*ndo_eth_ioctl)(struct net_device *dev, struct ifreq *ifr, int cmd);
	int (*ndo_siocdevprivate)(struct net_device *dev, struct ifreq *ifr, void __user *data, int cmd);
	int (*ndo_set_config)(struct net_device *dev, struct ifmap *map);
	int (*ndo_change_mtu)(struct net_device *dev, int new_mtu);
	void (*ndo_tx_timeout)();       /* (dev) or (dev, unsigned int txqueue) */
	void (*ndo_get_stats64)(struct net_device *dev, struct rtnl_link_stats64 *storage);
	struct net_device_stats *(*ndo_get_stats)(struct net_device *dev);
	int (*ndo_vlan_rx_add_vid)(struct net_device *dev, __be16 proto, u16 vid);
	int (*ndo_vlan_rx_kill_vid)(struct net_device *dev, __be16 proto, u16 vid);
	void (*ndo_poll_controller)(struct net_device *dev);
	netdev_features_t (*ndo_fix_features)(struct net_device *dev, netdev_features_t features);
	int (*ndo_set_features)(struct net_device *dev, netdev_features_t features);
	int (*ndo_get_iflink)(const struct net_device *dev);
	int (*ndo_change_carrier)(struct net_device *dev, bool new_carrier);
	int (*ndo_get_phys_port_name)(struct net_device *dev, char *name, size_t len);
};
struct header_ops;
struct ethtool_ops;
struct rtnl_link_ops;
struct net_device {
	char name[IFNAMSIZ];
	unsigned long mem_end, mem_start, base_addr, state;
	struct list_head dev_list, napi_list;
	netdev_features_t features, hw_features, wanted_features, vlan_features;
	netdev_features_t hw_enc_features, mpls_features;
	int ifindex;
	struct net_device_stats stats;
	atomic_long_t rx_dropped, tx_dropped;
	const struct net_device_ops *netdev_ops;
	const struct ethtool_ops *ethtool_ops;
	const struct header_ops *header_ops;
	unsigned int flags;
	unsigned long long priv_flags;
	unsigned short gflags, padded;
	unsigned char operstate, link_mode, if_port, dma;
	unsigned int mtu, min_mtu, max_mtu;
	unsigned short type, hard_header_len;
	unsigned char min_header_len, name_assign_type;
	unsigned short needed_headroom, needed_tailroom;
	unsigned char perm_addr[MAX_ADDR_LEN], addr_assign_type, addr_len;
	unsigned short neigh_priv_len, dev_id, dev_port;
	int irq;
	struct netdev_hw_addr_list uc, mc, dev_addrs;
	unsigned int promiscuity, allmulti;
	const unsigned char *dev_addr;
	unsigned char broadcast[MAX_ADDR_LEN];
	unsigned int num_rx_queues, real_num_rx_queues, num_tx_queues, real_num_tx_queues;
	unsigned int tx_queue_len;
	int watchdog_timeo;
	struct timer_list watchdog_timer;
	struct device dev;
	const struct attribute_group *sysfs_groups[4];
	const struct rtnl_link_ops *rtnl_link_ops;
	unsigned int gso_max_size, tso_max_size;
	u16 gso_max_segs, tso_max_segs;
	struct phy_device *phydev;
	bool needs_free_netdev;
	void (*priv_destructor)(struct net_device *dev);
	struct pcpu_sw_netstats *tstats;
	void *ml_priv;
	const struct attribute_group *sysfs_rx_queue_group;
	struct {
		struct list_head upper, lower;
	} adj_list;
};
#define to_net_dev(d) container_of(d, struct net_device, dev)
#define SET_NETDEV_DEV(net, pdev) ((net)->dev.parent = (pdev))
#define SET_NETDEV_DEVTYPE(net, devtype) ((net)->dev.type = (devtype))
#define netdev_mc_count(dev) ((dev)->mc.count)
#define netdev_mc_empty(dev) (netdev_mc_count(dev) == 0)
#define netdev_uc_count(dev) ((dev)->uc.count)
#define netdev_uc_empty(dev) (netdev_uc_count(dev) == 0)
#define netdev_for_each_mc_addr(ha, dev) list_for_each_entry(ha, &(dev)->mc.list, list)
#define netdev_for_each_uc_addr(ha, dev) list_for_each_entry(ha, &(dev)->uc.list, list)
#define netdev_hw_addr_list_for_each(ha, l) list_for_each_entry(ha, &(l)->list, list)
struct net_device *alloc_etherdev(int sizeof_priv);
struct net_device *alloc_etherdev_mq(int sizeof_priv, unsigned int queue_count);
struct net_device *alloc_etherdev_mqs(int sizeof_priv, unsigned int txqs, unsigned int rxqs);
struct net_device *devm_alloc_etherdev(struct device *dev, int sizeof_priv);
struct net_device *alloc_netdev(int sizeof_priv, const char *name, unsigned char name_assign_type,
				void (*setup)(struct net_device *dev));
struct net_device *alloc_netdev_mqs(int sizeof_priv, const char *name, unsigned char name_assign_type,
				    void (*setup)(struct net_device *dev), unsigned int txqs, unsigned int rxqs);
void free_netdev(struct net_device *dev);
int register_netdev(struct net_device *dev);
void unregister_netdev(struct net_device *dev);
int register_netdevice(struct net_device *dev);
void unregister_netdevice(struct net_device *dev);

/* generic HDLC (WAN) devices: unregister_hdlc_device() unregisters the netdev (ndo_stop runs) */
struct net_device *alloc_hdlcdev(void *priv);
int register_hdlc_device(struct net_device *dev);
void unregister_hdlc_device(struct net_device *dev);
int hdlc_open(struct net_device *dev);
void hdlc_close(struct net_device *dev);
typedef struct hdlc_device { void *priv; } hdlc_device;
hdlc_device *dev_to_hdlc(struct net_device *dev);

/* the networking core's RTNL mutex: ndo_open/ndo_stop and unregister_netdev() run under it */
void rtnl_lock(void);
void rtnl_unlock(void);
int rtnl_trylock(void);
int rtnl_lock_killable(void);
void __rtnl_unlock(void);
int devm_register_netdev(struct device *dev, struct net_device *ndev);
void *netdev_priv(const struct net_device *dev);
void ether_setup(struct net_device *dev);
const char *netdev_name(const struct net_device *dev);
int dev_set_mtu(struct net_device *dev, int new_mtu);
int dev_set_mac_address(struct net_device *dev, struct sockaddr *sa, struct netlink_ext_ack *extack);
int dev_open(struct net_device *dev, struct netlink_ext_ack *extack);
void dev_close(struct net_device *dev);
void dev_hold(struct net_device *dev);
void dev_put(struct net_device *dev);
struct net_device *dev_get_by_name(struct net *net, const char *name);
struct net *dev_net(const struct net_device *dev);
extern struct net init_net;
void netif_start_queue(struct net_device *dev);
void netif_stop_queue(struct net_device *dev);
void netif_wake_queue(struct net_device *dev);
bool netif_queue_stopped(const struct net_device *dev);
void netif_tx_start_all_queues(struct net_device *dev);
void netif_tx_stop_all_queues(struct net_device *dev);
void netif_tx_wake_all_queues(struct net_device *dev);
void netif_tx_disable(struct net_device *dev);
void netif_tx_lock(struct net_device *dev);
void netif_tx_unlock(struct net_device *dev);
void netif_tx_lock_bh(struct net_device *dev);
void netif_tx_unlock_bh(struct net_device *dev);
void netif_stop_subqueue(struct net_device *dev, u16 queue_index);
void netif_wake_subqueue(struct net_device *dev, u16 queue_index);
void netif_start_subqueue(struct net_device *dev, u16 queue_index);
bool __netif_subqueue_stopped(const struct net_device *dev, u16 queue_index);
struct netdev_queue *netdev_get_tx_queue(const struct net_device *dev, unsigned int index);
void netif_tx_stop_queue(struct netdev_queue *dev_queue);
void netif_tx_wake_queue(struct netdev_queue *dev_queue);
void netif_tx_start_queue(struct netdev_queue *dev_queue);
bool netif_tx_queue_stopped(const struct netdev_queue *dev_queue);
void txq_trans_cond_update(struct netdev_queue *txq);
void netdev_sent_queue(struct net_device *dev, unsigned int bytes);
void netdev_completed_queue(struct net_device *dev, unsigned int pkts, unsigned int bytes);
void netdev_reset_queue(struct net_device *dev_queue);
int netif_set_real_num_tx_queues(struct net_device *dev, unsigned int txq);
int netif_set_real_num_rx_queues(struct net_device *dev, unsigned int rxq);
void netif_carrier_on(struct net_device *dev);
void netif_carrier_off(struct net_device *dev);
bool netif_carrier_ok(const struct net_device *dev);
void netif_dormant_on(struct net_device *dev);
void netif_dormant_off(struct net_device *dev);
void netif_device_attach(struct net_device *dev);
void netif_device_detach(struct net_device *dev);
bool netif_device_present(const struct net_device *dev);
bool netif_running(const struct net_device *dev);
bool netif_oper_up(const struct net_device *dev);
void netif_trans_update(struct net_device *dev);
int netif_rx(struct sk_buff *skb);
int netif_rx_ni(struct sk_buff *skb);
int __netif_rx(struct sk_buff *skb);
int netif_receive_skb(struct sk_buff *skb);
void netif_receive_skb_list(struct list_head *head);
gro_result_t napi_gro_receive(struct napi_struct *napi, struct sk_buff *skb);
void napi_gro_flush(struct napi_struct *napi, bool flush_old);
int dev_queue_xmit(struct sk_buff *skb);
void netif_set_gso_max_size(struct net_device *dev, unsigned int size);
void netif_set_gso_max_segs(struct net_device *dev, unsigned int segs);
void netif_set_tso_max_size(struct net_device *dev, unsigned int size);
void netif_set_tso_max_segs(struct net_device *dev, unsigned int segs);
void netdev_update_features(struct net_device *dev);
void netdev_change_features(struct net_device *dev);
void netif_stacked_transfer_operstate(const struct net_device *rootdev, struct net_device *dev);
void netdev_stats_to_stats64(struct rtnl_link_stats64 *stats64, const struct net_device_stats *netdev_stats);
struct rtnl_link_stats64 *dev_get_stats(struct net_device *dev, struct rtnl_link_stats64 *storage);
void dev_fetch_sw_netstats(struct rtnl_link_stats64 *s, const struct pcpu_sw_netstats *netstats);
void dev_get_tstats64(struct net_device *dev, struct rtnl_link_stats64 *s);
void dev_sw_netstats_rx_add(struct net_device *dev, unsigned int len);
void dev_sw_netstats_tx_add(struct net_device *dev, unsigned int packets, unsigned int len);
void dev_lstats_add(struct net_device *dev, unsigned int len);
#define netdev_alloc_pcpu_stats(type) alloc_percpu(type)
void netif_napi_add(struct net_device *dev, struct napi_struct *napi, int (*poll)(struct napi_struct *, int));
#define netif_napi_add(dev, napi, poll, ...) netif_napi_add(dev, napi, poll)
void netif_napi_add_weight(struct net_device *dev, struct napi_struct *napi,
			   int (*poll)(struct napi_struct *, int), int weight);
void netif_napi_add_tx(struct net_device *dev, struct napi_struct *napi, int (*poll)(struct napi_struct *, int));
void netif_napi_del(struct napi_struct *napi);
void napi_enable(struct napi_struct *n);
void napi_disable(struct napi_struct *n);
void napi_synchronize(const struct napi_struct *n);
bool napi_schedule(struct napi_struct *n);
bool napi_schedule_prep(struct napi_struct *n);
void __napi_schedule(struct napi_struct *n);
void napi_schedule_irqoff(struct napi_struct *n);
void __napi_schedule_irqoff(struct napi_struct *n);
bool napi_complete_done(struct napi_struct *n, int work_done);
bool napi_complete(struct napi_struct *n);
void rtnl_lock(void);
void rtnl_unlock(void);
int rtnl_trylock(void);
int rtnl_is_locked(void);
void ASSERT_RTNL(void);
void synchronize_net(void);
int call_netdevice_notifiers(unsigned long val, struct net_device *dev);
enum netdev_cmd {
	NETDEV_UP = 1,
	NETDEV_DOWN,
	NETDEV_REBOOT,
	NETDEV_CHANGE,
	NETDEV_REGISTER,
	NETDEV_UNREGISTER,
	NETDEV_CHANGEMTU,
	NETDEV_CHANGEADDR,
	NETDEV_PRE_CHANGEADDR,
	NETDEV_GOING_DOWN,
	NETDEV_CHANGENAME,
	NETDEV_FEAT_CHANGE,
	NETDEV_BONDING_FAILOVER,
	NETDEV_PRE_UP,
	NETDEV_PRE_TYPE_CHANGE,
	NETDEV_POST_TYPE_CHANGE,
	NETDEV_POST_INIT,
};
int register_netdevice_notifier(struct notifier_block *nb);
int unregister_netdevice_notifier(struct notifier_block *nb);
struct net_device *netdev_notifier_info_to_dev(const void *info);
void dev_net_set(struct net_device *dev, struct net *net);
int netdev_upper_dev_link(struct net_device *dev, struct net_device *upper_dev, struct netlink_ext_ack *extack);
void netdev_upper_dev_unlink(struct net_device *dev, struct net_device *upper_dev);
struct net_device *netdev_upper_get_next_dev_rcu(struct net_device *dev, struct list_head **iter);
#define netdev_for_each_upper_dev_rcu(dev, updev, iter) \
	for ((iter) = &(dev)->adj_list.upper, (updev) = netdev_upper_get_next_dev_rcu(dev, &(iter)); \
	     (updev); (updev) = netdev_upper_get_next_dev_rcu(dev, &(iter)))
void unregister_netdevice_queue(struct net_device *dev, struct list_head *head);
void unregister_netdevice_many(struct list_head *head);
int platform_get_ethdev_address(struct device *dev, struct net_device *netdev);
int eth_platform_get_mac_address(struct device *dev, u8 *mac_addr);
int skb_header_cloned(const struct sk_buff *skb);
bool skb_defer_rx_timestamp(struct sk_buff *skb);
int vlan_get_tag(const struct sk_buff *skb, u16 *vlan_tci);
netdev_features_t vlan_features_check(struct sk_buff *skb, netdev_features_t features);
netdev_features_t vxlan_features_check(struct sk_buff *skb, netdev_features_t features);
netdev_features_t passthru_features_check(struct sk_buff *skb, struct net_device *dev, netdev_features_t features);
void net_selftest(struct net_device *ndev, struct ethtool_test *etest, u64 *buf);
int net_selftest_get_count(void);
void net_selftest_get_strings(u8 *data);
int __vlan_get_tag(const struct sk_buff *skb, u16 *vlan_tci);
/* netdev logging (real functions) and netif_<level>(priv, type, dev, ...) */
void netdev_printk(const char *level, const struct net_device *dev, const char *format, ...);
void netdev_emerg(const struct net_device *dev, const char *format, ...);
void netdev_alert(const struct net_device *dev, const char *format, ...);
void netdev_crit(const struct net_device *dev, const char *format, ...);
void netdev_err(const struct net_device *dev, const char *format, ...);
void netdev_warn(const struct net_device *dev, const char *format, ...);
void netdev_notice(const struct net_device *dev, const char *format, ...);
void netdev_info(const struct net_device *dev, const char *format, ...);
void netdev_dbg(const struct net_device *dev, const char *format, ...);
void netdev_vdbg(const struct net_device *dev, const char *format, ...);
void netdev_err_once(const struct net_device *dev, const char *format, ...);
void netdev_warn_once(const struct net_device *dev, const char *format, ...);
void netdev_info_once(const struct net_device *dev, const char *format, ...);
void net_err_ratelimited(const char *fmt, ...);
void net_warn_ratelimited(const char *fmt, ...);
void net_info_ratelimited(const char *fmt, ...);
void net_dbg_ratelimited(const char *fmt, ...);
void net_notice_ratelimited(const char *fmt, ...);
bool netdev_WARN(const struct net_device *dev, const char *format, ...);
#define netif_level(level, priv, type, dev, fmt, ...) \
	do { if (netif_msg_##type(priv)) netdev_##level(dev, fmt, ##__VA_ARGS__); } while (0)
#define netif_emerg(priv, type, dev, fmt, ...) netif_level(emerg, priv, type, dev, fmt, ##__VA_ARGS__)
#define netif_alert(priv, type, dev, fmt, ...) netif_level(alert, priv, type, dev, fmt, ##__VA_ARGS__)
#define netif_crit(priv, type, dev, fmt, ...) netif_level(crit, priv, type, dev, fmt, ##__VA_ARGS__)
#define netif_err(priv, type, dev, fmt, ...) netif_level(err, priv, type, dev, fmt, ##__VA_ARGS__)
#define netif_warn(priv, type, dev, fmt, ...) netif_level(warn, priv, type, dev, fmt, ##__VA_ARGS__)
#define netif_notice(priv, type, dev, fmt, ...) netif_level(notice, priv, type, dev, fmt, ##__VA_ARGS__)
#define netif_info(priv, type, dev, fmt, ...) netif_level(info, priv, type, dev, fmt, ##__VA_ARGS__)
#define netif_dbg(priv, type, dev, fmt, ...) netif_level(dbg, priv, type, dev, fmt, ##__VA_ARGS__)
#define netif_vdbg(priv, type, dev, fmt, ...) netif_level(vdbg, priv, type, dev, fmt, ##__VA_ARGS__)
/* Ethernet address helpers */
__be16 eth_type_trans(struct sk_buff *skb, struct net_device *dev);
int eth_validate_addr(struct net_device *dev);
int eth_mac_addr(struct net_device *dev, void *p);
int eth_prepare_mac_addr_change(struct net_device *dev, void *p);
void eth_commit_mac_addr_change(struct net_device *dev, void *p);
int eth_change_mtu(struct net_device *dev, int new_mtu);
u32 eth_get_headlen(const struct net_device *dev, const void *data, u32 len);
int eth_header(struct sk_buff *skb, struct net_device *dev, unsigned short type,
	       const void *daddr, const void *saddr, unsigned int len);
void eth_hw_addr_set(struct net_device *dev, const u8 *addr);
void eth_hw_addr_random(struct net_device *dev);
void eth_hw_addr_inherit(struct net_device *dst, struct net_device *src);
void dev_addr_set(struct net_device *dev, const u8 *addr);
void dev_addr_mod(struct net_device *dev, unsigned int offset, const void *addr, size_t len);
int dev_addr_add(struct net_device *dev, const unsigned char *addr, unsigned char addr_type);
void eth_random_addr(u8 *addr);
void eth_broadcast_addr(u8 *addr);
void eth_zero_addr(u8 *addr);
bool is_valid_ether_addr(const u8 *addr);
bool is_zero_ether_addr(const u8 *addr);
bool is_multicast_ether_addr(const u8 *addr);
bool is_broadcast_ether_addr(const u8 *addr);
bool is_unicast_ether_addr(const u8 *addr);
bool is_local_ether_addr(const u8 *addr);
bool is_link_local_ether_addr(const u8 *addr);
void ether_addr_copy(u8 *dst, const u8 *src);
bool ether_addr_equal(const u8 *addr1, const u8 *addr2);
bool ether_addr_equal_64bits(const u8 *addr1, const u8 *addr2);
void u64_to_ether_addr(u64 u, u8 *addr);
u64 ether_addr_to_u64(const u8 *addr);
int dev_uc_add(struct net_device *dev, const unsigned char *addr);
int dev_mc_add(struct net_device *dev, const unsigned char *addr);

/* ---- ethtool -------------------------------------------------------- */
enum {
	ETH_GSTRING_LEN = 32, ETHTOOL_GSET = 0x00000001, ETHTOOL_SSET = 0x00000002,
	ETHTOOL_GDRVINFO = 0x00000003, ETHTOOL_GREGS = 0x00000004, ETHTOOL_GWOL = 0x00000005,
	ETHTOOL_SWOL = 0x00000006, ETHTOOL_GLINK = 0x0000000a, ETHTOOL_GEEPROM = 0x0000000b,
	ETHTOOL_FWVERS_LEN = 32, ETHTOOL_BUSINFO_LEN = 32, ETHTOOL_EROMVERS_LEN = 32,
};
enum ethtool_stringset {
	ETH_SS_TEST = 0,
	ETH_SS_STATS,
	ETH_SS_PRIV_FLAGS,
	ETH_SS_NTUPLE_FILTERS,
	ETH_SS_FEATURES,
};
enum {
	DUPLEX_HALF = 0x00, DUPLEX_FULL = 0x01, DUPLEX_UNKNOWN = 0xff, SPEED_10 = 10, SPEED_100 = 100,
	SPEED_1000 = 1000, SPEED_2500 = 2500, SPEED_5000 = 5000, SPEED_10000 = 10000,
};
#define SPEED_UNKNOWN -1
enum {
	AUTONEG_DISABLE = 0x00, AUTONEG_ENABLE = 0x01, PORT_TP = 0x00, PORT_AUI = 0x01,
	PORT_MII = 0x02, PORT_FIBRE = 0x03, PORT_BNC = 0x04, PORT_DA = 0x05, PORT_NONE = 0xef,
	PORT_OTHER = 0xff, XCVR_INTERNAL = 0x00, XCVR_EXTERNAL = 0x01, ETH_TP_MDI_INVALID = 0x00,
	ETH_TP_MDI = 0x01, ETH_TP_MDI_X = 0x02, ETH_TP_MDI_AUTO = 0x03, WAKE_PHY = (1 << 0),
	WAKE_UCAST = (1 << 1), WAKE_MCAST = (1 << 2), WAKE_BCAST = (1 << 3), WAKE_ARP = (1 << 4),
	WAKE_MAGIC = (1 << 5), WAKE_MAGICSECURE = (1 << 6), WAKE_FILTER = (1 << 7),
};
#define SOPASS_MAX 6
enum {
	SUPPORTED_10baseT_Half = (1 << 0), SUPPORTED_10baseT_Full = (1 << 1),
	SUPPORTED_100baseT_Half = (1 << 2), SUPPORTED_100baseT_Full = (1 << 3),
	SUPPORTED_1000baseT_Half = (1 << 4), SUPPORTED_1000baseT_Full = (1 << 5),
	SUPPORTED_Autoneg = (1 << 6), SUPPORTED_TP = (1 << 7), SUPPORTED_AUI = (1 << 8),
	SUPPORTED_MII = (1 << 9), SUPPORTED_FIBRE = (1 << 10), SUPPORTED_BNC = (1 << 11),
	SUPPORTED_10000baseT_Full = (1 << 12), SUPPORTED_Pause = (1 << 13),
	SUPPORTED_Asym_Pause = (1 << 14), ADVERTISED_10baseT_Half = (1 << 0),
	ADVERTISED_10baseT_Full = (1 << 1), ADVERTISED_100baseT_Half = (1 << 2),
	ADVERTISED_100baseT_Full = (1 << 3), ADVERTISED_1000baseT_Half = (1 << 4),
	ADVERTISED_1000baseT_Full = (1 << 5), ADVERTISED_Autoneg = (1 << 6), ADVERTISED_TP = (1 << 7),
	ADVERTISED_AUI = (1 << 8), ADVERTISED_MII = (1 << 9), ADVERTISED_FIBRE = (1 << 10),
	ADVERTISED_BNC = (1 << 11), ADVERTISED_10000baseT_Full = (1 << 12),
	ADVERTISED_Pause = (1 << 13), ADVERTISED_Asym_Pause = (1 << 14),
};
enum ethtool_link_mode_bit_indices {
	ETHTOOL_LINK_MODE_10baseT_Half_BIT = 0,
	ETHTOOL_LINK_MODE_10baseT_Full_BIT = 1,
	ETHTOOL_LINK_MODE_100baseT_Half_BIT = 2,
	ETHTOOL_LINK_MODE_100baseT_Full_BIT = 3,
	ETHTOOL_LINK_MODE_1000baseT_Half_BIT = 4,
	ETHTOOL_LINK_MODE_1000baseT_Full_BIT = 5,
	ETHTOOL_LINK_MODE_Autoneg_BIT = 6,
	ETHTOOL_LINK_MODE_TP_BIT = 7,
	ETHTOOL_LINK_MODE_AUI_BIT = 8,
	ETHTOOL_LINK_MODE_MII_BIT = 9,
	ETHTOOL_LINK_MODE_FIBRE_BIT = 10,
	ETHTOOL_LINK_MODE_BNC_BIT = 11,
	ETHTOOL_LINK_MODE_10000baseT_Full_BIT = 12,
	ETHTOOL_LINK_MODE_Pause_BIT = 13,
	ETHTOOL_LINK_MODE_Asym_Pause_BIT = 14,
	ETHTOOL_LINK_MODE_2500baseX_Full_BIT = 15,
	ETHTOOL_LINK_MODE_Backplane_BIT = 16,
	ETHTOOL_LINK_MODE_1000baseKX_Full_BIT = 17,
	ETHTOOL_LINK_MODE_10000baseKX4_Full_BIT = 18,
	ETHTOOL_LINK_MODE_10000baseKR_Full_BIT = 19,
	ETHTOOL_LINK_MODE_2500baseT_Full_BIT = 47,
	ETHTOOL_LINK_MODE_5000baseT_Full_BIT = 48,
	__ETHTOOL_LINK_MODE_MASK_NBITS = 128,
};
#define __ETHTOOL_DECLARE_LINK_MODE_MASK(name) DECLARE_BITMAP(name, __ETHTOOL_LINK_MODE_MASK_NBITS)
enum {
	ETHTOOL_COALESCE_RX_USECS = (1 << 0), ETHTOOL_COALESCE_RX_MAX_FRAMES = (1 << 1),
	ETHTOOL_COALESCE_TX_USECS = (1 << 4), ETHTOOL_COALESCE_TX_MAX_FRAMES = (1 << 5),
	ETHTOOL_COALESCE_USECS = (ETHTOOL_COALESCE_RX_USECS | ETHTOOL_COALESCE_TX_USECS),
	ETHTOOL_COALESCE_MAX_FRAMES = (ETHTOOL_COALESCE_RX_MAX_FRAMES | ETHTOOL_COALESCE_TX_MAX_FRAMES),
};
struct ethtool_drvinfo {
	__u32 cmd;
	char driver[32], version[32], fw_version[ETHTOOL_FWVERS_LEN];
	char bus_info[ETHTOOL_BUSINFO_LEN], erom_version[ETHTOOL_EROMVERS_LEN], reserved2[12];
	__u32 n_priv_flags, n_stats, testinfo_len, eedump_len, regdump_len;
};
struct ethtool_wolinfo {
	__u32 cmd, supported, wolopts;
	__u8 sopass[SOPASS_MAX];
};
struct ethtool_regs {
	__u32 cmd, version, len;
	__u8 data[];
};
struct ethtool_eeprom {
	__u32 cmd, magic, offset, len;
	__u8 data[];
};
struct ethtool_stats {
	__u32 cmd, n_stats;
	__u64 data[];
};
struct ethtool_pauseparam {
	__u32 cmd, autoneg, rx_pause, tx_pause;
};
struct ethtool_ringparam {
	__u32 cmd, rx_max_pending, rx_mini_max_pending, rx_jumbo_max_pending, tx_max_pending;
	__u32 rx_pending, rx_mini_pending, rx_jumbo_pending, tx_pending;
};
struct ethtool_coalesce {
	__u32 cmd, rx_coalesce_usecs, rx_max_coalesced_frames, rx_coalesce_usecs_irq;
	__u32 rx_max_coalesced_frames_irq, tx_coalesce_usecs, tx_max_coalesced_frames;
	__u32 tx_coalesce_usecs_irq, tx_max_coalesced_frames_irq, stats_block_coalesce_usecs;
	__u32 use_adaptive_rx_coalesce, use_adaptive_tx_coalesce, pkt_rate_low;
	__u32 rx_coalesce_usecs_low, rx_max_coalesced_frames_low, tx_coalesce_usecs_low;
	__u32 tx_max_coalesced_frames_low, pkt_rate_high, rx_coalesce_usecs_high;
	__u32 rx_max_coalesced_frames_high, tx_coalesce_usecs_high;
	__u32 tx_max_coalesced_frames_high, rate_sample_interval;
};
struct ethtool_eee {
	__u32 cmd, supported, advertised, lp_advertised, eee_active, eee_enabled;
	__u32 tx_lpi_enabled, tx_lpi_timer, reserved[2];
};
struct ethtool_cmd {
	__u32 cmd, supported, advertising;
	__u16 speed;
	__u8 duplex, port, phy_address, transceiver, autoneg, mdio_support;
	__u32 maxtxpkt, maxrxpkt;
	__u16 speed_hi;
	__u8 eth_tp_mdix, eth_tp_mdix_ctrl;
	__u32 lp_advertising, reserved[2];
};
struct ethtool_link_settings {
	__u32 cmd, speed;
	__u8 duplex, port, phy_address, autoneg, mdio_support, eth_tp_mdix, eth_tp_mdix_ctrl;
	__s8 link_mode_masks_nwords;
	__u8 transceiver, master_slave_cfg, master_slave_state, rate_matching;
	__u32 reserved[7];
};
struct ethtool_link_ksettings {
	struct ethtool_link_settings base;
	struct {
		__ETHTOOL_DECLARE_LINK_MODE_MASK(supported);
		__ETHTOOL_DECLARE_LINK_MODE_MASK(advertising);
		__ETHTOOL_DECLARE_LINK_MODE_MASK(lp_advertising);
	} link_modes;
	u32 lanes;
};
struct ethtool_ts_info {
	__u32 cmd, so_timestamping;
	__s32 phc_index;
	__u32 tx_types, tx_reserved[3], rx_filters, rx_reserved[3];
};
struct ethtool_tunable {
	__u32 cmd, id, type_id, len;
	void *data[];
};
enum tunable_id {
	ETHTOOL_ID_UNSPEC,
	ETHTOOL_RX_COPYBREAK,
	ETHTOOL_TX_COPYBREAK,
	ETHTOOL_PFC_PREVENTION_TOUT,
	ETHTOOL_TX_COPYBREAK_BUF_SIZE,
};
enum tunable_type_id {
	ETHTOOL_TUNABLE_UNSPEC,
	ETHTOOL_TUNABLE_U8,
	ETHTOOL_TUNABLE_U16,
	ETHTOOL_TUNABLE_U32,
	ETHTOOL_TUNABLE_U64,
	ETHTOOL_TUNABLE_STRING,
	ETHTOOL_TUNABLE_S8,
	ETHTOOL_TUNABLE_S16,
	ETHTOOL_TUNABLE_S32,
	ETHTOOL_TUNABLE_S64,
};
struct kernel_ethtool_coalesce {
	u8 use_cqe_mode_tx, use_cqe_mode_rx;
	u32 tx_aggr_max_bytes, tx_aggr_max_frames, tx_aggr_time_usecs;
};
struct kernel_ethtool_ringparam {
	u32 rx_buf_len;
	u8 tcp_data_split, tx_push, rx_push;
	u32 cqe_size;
};
struct ethtool_ops {
	u32 cap_link_lanes_supported:1, supported_coalesce_params, supported_ring_params;
	void (*get_drvinfo)(struct net_device *dev, struct ethtool_drvinfo *info);
	int (*get_regs_len)(struct net_device *dev);
	void (*get_regs)(struct net_device *dev, struct ethtool_regs *regs, void *p);
	void (*get_wol)(struct net_device *dev, struct ethtool_wolinfo *wol);
	int (*set_wol)(struct net_device *dev, struct ethtool_wolinfo *wol);
	u32 (*get_msglevel)(struct net_device *dev);
	void (*set_msglevel)(struct net_device *dev, u32 value);
	int (*nway_reset)(struct net_device *dev);
	u32 (*get_link)(struct net_device *dev);
	int (*get_link_ext_state)();
	int (*get_eeprom_len)(struct net_device *dev);
	int (*get_eeprom)(struct net_device *dev, struct ethtool_eeprom *eeprom, u8 *data);
	int (*set_eeprom)(struct net_device *dev, struct ethtool_eeprom *eeprom, u8 *data);
	int (*get_coalesce)();          /* parameter list differs across versions */
	int (*set_coalesce)();
	void (*get_ringparam)();
	int (*set_ringparam)();
	void (*get_pauseparam)(struct net_device *dev, struct ethtool_pauseparam *pause);
	int (*set_pauseparam)(struct net_device *dev, struct ethtool_pauseparam *pause);
	void (*self_test)(struct net_device *dev, struct ethtool_test *test, u64 *data);
	void (*get_strings)(struct net_device *dev, u32 stringset, u8 *data);
	int (*set_phys_id)(struct net_device *dev, int state);
	void (*get_ethtool_stats)(struct net_device *dev, struct ethtool_stats *stats, u64 *data);
	int (*begin)(struct net_device *dev);
	void (*complete)(struct net_device *dev);
	u32 (*get_priv_flags)(struct net_device *dev);
	int (*set_priv_flags)(struct net_device *dev, u32 flags);
	int (*get_sset_count)(struct net_device *dev, int sset);
	int (*get_rxnfc)();
	int (*set_rxnfc)();
	int (*get_ts_info)(struct net_device *dev, struct ethtool_ts_info *info);
	int (*get_module_info)();
	int (*get_module_eeprom)();
	int (*get_eee)(struct net_device *dev, struct ethtool_eee *eee);
	int (*set_eee)(struct net_device *dev, struct ethtool_eee *eee);
	int (*get_tunable)(struct net_device *dev, const struct ethtool_tunable *tuna, void *data);
	int (*set_tunable)(struct net_device *dev, const struct ethtool_tunable *tuna, const void *data);
	int (*get_link_ksettings)(struct net_device *dev, struct ethtool_link_ksettings *cmd);
	int (*set_link_ksettings)(struct net_device *dev, const struct ethtool_link_ksettings *cmd);
};
struct ethtool_test {
	__u32 cmd, flags, reserved, len;
	__u64 data[];
};
#define ETH_TEST_FL_OFFLINE (1 << 0)
#define ETH_TEST_FL_FAILED (1 << 1)
#define ethtool_link_ksettings_zero_link_mode(ptr, name) \
	bitmap_zero((ptr)->link_modes.name, __ETHTOOL_LINK_MODE_MASK_NBITS)
#define ethtool_link_ksettings_add_link_mode(ptr, name, mode) \
	__set_bit(ETHTOOL_LINK_MODE_##mode##_BIT, (ptr)->link_modes.name)
#define ethtool_link_ksettings_del_link_mode(ptr, name, mode) \
	__clear_bit(ETHTOOL_LINK_MODE_##mode##_BIT, (ptr)->link_modes.name)
#define ethtool_link_ksettings_test_link_mode(ptr, name, mode) \
	test_bit(ETHTOOL_LINK_MODE_##mode##_BIT, (ptr)->link_modes.name)
void ethtool_convert_legacy_u32_to_link_mode(unsigned long *dst, u32 legacy_u32);
bool ethtool_convert_link_mode_to_legacy_u32(u32 *legacy_u32, const unsigned long *src);
u32 ethtool_cmd_speed(const struct ethtool_cmd *ep);
void ethtool_cmd_speed_set(struct ethtool_cmd *ep, u32 speed);
u32 ethtool_op_get_link(struct net_device *dev);
int ethtool_op_get_ts_info(struct net_device *dev, struct ethtool_ts_info *eti);
void ethtool_sprintf(u8 **data, const char *fmt, ...);
void ethtool_puts(u8 **data, const char *str);

/* ---- rfkill, WWAN ports, phonet ------------------------------------ */
enum rfkill_type {
	RFKILL_TYPE_ALL = 0,
	RFKILL_TYPE_WLAN,
	RFKILL_TYPE_BLUETOOTH,
	RFKILL_TYPE_UWB,
	RFKILL_TYPE_WIMAX,
	RFKILL_TYPE_WWAN,
	RFKILL_TYPE_GPS,
	RFKILL_TYPE_FM,
	RFKILL_TYPE_NFC,
};
struct rfkill;
struct rfkill_ops {
	void (*poll)(struct rfkill *rfkill, void *data);
	void (*query)(struct rfkill *rfkill, void *data);
	int (*set_block)(void *data, bool blocked);
};
struct rfkill *rfkill_alloc(const char *name, struct device *parent, const enum rfkill_type type,
			    const struct rfkill_ops *ops, void *ops_data);
int rfkill_register(struct rfkill *rfkill);
void rfkill_unregister(struct rfkill *rfkill);
void rfkill_destroy(struct rfkill *rfkill);
bool rfkill_set_hw_state(struct rfkill *rfkill, bool blocked);
bool rfkill_set_sw_state(struct rfkill *rfkill, bool blocked);
bool rfkill_blocked(struct rfkill *rfkill);
enum wwan_port_type {
	WWAN_PORT_AT,
	WWAN_PORT_MBIM,
	WWAN_PORT_QMI,
	WWAN_PORT_QCDM,
	WWAN_PORT_FIREHOSE,
	WWAN_PORT_XMMRPC,
	WWAN_PORT_MAX,
	WWAN_PORT_UNKNOWN,
};
enum {
	PHONET_MIN_MTU = 6, PHONET_MAX_MTU = 65541, PN_MEDIA_USB = 0x1B, PN_DEV_PC = 0x10,
};
#define SIOCPNGAUTOCONF (SIOCDEVPRIVATE + 0)
struct if_phonet_autoconf {
	uint8_t device;
};
struct if_phonet_req {
	char ifr_phonet_name[16];
	union {
		struct if_phonet_autoconf ifru_phonet_autoconf;
	} ifr_ifru;
};
#define ifr_phonet_autoconf ifr_ifru.ifru_phonet_autoconf
extern const struct header_ops phonet_header_ops;

/* ---- IPv6 neighbour discovery helpers ------------------------------- */
enum {
	IPV6_ADDR_ANY = 0x0000U, IPV6_ADDR_UNICAST = 0x0001U, IPV6_ADDR_MULTICAST = 0x0002U,
	IPV6_ADDR_LOOPBACK = 0x0010U, IPV6_ADDR_LINKLOCAL = 0x0020U, NDISC_ROUTER_SOLICITATION = 133,
	NDISC_ROUTER_ADVERTISEMENT = 134, NDISC_NEIGHBOUR_SOLICITATION = 135,
	NDISC_NEIGHBOUR_ADVERTISEMENT = 136,
};
struct icmp6hdr {
	__u8 icmp6_type, icmp6_code;
	__sum16 icmp6_cksum;
	union {
		__be32 un_data32[1];
		__be16 un_data16[2];
		__u8 un_data8[4];
	} icmp6_dataun;
};
struct nd_msg {
	struct icmp6hdr icmph;
	struct in6_addr target;
	__u8 opt[];
};
struct ipv6_devconf {
	__s32 forwarding, hop_limit, mtu6, accept_ra;
};
struct inet6_dev {
	struct net_device *dev;
	struct list_head addr_list;
	struct ipv6_devconf cnf;
};
struct ipv6_stub {
	void (*ndisc_send_na)(struct net_device *dev, const struct in6_addr *daddr,
			      const struct in6_addr *solicited_addr, bool router, bool solicited,
			      bool override, bool inc_opt);
};
extern const struct ipv6_stub *ipv6_stub;
bool ipv6_addr_is_solict_mult(const struct in6_addr *addr);
int ipv6_addr_type(const struct in6_addr *addr);
struct inet6_dev *in6_dev_get(const struct net_device *dev);
void in6_dev_put(struct inet6_dev *idev);
struct net_device *__vlan_find_dev_deep_rcu(struct net_device *real_dev, __be16 vlan_proto, u16 vlan_id);

/* ---- MII ------------------------------------------------------------ */
enum {
	MII_BMCR = 0x00, MII_BMSR = 0x01, MII_PHYSID1 = 0x02, MII_PHYSID2 = 0x03,
	MII_ADVERTISE = 0x04, MII_LPA = 0x05, MII_EXPANSION = 0x06, MII_CTRL1000 = 0x09,
	MII_STAT1000 = 0x0a, MII_MMD_CTRL = 0x0d, MII_MMD_DATA = 0x0e, MII_ESTATUS = 0x0f,
	MII_DCOUNTER = 0x12, MII_FCSCOUNTER = 0x13, MII_NWAYTEST = 0x14, MII_RERRCOUNTER = 0x15,
	MII_SREVISION = 0x16, MII_RESV1 = 0x17, MII_LBRERROR = 0x18, MII_PHYADDR = 0x19,
	MII_RESV2 = 0x1a, MII_TPISTATUS = 0x1b, MII_NCONFIG = 0x1c, BMCR_RESV = 0x003f,
	BMCR_SPEED1000 = 0x0040, BMCR_CTST = 0x0080, BMCR_FULLDPLX = 0x0100, BMCR_ANRESTART = 0x0200,
	BMCR_ISOLATE = 0x0400, BMCR_PDOWN = 0x0800, BMCR_ANENABLE = 0x1000, BMCR_SPEED100 = 0x2000,
	BMCR_LOOPBACK = 0x4000, BMCR_RESET = 0x8000, BMCR_SPEED10 = 0x0000, BMSR_ERCAP = 0x0001,
	BMSR_JCD = 0x0002, BMSR_LSTATUS = 0x0004, BMSR_ANEGCAPABLE = 0x0008, BMSR_RFAULT = 0x0010,
	BMSR_ANEGCOMPLETE = 0x0020, BMSR_RESV = 0x00c0, BMSR_ESTATEN = 0x0100, BMSR_100HALF2 = 0x0200,
	BMSR_100FULL2 = 0x0400, BMSR_10HALF = 0x0800, BMSR_10FULL = 0x1000, BMSR_100HALF = 0x2000,
	BMSR_100FULL = 0x4000, BMSR_100BASE4 = 0x8000, ADVERTISE_SLCT = 0x001f,
	ADVERTISE_CSMA = 0x0001, ADVERTISE_10HALF = 0x0020, ADVERTISE_1000XFULL = 0x0020,
	ADVERTISE_10FULL = 0x0040, ADVERTISE_1000XHALF = 0x0040, ADVERTISE_100HALF = 0x0080,
	ADVERTISE_1000XPAUSE = 0x0080, ADVERTISE_100FULL = 0x0100, ADVERTISE_1000XPSE_ASYM = 0x0100,
	ADVERTISE_100BASE4 = 0x0200, ADVERTISE_PAUSE_CAP = 0x0400, ADVERTISE_PAUSE_ASYM = 0x0800,
	ADVERTISE_RESV = 0x1000, ADVERTISE_RFAULT = 0x2000, ADVERTISE_LPACK = 0x4000,
	ADVERTISE_NPAGE = 0x8000,
	ADVERTISE_FULL = (ADVERTISE_100FULL | ADVERTISE_10FULL | ADVERTISE_CSMA),
	ADVERTISE_ALL = (ADVERTISE_10HALF | ADVERTISE_10FULL | ADVERTISE_100HALF | ADVERTISE_100FULL),
	LPA_SLCT = 0x001f, LPA_10HALF = 0x0020, LPA_1000XFULL = 0x0020, LPA_10FULL = 0x0040,
	LPA_1000XHALF = 0x0040, LPA_100HALF = 0x0080, LPA_1000XPAUSE = 0x0080, LPA_100FULL = 0x0100,
	LPA_1000XPAUSE_ASYM = 0x0100, LPA_100BASE4 = 0x0200, LPA_PAUSE_CAP = 0x0400,
	LPA_PAUSE_ASYM = 0x0800, LPA_RESV = 0x1000, LPA_RFAULT = 0x2000, LPA_LPACK = 0x4000,
	LPA_NPAGE = 0x8000, LPA_DUPLEX = (LPA_10FULL | LPA_100FULL),
	LPA_100 = (LPA_100FULL | LPA_100HALF | LPA_100BASE4), ADVERTISE_1000HALF = 0x0100,
	ADVERTISE_1000FULL = 0x0200, CTL1000_AS_MASTER = 0x0800, CTL1000_ENABLE_MASTER = 0x1000,
	LPA_1000HALF = 0x0400, LPA_1000FULL = 0x0800, LPA_1000REMRXOK = 0x1000,
	LPA_1000LOCALRXOK = 0x2000, LPA_1000MSRES = 0x4000, LPA_1000MSFAIL = 0x8000,
	ESTATUS_1000_THALF = 0x1000, ESTATUS_1000_TFULL = 0x2000, FLOW_CTRL_TX = 0x01,
	FLOW_CTRL_RX = 0x02,
};
struct mii_ioctl_data {
	__u16 phy_id, reg_num, val_in, val_out;
};
struct mii_if_info {
	int phy_id, advertising, phy_id_mask, reg_num_mask;
	unsigned int full_duplex:1, force_media:1, supports_gmii:1;
	struct net_device *dev;
	int (*mdio_read)(struct net_device *dev, int phy_id, int location);
	void (*mdio_write)(struct net_device *dev, int phy_id, int location, int val);
};
int mii_link_ok(struct mii_if_info *mii);
int mii_nway_restart(struct mii_if_info *mii);
void mii_ethtool_gset(struct mii_if_info *mii, struct ethtool_cmd *ecmd);
int mii_ethtool_sset(struct mii_if_info *mii, struct ethtool_cmd *ecmd);
void mii_ethtool_get_link_ksettings(struct mii_if_info *mii, struct ethtool_link_ksettings *cmd);
int mii_ethtool_set_link_ksettings(struct mii_if_info *mii, const struct ethtool_link_ksettings *cmd);
int mii_check_gmii_support(struct mii_if_info *mii);
void mii_check_link(struct mii_if_info *mii);
unsigned int mii_check_media(struct mii_if_info *mii, unsigned int ok_to_print, unsigned int init_media);
int generic_mii_ioctl(struct mii_if_info *mii_if, struct mii_ioctl_data *mii_data, int cmd,
		      unsigned int *duplex_changed);
struct mii_ioctl_data *if_mii(struct ifreq *rq);
unsigned int mii_nway_result(unsigned int negotiated);
unsigned int mii_duplex(unsigned int duplex_lock, unsigned int negotiated);
u16 mii_advertise_flowctrl(int cap);
u8 mii_resolve_flowctrl_fdx(u16 lcladv, u16 rmtadv);
u32 ethtool_adv_to_mii_adv_t(u32 ethadv);
u32 mii_adv_to_ethtool_adv_t(u32 adv);
u32 mii_lpa_to_ethtool_lpa_t(u32 lpa);
u32 mii_stat1000_to_ethtool_lpa_t(u32 lpa);
u32 ethtool_adv_to_mii_ctrl1000_t(u32 ethadv);
void mii_lpa_mod_linkmode_lpa_t(unsigned long *lp_advertising, u32 lpa);
void mii_stat1000_mod_linkmode_lpa_t(unsigned long *advertising, u32 lpa);
u32 linkmode_adv_to_mii_adv_t(const unsigned long *advertising);

#endif /* DRVLINT_NET_H */
