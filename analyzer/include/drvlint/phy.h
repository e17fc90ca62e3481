/*
 * drvlint reduced-mode stand-in: PHY library (phy_device, mii_bus,
 * phy_* / genphy_* helpers), Clause-45 MDIO register names, phylink,
 * fixed PHYs, link-mode bitmap helpers and generic IRQ domains/chips.
 *
 * drvlint's own minimal declarations for parsing drivers without kernel
 * headers; NOT the Linux kernel's header.  phylink_mac_ops callbacks use
 * the 6.1 signatures.
 */
#ifndef DRVLINT_PHY_H
#define DRVLINT_PHY_H

/* ---- IRQ domains and chips ------------------------------------------ */
struct irq_data;
struct irq_chip {
	const char *name;
	unsigned int (*irq_startup)(struct irq_data *data);
	void (*irq_shutdown)(struct irq_data *data);
	void (*irq_enable)(struct irq_data *data);
	void (*irq_disable)(struct irq_data *data);
	void (*irq_ack)(struct irq_data *data);
	void (*irq_mask)(struct irq_data *data);
	void (*irq_mask_ack)(struct irq_data *data);
	void (*irq_unmask)(struct irq_data *data);
	void (*irq_eoi)(struct irq_data *data);
	int (*irq_set_type)(struct irq_data *data, unsigned int flow_type);
	int (*irq_set_wake)(struct irq_data *data, unsigned int on);
	void (*irq_bus_lock)(struct irq_data *data);
	void (*irq_bus_sync_unlock)(struct irq_data *data);
	unsigned long flags;
};
struct irq_data {
	u32 mask;
	unsigned int irq;
	unsigned long hwirq;
	struct irq_chip *chip;
	struct irq_domain *domain;
	void *chip_data;
};
struct irq_domain_ops {
	int (*match)(struct irq_domain *d, struct device_node *node, int bus_token);
	int (*map)(struct irq_domain *d, unsigned int virq, irq_hw_number_t hw);
	void (*unmap)(struct irq_domain *d, unsigned int virq);
	int (*xlate)(struct irq_domain *d, struct device_node *node, const u32 *intspec,
		     unsigned int intsize, unsigned long *out_hwirq, unsigned int *out_type);
};
struct irq_domain {
	struct list_head link;
	const char *name;
	const struct irq_domain_ops *ops;
	void *host_data;
	unsigned int flags;
	struct fwnode_handle *fwnode;
};
extern struct irq_chip dummy_irq_chip;
extern const struct irq_domain_ops irq_domain_simple_ops;
void *irq_data_get_irq_chip_data(struct irq_data *d);
irq_hw_number_t irqd_to_hwirq(struct irq_data *d);
struct irq_data *irq_get_irq_data(unsigned int irq);
void *irq_get_chip_data(unsigned int irq);
int irq_set_chip_data(unsigned int irq, void *data);
int irq_set_handler_data(unsigned int irq, void *data);
void irq_set_chip_and_handler(unsigned int irq, const struct irq_chip *chip, irq_flow_handler_t handle);
void irq_set_chip_and_handler_name(unsigned int irq, const struct irq_chip *chip,
				   irq_flow_handler_t handle, const char *name);
void irq_set_noprobe(unsigned int irq);
void irq_set_nested_thread(unsigned int irq, bool nest);
void handle_simple_irq(struct irq_desc *desc);
void handle_level_irq(struct irq_desc *desc);
void handle_edge_irq(struct irq_desc *desc);
void handle_nested_irq(unsigned int irq);
int generic_handle_irq_safe(unsigned int irq);
struct irq_domain *irq_domain_add_simple(struct device_node *of_node, unsigned int size, unsigned int first_irq,
					 const struct irq_domain_ops *ops, void *host_data);
struct irq_domain *irq_domain_add_linear(struct device_node *of_node, unsigned int size,
					 const struct irq_domain_ops *ops, void *host_data);
