package org.servicequality.ledger.api.award;

/** What a department's or outlet's star rating is scored on; each criterion is scored 0 to 100. */
public enum StarRatingCriterion {
    /** 服务环境: tidy counters, signage, waiting areas, accessibility. */
    SERVICE_ENVIRONMENT,
    /** 服务态度: courtesy, use of courteous phrases, no forbidden phrases. */
    SERVICE_ATTITUDE,
    /** 服务质量: correctness and speed of service, waiting times. */
    SERVICE_QUALITY,
    /** 劳动纪律: punctuality, presence at post, dress code. */
    DISCIPLINE,
    /** 群众满意度: satisfaction follow-ups and public supervisors' reports. */
    PUBLIC_SATISFACTION,
    /** 投诉处理: replying on time and completing rectifications. */
    COMPLAINT_HANDLING
}
