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
#define ETH_ALEN 6
#define ETH_TLEN 2
#define ETH_HLEN 14
#define ETH_ZLEN 60
#define ETH_DATA_LEN 1500
#define ETH_FRAME_LEN 1514
#define ETH_FCS_LEN 4
#define ETH_MIN_MTU 68
#define ETH_MAX_MTU 0xFFFFU
#define ETH_P_LOOP 0x0060
#define ETH_P_IP 0x0800
#define ETH_P_ARP 0x0806
#define ETH_P_8021Q 0x8100
#define ETH_P_IPX 0x8137
#define ETH_P_IPV6 0x86DD
#define ETH_P_PAUSE 0x8808
#define ETH_P_8021AD 0x88A8
#define ETH_P_PAE 0x888E
#define ETH_P_TEB 0x6558
#define ETH_P_802_3_MIN 0x0600
#define ETH_P_802_3 0x0001
#define ETH_P_ALL 0x0003
#define ETH_P_802_2 0x0004
#define ETH_P_PHONET 0x00F5
#define ETH_P_MAP 0x00F9
#define VLAN_HLEN 4
#define VLAN_ETH_HLEN 18
#define VLAN_ETH_DATA_LEN 1500
#define VLAN_ETH_FRAME_LEN 1518
#define VLAN_N_VID 4096
#define VLAN_VID_MASK 0x0fff
#define VLAN_PRIO_MASK 0xe000
#define VLAN_PRIO_SHIFT 13
#define VLAN_CFI_MASK 0x1000
#define IPPROTO_IP 0
#define IPPROTO_ICMP 1
#define IPPROTO_TCP 6
#define IPPROTO_UDP 17
#define IPPROTO_IPV6 41
#define IPPROTO_ICMPV6 58
struct ethhdr {
	unsigned char h_dest[ETH_ALEN];
	unsigned char h_source[ETH_ALEN];
	__be16 h_proto;
} __attribute__((__packed__));
struct vlan_ethhdr {
	unsigned char h_dest[ETH_ALEN];
	unsigned char h_source[ETH_ALEN];
	__be16 h_vlan_proto;
	__be16 h_vlan_TCI;
	__be16 h_vlan_encapsulated_proto;
};
struct vlan_hdr {
	__be16 h_vlan_TCI;
	__be16 h_vlan_encapsulated_proto;
};
struct iphdr {
	__u8 ihl:4, version:4;
	__u8 tos;
	__be16 tot_len;
	__be16 id;
	__be16 frag_off;
	__u8 ttl;
	__u8 protocol;
	__sum16 check;
	__be32 saddr;
	__be32 daddr;
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
	__u8 priority:4, version:4;
	__u8 flow_lbl[3];
	__be16 payload_len;
	__u8 nexthdr;
	__u8 hop_limit;
	struct in6_addr saddr;
	struct in6_addr daddr;
};
struct tcphdr {
	__be16 source;
	__be16 dest;
	__be32 seq;
	__be32 ack_seq;
	__u16 res1:4, doff:4, fin:1, syn:1, rst:1, psh:1, ack:1, urg:1, ece:1, cwr:1;
	__be16 window;
	__sum16 check;
	__be16 urg_ptr;
};
struct udphdr {
	__be16 source;
	__be16 dest;
	__be16 len;
	__sum16 check;
};
struct arphdr {
	__be16 ar_hrd;
	__be16 ar_pro;
	unsigned char ar_hln;
	unsigned char ar_pln;
	__be16 ar_op;
};
struct sockaddr {
	unsigned short sa_family;
	char sa_data[14];
};
#define ARPHRD_NETROM 0
#define ARPHRD_ETHER 1
#define ARPHRD_IEEE802 6
#define ARPHRD_PPP 512
#define ARPHRD_RAWIP 519
#define ARPHRD_LOOPBACK 772
#define ARPHRD_PHONET 820
#define ARPHRD_PHONET_PIPE 821
#define ARPHRD_NONE 0xFFFE
#define ARPHRD_VOID 0xFFFF
#define ARPOP_REQUEST 1
#define ARPOP_REPLY 2
#define AF_UNSPEC 0
#define AF_INET 2
#define AF_INET6 10
#define AF_PACKET 17