struct irq_domain *irq_domain_create_linear(struct fwnode_handle *fwnode, unsigned int size,
					    const struct irq_domain_ops *ops, void *host_data);
void irq_domain_remove(struct irq_domain *domain);
struct fwnode_handle *irq_domain_alloc_named_fwnode(const char *name);
void irq_domain_free_fwnode(struct fwnode_handle *fwnode);
unsigned int irq_create_mapping(struct irq_domain *domain, irq_hw_number_t hwirq);
unsigned int irq_find_mapping(struct irq_domain *domain, irq_hw_number_t hwirq);
void irq_dispose_mapping(unsigned int virq);
void chained_irq_enter(struct irq_chip *chip, struct irq_desc *desc);
void chained_irq_exit(struct irq_chip *chip, struct irq_desc *desc);

/* ---- link modes ----------------------------------------------------- */
void linkmode_zero(unsigned long *dst);
void linkmode_fill(unsigned long *dst);
void linkmode_copy(unsigned long *dst, const unsigned long *src);
void linkmode_and(unsigned long *dst, const unsigned long *a, const unsigned long *b);
void linkmode_or(unsigned long *dst, const unsigned long *a, const unsigned long *b);
bool linkmode_empty(const unsigned long *src);
int linkmode_andnot(unsigned long *dst, const unsigned long *src1, const unsigned long *src2);
void linkmode_set_bit(int nr, volatile unsigned long *addr);
void linkmode_clear_bit(int nr, volatile unsigned long *addr);
void linkmode_mod_bit(int nr, volatile unsigned long *addr, int set);
int linkmode_test_bit(int nr, const volatile unsigned long *addr);
int linkmode_equal(const unsigned long *src1, const unsigned long *src2);
int linkmode_intersects(const unsigned long *src1, const unsigned long *src2);
int linkmode_subset(const unsigned long *src1, const unsigned long *src2);
void linkmode_set_pause(unsigned long *advertisement, bool tx, bool rx);
void mii_adv_to_linkmode_adv_t(unsigned long *advertising, u32 adv);
void mii_lpa_to_linkmode_lpa_t(unsigned long *lp_advertising, u32 lpa);
void mii_ctrl1000_mod_linkmode_adv_t(unsigned long *advertising, u32 ctrl1000);
u32 linkmode_adv_to_lcl_adv_t(const unsigned long *advertising);

