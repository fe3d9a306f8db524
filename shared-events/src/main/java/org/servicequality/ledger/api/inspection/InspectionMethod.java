package org.servicequality.ledger.api.inspection;

/** How an inspection was carried out. */
public enum InspectionMethod {
    /** 神秘人暗访: a covert visit by someone posing as a customer. */
    MYSTERY_SHOPPER,
    /** 视频监控: review of surveillance footage. */
    VIDEO_REVIEW,
    /** 现场检查: an open check on site. */
    ON_SITE_CHECK,
    /** 客户走访: visiting or calling customers after their service. */
    CUSTOMER_VISIT,
    /** 第三方监督: an outside firm engaged to supervise. */
    THIRD_PARTY_SUPERVISOR,
    /** 社会监督员: a citizen appointed to watch service. */
    PUBLIC_SUPERVISOR
}
