package org.servicequality.ledger.command.complaint;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * @param replyWithinWorkingDays working days after the day of receipt within which the submitter gets a reply (1 to 30; the
 *                               programme's norm is 1 to 3); a later reply is overdue
 */
@ConfigurationProperties("ledger.complaints")
@Validated
record ComplaintProperties(@Min(1) @Max(ReplyDueDates.MAX_WORKING_DAYS) @DefaultValue("3") int replyWithinWorkingDays) {
}
