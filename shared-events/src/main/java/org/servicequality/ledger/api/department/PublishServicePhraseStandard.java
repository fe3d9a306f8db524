package org.servicequality.ledger.api.department;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

import java.util.List;

public record PublishServicePhraseStandard(@TargetAggregateIdentifier String departmentId,
                                           List<String> courteousPhrases,
                                           List<String> forbiddenPhrases,
                                           @TargetAggregateVersion Long expectedVersion) {

    public PublishServicePhraseStandard {
        courteousPhrases = courteousPhrases == null ? List.of() : List.copyOf(courteousPhrases);
        forbiddenPhrases = forbiddenPhrases == null ? List.of() : List.copyOf(forbiddenPhrases);
    }
}