/* ---- Clause 45 MDIO ------------------------------------------------- */
enum {
	MDIO_MMD_PMAPMD = 1, MDIO_MMD_WIS = 2, MDIO_MMD_PCS = 3, MDIO_MMD_PHYXS = 4,
	MDIO_MMD_DTEXS = 5, MDIO_MMD_TC = 6, MDIO_MMD_AN = 7, MDIO_MMD_VEND1 = 30,
	MDIO_MMD_VEND2 = 31,
};
#define MDIO_CTRL1 MII_BMCR
#define MDIO_STAT1 MII_BMSR
#define MDIO_DEVID1 MII_PHYSID1
#define MDIO_DEVID2 MII_PHYSID2
enum {
	MDIO_PCS_EEE_ABLE = 20, MDIO_PCS_EEE_WK_ERR = 22, MDIO_AN_10GBT_CTRL = 32,
	MDIO_AN_10GBT_STAT = 33, MDIO_AN_EEE_ADV = 60, MDIO_AN_EEE_LPABLE = 61, MDIO_AN_EEE_ADV2 = 62,
	MDIO_AN_EEE_LPABLE2 = 63, MDIO_AN_10GBT_CTRL_ADV2_5G = 0x0080,
	MDIO_AN_10GBT_CTRL_ADV5G = 0x0100, MDIO_AN_10GBT_CTRL_ADV10G = 0x1000,
	MDIO_AN_10GBT_STAT_LP2_5G = 0x0020, MDIO_AN_10GBT_STAT_LP5G = 0x0040,
	MDIO_AN_10GBT_STAT_LP10G = 0x0800, MDIO_EEE_100TX = 0x0002, MDIO_EEE_1000T = 0x0004,
	MDIO_EEE_10GT = 0x0008, MDIO_EEE_1000KX = 0x0010, MDIO_EEE_10GKX4 = 0x0020,
	MDIO_EEE_10GKR = 0x0040, MDIO_EEE_2_5GT = 0x0001, MDIO_EEE_5GT = 0x0002,
	MII_MMD_CTRL_DEVAD_MASK = 0x1f, MII_MMD_CTRL_ADDR = 0x0000, MII_MMD_CTRL_NOINCR = 0x4000,
	MII_MMD_CTRL_INCR_RDWT = 0x8000, MII_MMD_CTRL_INCR_ON_WT = 0xC000,
};
#define MDIO_PRTAD_NONE (-1)
#define MDIO_DEVAD_NONE (-1)
enum {
	MDIO_SUPPORTS_C22 = 1, MDIO_SUPPORTS_C45 = 2, MDIO_EMULATE_C22 = 4,
};
u32 mmd_eee_cap_to_ethtool_sup_t(u16 eee_cap);
u32 mmd_eee_adv_to_ethtool_adv_t(u16 eee_adv);
u16 ethtool_adv_to_mmd_eee_adv_t(u32 adv);
void mii_eee_cap1_mod_linkmode_t(unsigned long *adv, u32 val);
u32 linkmode_to_mii_eee_cap1_t(unsigned long *adv);
struct mdio_if_info {
	int prtad;
	u32 mmds;
	unsigned int mode_support;
	struct net_device *dev;
	int (*mdio_read)(struct net_device *dev, int prtad, int devad, u16 addr);
	int (*mdio_write)(struct net_device *dev, int prtad, int devad, u16 addr, u16 val);
};