/* ---- sk_buff -------------------------------------------------------- */
#define CHECKSUM_NONE 0
#define CHECKSUM_UNNECESSARY 1
#define CHECKSUM_COMPLETE 2
#define CHECKSUM_PARTIAL 3
#define PACKET_HOST 0
#define PACKET_BROADCAST 1
#define PACKET_MULTICAST 2
#define PACKET_OTHERHOST 3
#define PACKET_OUTGOING 4
#define PACKET_LOOPBACK 5
#define MAX_SKB_FRAGS 17
#define NET_IP_ALIGN 2
#define NET_SKB_PAD 64
#define SKB_DATA_ALIGN(x) ALIGN(x, SMP_CACHE_BYTES)
#define SKB_TRUESIZE(x) ((x) + 320)
#define SKB_GSO_TCPV4 (1 << 0)
#define SKB_GSO_DODGY (1 << 1)
#define SKB_GSO_TCP_ECN (1 << 2)
#define SKB_GSO_TCPV6 (1 << 4)
#define SKB_GSO_UDP_L4 (1 << 16)
#define SKBTX_HW_TSTAMP (1 << 0)
#define SKBTX_IN_PROGRESS (1 << 2)
typedef unsigned char *sk_buff_data_t;
typedef struct skb_frag {
	struct page *bv_page;
	unsigned int bv_len;
	unsigned int bv_offset;
} skb_frag_t;
struct skb_shared_hwtstamps {
	ktime_t hwtstamp;
};
struct skb_shared_info {
	__u8 flags;
	__u8 meta_len;
	__u8 nr_frags;
	__u8 tx_flags;
	unsigned short gso_size;
	unsigned short gso_segs;
	struct sk_buff *frag_list;
	struct skb_shared_hwtstamps hwtstamps;
	unsigned int gso_type;
	u32 tskey;
	atomic_t dataref;
	skb_frag_t frags[MAX_SKB_FRAGS];
};
struct sk_buff {
	struct sk_buff *next;
	struct sk_buff *prev;
	struct net_device *dev;
	struct sock *sk;
	ktime_t tstamp;
	char cb[48] __attribute__((__aligned__(8)));
	unsigned long _skb_refdst;
	void (*destructor)(struct sk_buff *skb);
	unsigned int len;
	unsigned int data_len;
	__u16 mac_len;
	__u16 hdr_len;
	__u16 queue_mapping;
	__u8 cloned:1, nohdr:1, fclone:2, peeked:1, head_frag:1, pfmemalloc:1, pp_recycle:1;
	__u8 pkt_type:3, ignore_df:1, dst_pending_confirm:1, ip_summed:2, ooo_okay:1;
	__u8 l4_hash:1, sw_hash:1, wifi_acked_valid:1, wifi_acked:1, no_fcs:1, encapsulation:1,
	     encap_hdr_csum:1, csum_valid:1;
	__u8 csum_level:2, csum_not_inet:1, vlan_present:1;
	__u16 tc_index;
	union {
		__wsum csum;
		struct {
			__u16 csum_start;
			__u16 csum_offset;
		};
	};
	__u32 priority;
	int skb_iif;
	__u32 hash;
	__be16 vlan_proto;
	__u16 vlan_tci;
	__u32 mark;
	__be16 inner_protocol;
	__u16 inner_transport_header;
	__u16 inner_network_header;
	__u16 inner_mac_header;
	__be16 protocol;
	__u16 transport_header;
	__u16 network_header;
	__u16 mac_header;
	sk_buff_data_t tail;
	sk_buff_data_t end;
	unsigned char *head;
	unsigned char *data;
	unsigned int truesize;
	refcount_t users;
};
struct sk_buff_head {
	struct sk_buff *next;
	struct sk_buff *prev;
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
#define IFNAMSIZ 16
#define MAX_ADDR_LEN 32
#define IFF_UP 0x1
#define IFF_BROADCAST 0x2
#define IFF_DEBUG 0x4
#define IFF_LOOPBACK 0x8
#define IFF_POINTOPOINT 0x10
#define IFF_NOTRAILERS 0x20
#define IFF_RUNNING 0x40
#define IFF_NOARP 0x80
#define IFF_PROMISC 0x100
#define IFF_ALLMULTI 0x200
#define IFF_MASTER 0x400
#define IFF_SLAVE 0x800
#define IFF_MULTICAST 0x1000
#define IFF_PORTSEL 0x2000
#define IFF_AUTOMEDIA 0x4000
#define IFF_DYNAMIC 0x8000
#define IFF_LOWER_UP 0x10000
#define IFF_DORMANT 0x20000
#define IFF_ECHO 0x40000
#define IFF_TX_SKB_SHARING (1 << 16)
#define IFF_UNICAST_FLT (1 << 17)
#define IFF_LIVE_ADDR_CHANGE (1 << 20)
#define IFF_NO_QUEUE (1 << 21)
#define IFF_NO_ADDRCONF (1 << 30)
#define NET_ADDR_PERM 0
#define NET_ADDR_RANDOM 1
#define NET_ADDR_STOLEN 2
#define NET_ADDR_SET 3
#define NET_NAME_UNKNOWN 0
#define NET_NAME_ENUM 1
#define NET_NAME_PREDICTABLE 2
#define NET_NAME_USER 3
#define NET_NAME_RENAMED 4
#define NAPI_POLL_WEIGHT 64
#define SIOCGMIIPHY 0x8947
#define SIOCGMIIREG 0x8948
#define SIOCSMIIREG 0x8949
#define SIOCDEVPRIVATE 0x89F0
#define SIOCSHWTSTAMP 0x89b0
#define SIOCGHWTSTAMP 0x89b1
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
#define NETIF_MSG_DRV 0x0001
#define NETIF_MSG_PROBE 0x0002
#define NETIF_MSG_LINK 0x0004
#define NETIF_MSG_TIMER 0x0008
#define NETIF_MSG_IFDOWN 0x0010
#define NETIF_MSG_IFUP 0x0020
#define NETIF_MSG_RX_ERR 0x0040
#define NETIF_MSG_TX_ERR 0x0080
#define NETIF_MSG_TX_QUEUED 0x0100
#define NETIF_MSG_INTR 0x0200
#define NETIF_MSG_TX_DONE 0x0400
#define NETIF_MSG_RX_STATUS 0x0800
#define NETIF_MSG_PKTDATA 0x1000
#define NETIF_MSG_HW 0x2000
#define NETIF_MSG_WOL 0x4000
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
#define NET_RX_SUCCESS 0
#define NET_RX_DROP 1
struct net_device_stats {
	unsigned long rx_packets;
	unsigned long tx_packets;
	unsigned long rx_bytes;
	unsigned long tx_bytes;
	unsigned long rx_errors;
	unsigned long tx_errors;
	unsigned long rx_dropped;
	unsigned long tx_dropped;
	unsigned long multicast;
	unsigned long collisions;
	unsigned long rx_length_errors;
	unsigned long rx_over_errors;
	unsigned long rx_crc_errors;
	unsigned long rx_frame_errors;
	unsigned long rx_fifo_errors;
	unsigned long rx_missed_errors;
	unsigned long tx_aborted_errors;
	unsigned long tx_carrier_errors;
	unsigned long tx_fifo_errors;
	unsigned long tx_heartbeat_errors;
	unsigned long tx_window_errors;
	unsigned long rx_compressed;
	unsigned long tx_compressed;
};
struct rtnl_link_stats64 {
	__u64 rx_packets;
	__u64 tx_packets;
	__u64 rx_bytes;
	__u64 tx_bytes;
	__u64 rx_errors;
	__u64 tx_errors;
	__u64 rx_dropped;
	__u64 tx_dropped;
	__u64 multicast;
	__u64 collisions;
	__u64 rx_length_errors;
	__u64 rx_over_errors;
	__u64 rx_crc_errors;
	__u64 rx_frame_errors;
	__u64 rx_fifo_errors;
	__u64 rx_missed_errors;
	__u64 tx_aborted_errors;
	__u64 tx_carrier_errors;
	__u64 tx_fifo_errors;
	__u64 tx_heartbeat_errors;
	__u64 tx_window_errors;
	__u64 rx_compressed;
	__u64 tx_compressed;
	__u64 rx_nohandler;
};
struct u64_stats_sync {
	unsigned int seq;
};
typedef struct {
	u64 v;
} u64_stats_t;
struct pcpu_sw_netstats {
	u64_stats_t rx_packets;
	u64_stats_t rx_bytes;
	u64_stats_t tx_packets;
	u64_stats_t tx_bytes;
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
	unsigned char addr[MAX_ADDR_LEN];
	unsigned char type;
	bool global_use;
	int sync_cnt;
	int refcount;
	int synced;
	struct rcu_head rcu_head;
};
struct netdev_hw_addr_list {
	struct list_head list;
	int count;
};
struct ifmap {
	unsigned long mem_start;
	unsigned long mem_end;
	unsigned short base_addr;
	unsigned char irq;
	unsigned char dma;
	unsigned char port;
};
struct ifreq {
	union {
		char ifrn_name[IFNAMSIZ];
	} ifr_ifrn;
	union {
		struct sockaddr ifru_addr;
		struct sockaddr ifru_dstaddr;
		struct sockaddr ifru_broadaddr;
		struct sockaddr ifru_netmask;
		struct sockaddr ifru_hwaddr;
		short ifru_flags;
		int ifru_ivalue;
		int ifru_mtu;
		struct ifmap ifru_map;
		char ifru_slave[IFNAMSIZ];
		char ifru_newname[IFNAMSIZ];
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
	int weight;
	int defer_hard_irqs_count;
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
	unsigned long mem_end;
	unsigned long mem_start;
	unsigned long base_addr;
	unsigned long state;
	struct list_head dev_list;
	struct list_head napi_list;
	netdev_features_t features;
	netdev_features_t hw_features;
	netdev_features_t wanted_features;
	netdev_features_t vlan_features;
	netdev_features_t hw_enc_features;
	netdev_features_t mpls_features;
	int ifindex;
	struct net_device_stats stats;
	atomic_long_t rx_dropped;
	atomic_long_t tx_dropped;
	const struct net_device_ops *netdev_ops;
	const struct ethtool_ops *ethtool_ops;
	const struct header_ops *header_ops;
	unsigned int flags;
	unsigned long long priv_flags;
	unsigned short gflags;
	unsigned short padded;
	unsigned char operstate;
	unsigned char link_mode;
	unsigned char if_port;
	unsigned char dma;
	unsigned int mtu;
	unsigned int min_mtu;
	unsigned int max_mtu;
	unsigned short type;
	unsigned short hard_header_len;
	unsigned char min_header_len;
	unsigned char name_assign_type;
	unsigned short needed_headroom;
	unsigned short needed_tailroom;
	unsigned char perm_addr[MAX_ADDR_LEN];
	unsigned char addr_assign_type;
	unsigned char addr_len;
	unsigned short neigh_priv_len;
	unsigned short dev_id;
	unsigned short dev_port;
	int irq;
	struct netdev_hw_addr_list uc;
	struct netdev_hw_addr_list mc;
	struct netdev_hw_addr_list dev_addrs;
	unsigned int promiscuity;
	unsigned int allmulti;
	const unsigned char *dev_addr;
	unsigned char broadcast[MAX_ADDR_LEN];
	unsigned int num_rx_queues;
	unsigned int real_num_rx_queues;
	unsigned int num_tx_queues;
	unsigned int real_num_tx_queues;
	unsigned int tx_queue_len;
	int watchdog_timeo;
	struct timer_list watchdog_timer;
	struct device dev;
	const struct attribute_group *sysfs_groups[4];
	const struct rtnl_link_ops *rtnl_link_ops;
	unsigned int gso_max_size;
	unsigned int tso_max_size;
	u16 gso_max_segs;
	u16 tso_max_segs;
	struct phy_device *phydev;
	bool needs_free_netdev;
	void (*priv_destructor)(struct net_device *dev);
	struct pcpu_sw_netstats *tstats;
	void *ml_priv;
	const struct attribute_group *sysfs_rx_queue_group;
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
int devm_register_netdev(struct device *dev, struct net_device *ndev);
void *netdev_priv(const struct net_device *dev);
void ether_setup(struct net_device *dev);
const char *netdev_name(const struct net_device *dev);
int dev_set_mtu(struct net_device *dev, int new_mtu);
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
#define ETH_GSTRING_LEN 32
#define ETHTOOL_FWVERS_LEN 32
#define ETHTOOL_BUSINFO_LEN 32
#define ETHTOOL_EROMVERS_LEN 32
enum ethtool_stringset {
	ETH_SS_TEST = 0,
	ETH_SS_STATS,
	ETH_SS_PRIV_FLAGS,
	ETH_SS_NTUPLE_FILTERS,
	ETH_SS_FEATURES,
};
#define DUPLEX_HALF 0x00
#define DUPLEX_FULL 0x01
#define DUPLEX_UNKNOWN 0xff
#define SPEED_10 10
#define SPEED_100 100
#define SPEED_1000 1000
#define SPEED_2500 2500
#define SPEED_5000 5000
#define SPEED_10000 10000
#define SPEED_UNKNOWN -1
#define AUTONEG_DISABLE 0x00
#define AUTONEG_ENABLE 0x01
#define PORT_TP 0x00
#define PORT_AUI 0x01
#define PORT_MII 0x02
#define PORT_FIBRE 0x03
#define PORT_BNC 0x04
#define PORT_DA 0x05
#define PORT_NONE 0xef
#define PORT_OTHER 0xff
#define XCVR_INTERNAL 0x00
#define XCVR_EXTERNAL 0x01
#define ETH_TP_MDI_INVALID 0x00
#define ETH_TP_MDI 0x01
#define ETH_TP_MDI_X 0x02
#define ETH_TP_MDI_AUTO 0x03
#define WAKE_PHY (1 << 0)
#define WAKE_UCAST (1 << 1)
#define WAKE_MCAST (1 << 2)
#define WAKE_BCAST (1 << 3)
#define WAKE_ARP (1 << 4)
#define WAKE_MAGIC (1 << 5)
#define WAKE_MAGICSECURE (1 << 6)
#define WAKE_FILTER (1 << 7)
#define SOPASS_MAX 6
#define SUPPORTED_10baseT_Half (1 << 0)
#define SUPPORTED_10baseT_Full (1 << 1)
#define SUPPORTED_100baseT_Half (1 << 2)
#define SUPPORTED_100baseT_Full (1 << 3)
#define SUPPORTED_1000baseT_Half (1 << 4)
#define SUPPORTED_1000baseT_Full (1 << 5)
#define SUPPORTED_Autoneg (1 << 6)
#define SUPPORTED_TP (1 << 7)
#define SUPPORTED_AUI (1 << 8)
#define SUPPORTED_MII (1 << 9)
#define SUPPORTED_FIBRE (1 << 10)
#define SUPPORTED_BNC (1 << 11)
#define SUPPORTED_10000baseT_Full (1 << 12)
#define SUPPORTED_Pause (1 << 13)
#define SUPPORTED_Asym_Pause (1 << 14)
#define ADVERTISED_10baseT_Half (1 << 0)
#define ADVERTISED_10baseT_Full (1 << 1)
#define ADVERTISED_100baseT_Half (1 << 2)
#define ADVERTISED_100baseT_Full (1 << 3)
#define ADVERTISED_1000baseT_Half (1 << 4)
#define ADVERTISED_1000baseT_Full (1 << 5)
#define ADVERTISED_Autoneg (1 << 6)
#define ADVERTISED_TP (1 << 7)
#define ADVERTISED_AUI (1 << 8)
#define ADVERTISED_MII (1 << 9)
#define ADVERTISED_FIBRE (1 << 10)
#define ADVERTISED_BNC (1 << 11)
#define ADVERTISED_10000baseT_Full (1 << 12)
#define ADVERTISED_Pause (1 << 13)
#define ADVERTISED_Asym_Pause (1 << 14)
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
#define ETHTOOL_COALESCE_RX_USECS (1 << 0)
#define ETHTOOL_COALESCE_RX_MAX_FRAMES (1 << 1)
#define ETHTOOL_COALESCE_TX_USECS (1 << 4)
#define ETHTOOL_COALESCE_TX_MAX_FRAMES (1 << 5)
#define ETHTOOL_COALESCE_USECS (ETHTOOL_COALESCE_RX_USECS | ETHTOOL_COALESCE_TX_USECS)
#define ETHTOOL_COALESCE_MAX_FRAMES (ETHTOOL_COALESCE_RX_MAX_FRAMES | ETHTOOL_COALESCE_TX_MAX_FRAMES)
struct ethtool_drvinfo {
	__u32 cmd;
	char driver[32];
	char version[32];
	char fw_version[ETHTOOL_FWVERS_LEN];
	char bus_info[ETHTOOL_BUSINFO_LEN];
	char erom_version[ETHTOOL_EROMVERS_LEN];
	char reserved2[12];
	__u32 n_priv_flags;
	__u32 n_stats;
	__u32 testinfo_len;
	__u32 eedump_len;
	__u32 regdump_len;
};
struct ethtool_wolinfo {
	__u32 cmd;
	__u32 supported;
	__u32 wolopts;
	__u8 sopass[SOPASS_MAX];
};
struct ethtool_regs {
	__u32 cmd;
	__u32 version;
	__u32 len;
	__u8 data[];
};
struct ethtool_eeprom {
	__u32 cmd;
	__u32 magic;
	__u32 offset;
	__u32 len;
	__u8 data[];
};
struct ethtool_stats {
	__u32 cmd;
	__u32 n_stats;
	__u64 data[];
};
struct ethtool_pauseparam {
	__u32 cmd;
	__u32 autoneg;
	__u32 rx_pause;
	__u32 tx_pause;
};
struct ethtool_ringparam {
	__u32 cmd;
	__u32 rx_max_pending;
	__u32 rx_mini_max_pending;
	__u32 rx_jumbo_max_pending;
	__u32 tx_max_pending;
	__u32 rx_pending;
	__u32 rx_mini_pending;
	__u32 rx_jumbo_pending;
	__u32 tx_pending;
};
struct ethtool_coalesce {
	__u32 cmd;
	__u32 rx_coalesce_usecs;
	__u32 rx_max_coalesced_frames;
	__u32 rx_coalesce_usecs_irq;
	__u32 rx_max_coalesced_frames_irq;
	__u32 tx_coalesce_usecs;
	__u32 tx_max_coalesced_frames;
	__u32 tx_coalesce_usecs_irq;
	__u32 tx_max_coalesced_frames_irq;
	__u32 stats_block_coalesce_usecs;
	__u32 use_adaptive_rx_coalesce;
	__u32 use_adaptive_tx_coalesce;
	__u32 pkt_rate_low;
	__u32 rx_coalesce_usecs_low;
	__u32 rx_max_coalesced_frames_low;
	__u32 tx_coalesce_usecs_low;
	__u32 tx_max_coalesced_frames_low;
	__u32 pkt_rate_high;
	__u32 rx_coalesce_usecs_high;
	__u32 rx_max_coalesced_frames_high;
	__u32 tx_coalesce_usecs_high;
	__u32 tx_max_coalesced_frames_high;
	__u32 rate_sample_interval;
};
struct ethtool_eee {
	__u32 cmd;
	__u32 supported;
	__u32 advertised;
	__u32 lp_advertised;
	__u32 eee_active;
	__u32 eee_enabled;
	__u32 tx_lpi_enabled;
	__u32 tx_lpi_timer;
	__u32 reserved[2];
};
struct ethtool_cmd {
	__u32 cmd;
	__u32 supported;
	__u32 advertising;
	__u16 speed;
	__u8 duplex;
	__u8 port;
	__u8 phy_address;
	__u8 transceiver;
	__u8 autoneg;
	__u8 mdio_support;
	__u32 maxtxpkt;
	__u32 maxrxpkt;
	__u16 speed_hi;
	__u8 eth_tp_mdix;
	__u8 eth_tp_mdix_ctrl;
	__u32 lp_advertising;
	__u32 reserved[2];
};
struct ethtool_link_settings {
	__u32 cmd;
	__u32 speed;
	__u8 duplex;
	__u8 port;
	__u8 phy_address;
	__u8 autoneg;
	__u8 mdio_support;
	__u8 eth_tp_mdix;
	__u8 eth_tp_mdix_ctrl;
	__s8 link_mode_masks_nwords;
	__u8 transceiver;
	__u8 master_slave_cfg;
	__u8 master_slave_state;
	__u8 rate_matching;
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
	__u32 cmd;
	__u32 so_timestamping;
	__s32 phc_index;
	__u32 tx_types;
	__u32 tx_reserved[3];
	__u32 rx_filters;
	__u32 rx_reserved[3];
};
struct ethtool_tunable {
	__u32 cmd;
	__u32 id;
	__u32 type_id;
	__u32 len;
	void *data[];
};
struct ethtool_ops {
	u32 cap_link_lanes_supported:1;
	u32 supported_coalesce_params;
	u32 supported_ring_params;
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
	__u32 cmd;
	__u32 flags;
	__u32 reserved;
	__u32 len;
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

/* ---- MII ------------------------------------------------------------ */
#define MII_BMCR 0x00
#define MII_BMSR 0x01
#define MII_PHYSID1 0x02
#define MII_PHYSID2 0x03
#define MII_ADVERTISE 0x04
#define MII_LPA 0x05
#define MII_EXPANSION 0x06
#define MII_CTRL1000 0x09
#define MII_STAT1000 0x0a
#define MII_MMD_CTRL 0x0d
#define MII_MMD_DATA 0x0e
#define MII_ESTATUS 0x0f
#define MII_DCOUNTER 0x12
#define MII_FCSCOUNTER 0x13
#define MII_NWAYTEST 0x14
#define MII_RERRCOUNTER 0x15
#define MII_SREVISION 0x16
#define MII_RESV1 0x17
#define MII_LBRERROR 0x18
#define MII_PHYADDR 0x19
#define MII_RESV2 0x1a
#define MII_TPISTATUS 0x1b
#define MII_NCONFIG 0x1c
#define BMCR_RESV 0x003f
#define BMCR_SPEED1000 0x0040
#define BMCR_CTST 0x0080
#define BMCR_FULLDPLX 0x0100
#define BMCR_ANRESTART 0x0200
#define BMCR_ISOLATE 0x0400
#define BMCR_PDOWN 0x0800
#define BMCR_ANENABLE 0x1000
#define BMCR_SPEED100 0x2000
#define BMCR_LOOPBACK 0x4000
#define BMCR_RESET 0x8000
#define BMCR_SPEED10 0x0000
#define BMSR_ERCAP 0x0001
#define BMSR_JCD 0x0002
#define BMSR_LSTATUS 0x0004
#define BMSR_ANEGCAPABLE 0x0008
#define BMSR_RFAULT 0x0010
#define BMSR_ANEGCOMPLETE 0x0020
#define BMSR_RESV 0x00c0
#define BMSR_ESTATEN 0x0100
#define BMSR_100HALF2 0x0200
#define BMSR_100FULL2 0x0400
#define BMSR_10HALF 0x0800
#define BMSR_10FULL 0x1000
#define BMSR_100HALF 0x2000
#define BMSR_100FULL 0x4000
#define BMSR_100BASE4 0x8000
#define ADVERTISE_SLCT 0x001f
#define ADVERTISE_CSMA 0x0001
#define ADVERTISE_10HALF 0x0020
#define ADVERTISE_1000XFULL 0x0020
#define ADVERTISE_10FULL 0x0040
#define ADVERTISE_1000XHALF 0x0040
#define ADVERTISE_100HALF 0x0080
#define ADVERTISE_1000XPAUSE 0x0080
#define ADVERTISE_100FULL 0x0100
#define ADVERTISE_1000XPSE_ASYM 0x0100
#define ADVERTISE_100BASE4 0x0200
#define ADVERTISE_PAUSE_CAP 0x0400
#define ADVERTISE_PAUSE_ASYM 0x0800
#define ADVERTISE_RESV 0x1000
#define ADVERTISE_RFAULT 0x2000
#define ADVERTISE_LPACK 0x4000
#define ADVERTISE_NPAGE 0x8000
#define ADVERTISE_FULL (ADVERTISE_100FULL | ADVERTISE_10FULL | ADVERTISE_CSMA)
#define ADVERTISE_ALL (ADVERTISE_10HALF | ADVERTISE_10FULL | ADVERTISE_100HALF | ADVERTISE_100FULL)
#define LPA_SLCT 0x001f
#define LPA_10HALF 0x0020
#define LPA_1000XFULL 0x0020
#define LPA_10FULL 0x0040
#define LPA_1000XHALF 0x0040
#define LPA_100HALF 0x0080
#define LPA_1000XPAUSE 0x0080
#define LPA_100FULL 0x0100
#define LPA_1000XPAUSE_ASYM 0x0100
#define LPA_100BASE4 0x0200
#define LPA_PAUSE_CAP 0x0400
#define LPA_PAUSE_ASYM 0x0800
#define LPA_RESV 0x1000
#define LPA_RFAULT 0x2000
#define LPA_LPACK 0x4000
#define LPA_NPAGE 0x8000
#define LPA_DUPLEX (LPA_10FULL | LPA_100FULL)
#define LPA_100 (LPA_100FULL | LPA_100HALF | LPA_100BASE4)
#define ADVERTISE_1000HALF 0x0100
#define ADVERTISE_1000FULL 0x0200
#define CTL1000_AS_MASTER 0x0800
#define CTL1000_ENABLE_MASTER 0x1000
#define LPA_1000HALF 0x0400
#define LPA_1000FULL 0x0800
#define LPA_1000REMRXOK 0x1000
#define LPA_1000LOCALRXOK 0x2000
#define LPA_1000MSRES 0x4000
#define LPA_1000MSFAIL 0x8000
#define ESTATUS_1000_THALF 0x1000
#define ESTATUS_1000_TFULL 0x2000
#define FLOW_CTRL_TX 0x01
#define FLOW_CTRL_RX 0x02
struct mii_ioctl_data {
	__u16 phy_id;
	__u16 reg_num;
	__u16 val_in;
	__u16 val_out;
};
struct mii_if_info {
	int phy_id;
	int advertising;
	int phy_id_mask;
	int reg_num_mask;
	unsigned int full_duplex:1;
	unsigned int force_media:1;
	unsigned int supports_gmii:1;
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
