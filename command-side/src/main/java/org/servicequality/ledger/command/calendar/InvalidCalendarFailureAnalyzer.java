package org.servicequality.ledger.command.calendar;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Replaces the bean-creation stack trace of a broken calendar file with what is wrong and how to fix it. */
class InvalidCalendarFailureAnalyzer extends AbstractFailureAnalyzer<WorkingDayCalendar.InvalidCalendarException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, WorkingDayCalendar.InvalidCalendarException cause) {
        return new FailureAnalysis(cause.getMessage() + ".",
                "Correct " + cause.origin() + " (format: docs/domain.md, section Working-day calendar and deadlines), or remove it and any"
                        + " ledger.calendar.file setting to use the default calendar shipped with the application.",
                cause);
    }
}
