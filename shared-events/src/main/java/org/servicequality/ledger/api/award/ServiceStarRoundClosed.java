package org.servicequality.ledger.api.award;

import org.axonframework.serialization.Revision;
import org.servicequality.ledger.api.Period;

import java.time.Instant;
import java.util.List;

/** No more nominations or awards; {@code awardedEmployeeNumbers} are the stars standing at closing, in award order. */
@Revision("1")
public record ServiceStarRoundClosed(String serviceStarRoundId,
                                     Period period,
                                     List<String> awardedEmployeeNumbers,
                                     Instant closedAt) {

    public ServiceStarRoundClosed {
        awardedEmployeeNumbers = List.copyOf(awardedEmployeeNumbers);
    }
}