/* ---- phylib --------------------------------------------------------- */
#define PHY_MAX_ADDR 32
#define MII_BUS_ID_SIZE 61
#define PHY_ID_FMT "%s:%02x"
#define PHY_POLL -1
#define PHY_MAC_INTERRUPT -2
#define PHY_IGNORE_INTERRUPT -2
#define PHY_INTERRUPT_DISABLED 0
#define PHY_INTERRUPT_ENABLED 1
typedef enum {
	PHY_INTERFACE_MODE_NA,
	PHY_INTERFACE_MODE_INTERNAL,
	PHY_INTERFACE_MODE_MII,
	PHY_INTERFACE_MODE_GMII,
	PHY_INTERFACE_MODE_SGMII,
	PHY_INTERFACE_MODE_TBI,
	PHY_INTERFACE_MODE_REVMII,
	PHY_INTERFACE_MODE_RMII,
	PHY_INTERFACE_MODE_REVRMII,
	PHY_INTERFACE_MODE_RGMII,
	PHY_INTERFACE_MODE_RGMII_ID,
	PHY_INTERFACE_MODE_RGMII_RXID,
	PHY_INTERFACE_MODE_RGMII_TXID,
	PHY_INTERFACE_MODE_RTBI,
	PHY_INTERFACE_MODE_SMII,
	PHY_INTERFACE_MODE_XGMII,
	PHY_INTERFACE_MODE_XLGMII,
	PHY_INTERFACE_MODE_MOCA,
	PHY_INTERFACE_MODE_QSGMII,
	PHY_INTERFACE_MODE_TRGMII,
	PHY_INTERFACE_MODE_100BASEX,
	PHY_INTERFACE_MODE_1000BASEX,
	PHY_INTERFACE_MODE_2500BASEX,
	PHY_INTERFACE_MODE_5GBASER,
	PHY_INTERFACE_MODE_RXAUI,
	PHY_INTERFACE_MODE_XAUI,
	PHY_INTERFACE_MODE_10GBASER,
	PHY_INTERFACE_MODE_25GBASER,
	PHY_INTERFACE_MODE_USXGMII,
	PHY_INTERFACE_MODE_10GKR,
	PHY_INTERFACE_MODE_MAX,
} phy_interface_t;
#define DECLARE_PHY_INTERFACE_MASK(name) DECLARE_BITMAP(name, PHY_INTERFACE_MODE_MAX)
const char *phy_modes(phy_interface_t interface);
enum phy_state {
	PHY_DOWN = 0,
	PHY_READY,
	PHY_HALTED,
	PHY_UP,
	PHY_RUNNING,
	PHY_NOLINK,
	PHY_CABLETEST,
};
struct mii_bus;
struct mdio_device {
	struct device dev;
	struct mii_bus *bus;
	char modalias[32];
	int addr, flags;
};
struct phy_driver {
	struct {
		struct device_driver driver;
		int flags;
	} mdiodrv;
	u32 phy_id;
	char *name;
	u32 phy_id_mask, flags;
	int (*soft_reset)(struct phy_device *phydev);
	int (*config_init)(struct phy_device *phydev);
	int (*probe)(struct phy_device *phydev);
	int (*suspend)(struct phy_device *phydev);
	int (*resume)(struct phy_device *phydev);
	int (*config_aneg)(struct phy_device *phydev);
	int (*read_status)(struct phy_device *phydev);
	int (*config_intr)(struct phy_device *phydev);
	irqreturn_t (*handle_interrupt)(struct phy_device *phydev);
	void (*remove)(struct phy_device *phydev);
	int (*read_mmd)(struct phy_device *dev, int devnum, u16 regnum);
	int (*write_mmd)(struct phy_device *dev, int devnum, u16 regnum, u16 val);
};
struct phy_device {
	struct mdio_device mdio;
	const struct phy_driver *drv;
	u32 phy_id;
	unsigned int is_c45:1, is_internal:1, is_pseudo_fixed_link:1, is_gigabit_capable:1;
	unsigned int has_fixups:1, suspended:1, sysfs_links:1, loopback_enabled:1;
	unsigned int downshifted_rate:1, is_on_sfp_module:1, mac_managed_pm:1, autoneg:1;
	unsigned int link:1, autoneg_complete:1, interrupts:1;
	enum phy_state state;
	u32 dev_flags;
	phy_interface_t interface;
	int speed, duplex, port, pause, asym_pause;
	u8 master_slave_get, master_slave_set, master_slave_state;
	__ETHTOOL_DECLARE_LINK_MODE_MASK(supported);
	__ETHTOOL_DECLARE_LINK_MODE_MASK(advertising);
	__ETHTOOL_DECLARE_LINK_MODE_MASK(lp_advertising);
	__ETHTOOL_DECLARE_LINK_MODE_MASK(adv_old);
	u32 eee_broken_modes;
	int irq;
	void *priv;
	struct delayed_work state_queue;
	struct mutex lock;
	struct net_device *attached_dev;
	u8 mdix, mdix_ctrl;
	void (*phy_link_change)(struct phy_device *phydev, bool up);
	void (*adjust_link)(struct net_device *dev);
};
struct mii_bus {
	struct module *owner;
	const char *name;
	char id[MII_BUS_ID_SIZE];
	void *priv;
	int (*read)(struct mii_bus *bus, int addr, int regnum);
	int (*write)(struct mii_bus *bus, int addr, int regnum, u16 val);
	int (*read_c45)(struct mii_bus *bus, int addr, int devnum, int regnum);
	int (*write_c45)(struct mii_bus *bus, int addr, int devnum, int regnum, u16 val);
	int (*reset)(struct mii_bus *bus);
	struct mutex mdio_lock;
	struct device *parent, dev;
	struct mdio_device *mdio_map[PHY_MAX_ADDR];
	u32 phy_mask, phy_ignore_ta_mask;
	int irq[PHY_MAX_ADDR], reset_delay_us, reset_post_delay_us;
};
#define to_phy_device(d) container_of(to_mdio_device(d), struct phy_device, mdio)
#define to_mdio_device(d) container_of(d, struct mdio_device, dev)
#define phydev_name(phydev) dev_name(&(phydev)->mdio.dev)
void phydev_err(struct phy_device *phydev, const char *fmt, ...);
void phydev_warn(struct phy_device *phydev, const char *fmt, ...);
void phydev_info(struct phy_device *phydev, const char *fmt, ...);
void phydev_dbg(struct phy_device *phydev, const char *fmt, ...);
struct mii_bus *mdiobus_alloc(void);
struct mii_bus *mdiobus_alloc_size(size_t size);
struct mii_bus *devm_mdiobus_alloc(struct device *dev);
struct mii_bus *devm_mdiobus_alloc_size(struct device *dev, int sizeof_priv);
int mdiobus_register(struct mii_bus *bus);
int devm_mdiobus_register(struct device *dev, struct mii_bus *bus);
void mdiobus_unregister(struct mii_bus *bus);
void mdiobus_free(struct mii_bus *bus);
int of_mdiobus_register(struct mii_bus *mdio, struct device_node *np);
int devm_of_mdiobus_register(struct device *dev, struct mii_bus *mdio, struct device_node *np);
struct phy_device *mdiobus_get_phy(struct mii_bus *bus, int addr);
int mdiobus_read(struct mii_bus *bus, int addr, u32 regnum);
int mdiobus_write(struct mii_bus *bus, int addr, u32 regnum, u16 val);
int __mdiobus_read(struct mii_bus *bus, int addr, u32 regnum);
int __mdiobus_write(struct mii_bus *bus, int addr, u32 regnum, u16 val);
struct phy_device *phy_find_first(struct mii_bus *bus);
struct phy_device *phy_connect(struct net_device *dev, const char *bus_id,
			       void (*handler)(struct net_device *), phy_interface_t interface);
