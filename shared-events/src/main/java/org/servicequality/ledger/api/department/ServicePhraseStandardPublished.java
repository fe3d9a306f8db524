package org.servicequality.ledger.api.department;

import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.util.List;

/**
 * The department's phrase standard (文明用语 / 服务忌语). Each publication replaces the previous one
 * as a whole; {@code version} counts publications from 1 so a finding can cite the version it judged by.
 */
@Revision("1")
public record ServicePhraseStandardPublished(String departmentId,
                                             int version,
                                             List<String> courteousPhrases,
                                             List<String> forbiddenPhrases,
                                             Instant publishedAt) {

    public ServicePhraseStandardPublished {
        courteousPhrases = List.copyOf(courteousPhrases);
        forbiddenPhrases = List.copyOf(forbiddenPhrases);
    }
}
