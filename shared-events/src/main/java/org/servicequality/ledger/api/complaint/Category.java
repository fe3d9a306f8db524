package org.servicequality.ledger.api.complaint;

/** 服务态度 / 服务质量 / 价格 / 流程 / 环境 / 其他. */
public enum Category {
    SERVICE_ATTITUDE,
    SERVICE_QUALITY,
    PRICING,
    PROCESS,
    ENVIRONMENT,
    OTHER
}