int phy_connect_direct(struct net_device *dev, struct phy_device *phydev,
		       void (*handler)(struct net_device *), phy_interface_t interface);
struct phy_device *of_phy_connect(struct net_device *dev, struct device_node *phy_np,
				  void (*hndlr)(struct net_device *), u32 flags, phy_interface_t iface);
struct phy_device *of_phy_find_device(struct device_node *phy_np);
int of_get_phy_mode(struct device_node *np, phy_interface_t *interface);
void phy_disconnect(struct phy_device *phydev);
int phy_attach_direct(struct net_device *dev, struct phy_device *phydev, u32 flags, phy_interface_t interface);
void phy_detach(struct phy_device *phydev);
void phy_start(struct phy_device *phydev);
void phy_stop(struct phy_device *phydev);
int phy_suspend(struct phy_device *phydev);
int phy_resume(struct phy_device *phydev);
int phy_init_hw(struct phy_device *phydev);
int phy_start_aneg(struct phy_device *phydev);
int phy_restart_aneg(struct phy_device *phydev);
int phy_read_status(struct phy_device *phydev);
int phy_read(struct phy_device *phydev, u32 regnum);
int phy_write(struct phy_device *phydev, u32 regnum, u16 val);
int __phy_read(struct phy_device *phydev, u32 regnum);
int __phy_write(struct phy_device *phydev, u32 regnum, u16 val);
int phy_modify(struct phy_device *phydev, u32 regnum, u16 mask, u16 set);
int phy_set_bits(struct phy_device *phydev, u32 regnum, u16 val);
int phy_clear_bits(struct phy_device *phydev, u32 regnum, u16 val);
int phy_read_mmd(struct phy_device *phydev, int devad, u32 regnum);
int phy_write_mmd(struct phy_device *phydev, int devad, u32 regnum, u16 val);
int phy_read_paged(struct phy_device *phydev, int page, u32 regnum);
int phy_write_paged(struct phy_device *phydev, int page, u32 regnum, u16 val);
void phy_print_status(struct phy_device *phydev);
void phy_attached_info(struct phy_device *phydev);
void phy_mac_interrupt(struct phy_device *phydev);
int phy_mii_ioctl(struct phy_device *phydev, struct ifreq *ifr, int cmd);
int phy_do_ioctl(struct net_device *dev, struct ifreq *ifr, int cmd);
int phy_do_ioctl_running(struct net_device *dev, struct ifreq *ifr, int cmd);
void phy_ethtool_ksettings_get(struct phy_device *phydev, struct ethtool_link_ksettings *cmd);
int phy_ethtool_ksettings_set(struct phy_device *phydev, const struct ethtool_link_ksettings *cmd);
int phy_ethtool_get_link_ksettings(struct net_device *ndev, struct ethtool_link_ksettings *cmd);
int phy_ethtool_set_link_ksettings(struct net_device *ndev, const struct ethtool_link_ksettings *cmd);
int phy_ethtool_nway_reset(struct net_device *ndev);
int phy_ethtool_get_eee(struct phy_device *phydev, struct ethtool_eee *data);
int phy_ethtool_set_eee(struct phy_device *phydev, struct ethtool_eee *data);
int phy_ethtool_set_wol(struct phy_device *phydev, struct ethtool_wolinfo *wol);
void phy_ethtool_get_wol(struct phy_device *phydev, struct ethtool_wolinfo *wol);
int phy_init_eee(struct phy_device *phydev, bool clk_stop_enable);
int phy_get_eee_err(struct phy_device *phydev);
void phy_get_pause(struct phy_device *phydev, bool *tx_pause, bool *rx_pause);
void phy_set_max_speed(struct phy_device *phydev, u32 max_speed);
void phy_remove_link_mode(struct phy_device *phydev, u32 link_mode);
void phy_support_sym_pause(struct phy_device *phydev);
void phy_support_asym_pause(struct phy_device *phydev);
bool phy_is_pseudo_fixed_link(struct phy_device *phydev);
void phy_device_free(struct phy_device *phydev);
void phy_device_remove(struct phy_device *phydev);
int phy_register_fixup_for_uid(u32 phy_uid, u32 phy_uid_mask, int (*run)(struct phy_device *));
int phy_unregister_fixup_for_uid(u32 phy_uid, u32 phy_uid_mask);
int phy_loopback(struct phy_device *phydev, bool enable);
int genphy_config_aneg(struct phy_device *phydev);
int genphy_read_status(struct phy_device *phydev);
int genphy_resume(struct phy_device *phydev);
int genphy_suspend(struct phy_device *phydev);
int genphy_soft_reset(struct phy_device *phydev);
int genphy_update_link(struct phy_device *phydev);
int genphy_restart_aneg(struct phy_device *phydev);
struct fixed_phy_status {
	int link, speed, duplex, pause, asym_pause;
};
struct phy_device *fixed_phy_register(unsigned int irq, struct fixed_phy_status *status, struct device_node *np);
void fixed_phy_unregister(struct phy_device *phydev);

