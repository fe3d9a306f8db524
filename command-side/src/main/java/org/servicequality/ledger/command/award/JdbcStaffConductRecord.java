package org.servicequality.ledger.command.award;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.servicequality.ledger.api.Period;
import org.servicequality.ledger.api.Severity;
import org.servicequality.ledger.api.complaint.ComplaintFiled;
import org.servicequality.ledger.api.complaint.ComplaintResolved;
import org.servicequality.ledger.api.complaint.ComplaintTriaged;
import org.servicequality.ledger.api.complaint.ResolutionOutcome;
import org.servicequality.ledger.api.inspection.FindingUpheld;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import javax.sql.DataSource;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Collection;
import java.util.LinkedHashSet;

/**
 * The staff conduct record behind the Service Star eligibility rule, kept in a small table in the event
 * store's database. Its handlers run in a subscribing processor ({@link StaffConductProcessingConfiguration}),
 * inside the transaction that appends the events, so the record can never lag behind or run ahead of the
 * history: an award checked after a serious complaint was resolved always sees it.
 *
 * <p>One row per source (complaint, or inspection finding) and employee number named in it, dated by when
 * the complaint was received or the inspection took place (the organisation's calendar date), which decides
 * the period. A row disqualifies once it is both serious and substantiated.
 */
@Component
@ProcessingGroup(StaffConductProcessingConfiguration.PROCESSING_GROUP)
class JdbcStaffConductRecord implements StaffConductRecord {

    static final String TABLE = "staff_conduct_record";

    private final JdbcTemplate jdbc;
    private final ZoneId organisationZone;

    JdbcStaffConductRecord(DataSource dataSource, ZoneId organisationZone) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.organisationZone = organisationZone;
        createTableIfMissing();
    }

    private void createTableIfMissing() {
        jdbc.execute("CREATE TABLE IF NOT EXISTS " + TABLE + " ("
                + "source_id VARCHAR(200) NOT NULL, "
                + "employee_number VARCHAR(64) NOT NULL, "
                + "occurred_on DATE NOT NULL, "
                + "serious BOOLEAN NOT NULL, "
                + "substantiated BOOLEAN NOT NULL, "
                + "PRIMARY KEY (source_id, employee_number))");
        jdbc.execute("CREATE INDEX IF NOT EXISTS " + TABLE + "_by_staff ON " + TABLE + " (employee_number, occurred_on)");
    }

    @Override
    public boolean hasDisqualifyingRecord(String employeeNumber, Period period) {
        Integer count = jdbc.queryForObject("SELECT COUNT(*) FROM " + TABLE
                        + " WHERE employee_number = ? AND occurred_on >= ? AND occurred_on < ? AND serious AND substantiated",
                Integer.class, employeeNumber, period.firstDay(), period.endExclusive());
        return count != null && count > 0;
    }

    @EventHandler
    void on(ComplaintFiled event) {
        insert(event.complaintId(), event.employeeNumbers(), event.receivedAt(), false, false);
    }

    @EventHandler
    void on(ComplaintTriaged event) {
        // Triage may be repeated; the latest judgement of severity counts.
        jdbc.update("UPDATE " + TABLE + " SET serious = ? WHERE source_id = ?",
                event.severity() == Severity.SERIOUS, event.complaintId());
    }

    @EventHandler
    void on(ComplaintResolved event) {
        boolean substantiated = event.outcome() == ResolutionOutcome.SUBSTANTIATED
                || event.outcome() == ResolutionOutcome.PARTLY_SUBSTANTIATED;
        jdbc.update("UPDATE " + TABLE + " SET substantiated = ? WHERE source_id = ?", substantiated, event.complaintId());
    }

    @EventHandler
    void on(FindingUpheld event) {
        if (event.severity() == Severity.SERIOUS) {
            insert("finding:" + event.inspectionId() + ":" + event.findingId(), event.employeeNumbers(),
                    event.inspectedAt(), true, true);
        }
    }

    private void insert(String sourceId, Collection<String> employeeNumbers, Instant occurredAt,
                        boolean serious, boolean substantiated) {
        LocalDate occurredOn = occurredAt.atZone(organisationZone).toLocalDate();
        for (String employeeNumber : new LinkedHashSet<>(employeeNumbers)) {
            jdbc.update("INSERT INTO " + TABLE + " (source_id, employee_number, occurred_on, serious, substantiated) VALUES (?, ?, ?, ?, ?)",
                    sourceId, employeeNumber, occurredOn, serious, substantiated);
        }
    }
}
