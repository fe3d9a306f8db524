package org.servicequality.ledger.api.award;

/** What a Service Star nominee is scored on; each criterion is scored 0 to 100. */
public enum ServiceStarCriterion {
    /** 业务技能: professional skills. */
    SKILLS,
    /** 工作业绩: work performance. */
    PERFORMANCE,
    /** 服务环境: the nominee's own workplace kept tidy and welcoming. */
    SERVICE_ENVIRONMENT,
    /** 服务质量: quality of service given. */
    SERVICE_QUALITY,
    /** 劳动纪律: discipline. */
    DISCIPLINE,
    /** 群众评价: evaluation by the public (praise, satisfaction). */
    PUBLIC_EVALUATION
}