/* ---- phylink -------------------------------------------------------- */
enum phylink_op_type {
	PHYLINK_NETDEV = 0,
	PHYLINK_DEV,
};
enum {
	MLO_AN_PHY = 0, MLO_AN_FIXED = 1, MLO_AN_INBAND = 2, MAC_SYM_PAUSE = (1 << 0),
	MAC_ASYM_PAUSE = (1 << 1), MAC_10HD = (1 << 2), MAC_10FD = (1 << 3),
	MAC_10 = (MAC_10HD | MAC_10FD), MAC_100HD = (1 << 4), MAC_100FD = (1 << 5),
	MAC_100 = (MAC_100HD | MAC_100FD), MAC_1000HD = (1 << 6), MAC_1000FD = (1 << 7),
	MAC_1000 = (MAC_1000HD | MAC_1000FD), MAC_2500FD = (1 << 8), MAC_5000FD = (1 << 9),
	MAC_10000FD = (1 << 10),
};
struct phylink;
struct phylink_pcs;
struct phylink_link_state {
	__ETHTOOL_DECLARE_LINK_MODE_MASK(advertising);
	__ETHTOOL_DECLARE_LINK_MODE_MASK(lp_advertising);
	phy_interface_t interface;
	int speed, duplex, pause;
	unsigned int link:1, an_enabled:1, an_complete:1;
};
struct phylink_config {
	struct device *dev;
	enum phylink_op_type type;
	bool legacy_pre_march2020, poll_fixed_state, mac_managed_pm, ovr_an_inband;
	void (*get_fixed_state)(struct phylink_config *config, struct phylink_link_state *state);
	DECLARE_PHY_INTERFACE_MASK(supported_interfaces);
	unsigned long mac_capabilities;
};
struct phylink_mac_ops {
	void (*validate)(struct phylink_config *config, unsigned long *supported,
			 struct phylink_link_state *state);
	struct phylink_pcs *(*mac_select_pcs)(struct phylink_config *config, phy_interface_t interface);
	int (*mac_prepare)(struct phylink_config *config, unsigned int mode, phy_interface_t iface);
	void (*mac_config)(struct phylink_config *config, unsigned int mode,
			   const struct phylink_link_state *state);
	int (*mac_finish)(struct phylink_config *config, unsigned int mode, phy_interface_t iface);
	void (*mac_pcs_get_state)(struct phylink_config *config, struct phylink_link_state *state);
	void (*mac_an_restart)(struct phylink_config *config);
	void (*mac_link_down)(struct phylink_config *config, unsigned int mode, phy_interface_t interface);
	void (*mac_link_up)(struct phylink_config *config, struct phy_device *phy, unsigned int mode,
			    phy_interface_t interface, int speed, int duplex, bool tx_pause, bool rx_pause);
};
struct phylink *phylink_create(struct phylink_config *config, struct fwnode_handle *fwnode,
			       phy_interface_t iface, const struct phylink_mac_ops *mac_ops);
