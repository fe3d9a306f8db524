package org.servicequality.ledger.api.department;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/** A public service promise (服务承诺) of the department, in Chinese and English. */
@Revision("1")
public record ServiceCommitmentPublished(String departmentId,
                                         String commitmentId,
                                         String textZh,
                                         String textEn,
                                         Instant publishedAt) {
}
