package org.servicequality.ledger.query.scorecard;

import org.servicequality.ledger.query.projection.ReadModelDocument;
import org.servicequality.ledger.query.projection.ReadModelOf;
import org.springframework.data.mongodb.core.mapping.Document;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What one complaint or suggestion contributed to its department's month: the facts fixed at filing
 * (department, month, category, channel, due time) and, per contributing event, the values it added.
 *
 * <p>Contributions are recorded under the id of the event that made them and only while the case is
 * valid. A month document applies a contribution only if the case has recorded it, and each month
 * document skips event ids it has seen; so when a crash left this document and the month document at
 * different points, the redelivered batch brings the month to the same state as the first delivery,
 * and marking the case invalid takes out exactly what had been put in.
 */
@ReadModelOf(DepartmentStatisticsProjection.PROCESSING_GROUP)
@Document("scorecard_complaints")
class ComplaintCase extends ReadModelDocument {

    String departmentId;
    String month;
    boolean suggestion;
    String category;
    String channel;
    long receivedAtEpochSecond;
    long replyDueByEpochSecond;

    String firstReplyEventId;
    boolean repliedOnTime;
    long replySeconds;
    String firstResolutionEventId;
    String outcome;
    String withdrawalEventId;
    Map<String, Integer> followUpScores = new LinkedHashMap<>();
    String invalidationEventId;
    String invalidReason;

    ComplaintCase() {
    }

    ComplaintCase(String complaintId) {
        super(complaintId);
    }

    boolean valid() {
        return invalidationEventId == null;
    }

    String departmentMonthId() {
        return DepartmentMonth.idOf(departmentId, month);
    }

    /** Takes everything recorded so far out of the month's figures, or puts it back in with {@code +1}. */
    void contribute(MonthFigures figures, int sign) {
        figures.countFiled(this, sign);
        if (firstReplyEventId != null) {
            figures.countReply(this, sign);
        }
        if (firstResolutionEventId != null) {
            figures.countResolution(this, sign);
        }
        if (withdrawalEventId != null) {
            figures.countWithdrawal(sign);
        }
        followUpScores.values().forEach(score -> figures.countFollowUp(score, sign));
    }
}