void phylink_destroy(struct phylink *pl);
int phylink_connect_phy(struct phylink *pl, struct phy_device *phy);
int phylink_of_phy_connect(struct phylink *pl, struct device_node *dn, u32 flags);
int phylink_fwnode_phy_connect(struct phylink *pl, const struct fwnode_handle *fwnode, u32 flags);
void phylink_disconnect_phy(struct phylink *pl);
void phylink_start(struct phylink *pl);
void phylink_stop(struct phylink *pl);
void phylink_suspend(struct phylink *pl, bool mac_wol);
void phylink_resume(struct phylink *pl);
void phylink_generic_validate(struct phylink_config *config, unsigned long *supported,
			      struct phylink_link_state *state);
int phylink_ethtool_ksettings_get(struct phylink *pl, struct ethtool_link_ksettings *kset);
int phylink_ethtool_ksettings_set(struct phylink *pl, const struct ethtool_link_ksettings *kset);
int phylink_ethtool_nway_reset(struct phylink *pl);
void phylink_ethtool_get_pauseparam(struct phylink *pl, struct ethtool_pauseparam *pause);
int phylink_ethtool_set_pauseparam(struct phylink *pl, struct ethtool_pauseparam *pause);
void phylink_ethtool_get_wol(struct phylink *pl, struct ethtool_wolinfo *wol);
int phylink_ethtool_set_wol(struct phylink *pl, struct ethtool_wolinfo *wol);
int phylink_mii_ioctl(struct phylink *pl, struct ifreq *ifr, int cmd);
void phylink_mac_change(struct phylink *pl, bool up);

#endif /* DRVLINT_PHY_H */
