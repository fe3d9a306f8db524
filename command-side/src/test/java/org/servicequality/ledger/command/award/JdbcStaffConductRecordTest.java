package org.servicequality.ledger.command.award;

import org.axonframework.config.Configuration;
import org.axonframework.config.Configurer;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.SubscribingEventProcessor;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.servicequality.ledger.api.Period;
import org.servicequality.ledger.api.Severity;
import org.servicequality.ledger.api.complaint.Category;
import org.servicequality.ledger.api.complaint.Channel;
import org.servicequality.ledger.api.complaint.ComplaintFiled;
import org.servicequality.ledger.api.complaint.ComplaintResolved;
import org.servicequality.ledger.api.complaint.ComplaintTriaged;
import org.servicequality.ledger.api.complaint.FeedbackKind;
import org.servicequality.ledger.api.complaint.ResolutionOutcome;
import org.servicequality.ledger.api.inspection.FindingUpheld;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class JdbcStaffConductRecordTest {

    private static final Period JULY = Period.parse("2026-07");
    private static final Period JUNE = Period.parse("2026-06");
    /** 01:00 on 1 July in Shanghai, still 30 June in UTC: the organisation's calendar decides. */
    private static final Instant EARLY_JULY_1 = Instant.parse("2026-06-30T17:00:00Z");

    private JdbcStaffConductRecord record;
    private Configuration axon;

    @BeforeAll
    static void noUpdateChecks() {
        System.setProperty("axoniq.update-checker.disabled", "true");
    }

    @BeforeEach
    void setUp() {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        record = new JdbcStaffConductRecord(dataSource, ZoneId.of("Asia/Shanghai"));
    }

    @AfterEach
    void tearDown() {
        if (axon != null) {
            axon.shutdown();
        }
    }

    private static ComplaintFiled filed(String complaintId, Instant receivedAt, String... employeeNumbers) {
        return new ComplaintFiled(complaintId, Channel.HOTLINE, FeedbackKind.COMPLAINT, Category.SERVICE_ATTITUDE,
                "CARDIOLOGY", List.of(employeeNumbers), "Rude", "", receivedAt, receivedAt.atZone(ZoneId.of("Asia/Shanghai")).toLocalDate().plusDays(3),
                receivedAt.plus(java.time.Duration.ofDays(4)), null);
    }

    private static ComplaintTriaged triaged(String complaintId, Severity severity) {
        return new ComplaintTriaged(complaintId, Category.SERVICE_ATTITUDE, severity, "CARDIOLOGY");
    }

    private static ComplaintResolved resolved(String complaintId, ResolutionOutcome outcome) {
        return new ComplaintResolved(complaintId, "CARDIOLOGY", outcome, false, EARLY_JULY_1.plusSeconds(86_400));
    }

    private static FindingUpheld upheld(Severity severity, Instant inspectedAt) {
        return new FindingUpheld("i-1", "f-1", "CARDIOLOGY", severity, 5, List.of("E2"), inspectedAt, "Stands",
                inspectedAt.plusSeconds(86_400));
    }

    @Test
    void aSubstantiatedSeriousComplaintDisqualifiesEveryoneItNamesInItsPeriod() {
        record.on(filed("c-1", EARLY_JULY_1, "E1", "E2", "E1"));
        record.on(triaged("c-1", Severity.SERIOUS));
        record.on(resolved("c-1", ResolutionOutcome.SUBSTANTIATED));

        assertThat(record.hasDisqualifyingRecord("E1", JULY)).isTrue();
        assertThat(record.hasDisqualifyingRecord("E2", Period.parse("2026-Q3"))).isTrue();
        assertThat(record.hasDisqualifyingRecord("E1", Period.parse("2026"))).isTrue();
        assertThat(record.hasDisqualifyingRecord("E1", JUNE)).isFalse();
        assertThat(record.hasDisqualifyingRecord("E3", JULY)).isFalse();
    }

    @Test
    void aPartlySubstantiatedSeriousComplaintDisqualifies() {
        record.on(filed("c-1", EARLY_JULY_1, "E1"));
        record.on(triaged("c-1", Severity.SERIOUS));
        record.on(resolved("c-1", ResolutionOutcome.PARTLY_SUBSTANTIATED));

        assertThat(record.hasDisqualifyingRecord("E1", JULY)).isTrue();
    }

    @Test
    void neitherAnUnsubstantiatedNorALesserComplaintDisqualifies() {
        record.on(filed("c-1", EARLY_JULY_1, "E1"));
        record.on(triaged("c-1", Severity.SERIOUS));
        record.on(resolved("c-1", ResolutionOutcome.NOT_SUBSTANTIATED));
        record.on(filed("c-2", EARLY_JULY_1, "E2"));
        record.on(triaged("c-2", Severity.MAJOR));
        record.on(resolved("c-2", ResolutionOutcome.SUBSTANTIATED));
        record.on(filed("c-3", EARLY_JULY_1, "E3"));
        record.on(triaged("c-3", Severity.SERIOUS));

        assertThat(record.hasDisqualifyingRecord("E1", JULY)).isFalse();
        assertThat(record.hasDisqualifyingRecord("E2", JULY)).isFalse();
        assertThat(record.hasDisqualifyingRecord("E3", JULY)).as("not yet resolved").isFalse();
    }

    @Test
    void theLatestTriageCounts() {
        record.on(filed("c-1", EARLY_JULY_1, "E1"));
        record.on(triaged("c-1", Severity.SERIOUS));
        record.on(triaged("c-1", Severity.MINOR));
        record.on(resolved("c-1", ResolutionOutcome.SUBSTANTIATED));

        assertThat(record.hasDisqualifyingRecord("E1", JULY)).isFalse();
    }

    @Test
    void anUpheldSeriousFindingDisqualifiesInThePeriodOfTheInspection() {
        record.on(upheld(Severity.SERIOUS, EARLY_JULY_1));

        assertThat(record.hasDisqualifyingRecord("E2", JULY)).isTrue();
        assertThat(record.hasDisqualifyingRecord("E2", JUNE)).isFalse();
    }

    @Test
    void anUpheldLesserFindingDoesNotDisqualify() {
        record.on(upheld(Severity.MAJOR, EARLY_JULY_1));

        assertThat(record.hasDisqualifyingRecord("E2", JULY)).isFalse();
    }

    @Test
    void theTableSurvivesASecondStartOnTheSameDatabase() {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        JdbcStaffConductRecord first = new JdbcStaffConductRecord(dataSource, ZoneId.of("Asia/Shanghai"));
        first.on(upheld(Severity.SERIOUS, EARLY_JULY_1));

        JdbcStaffConductRecord second = new JdbcStaffConductRecord(dataSource, ZoneId.of("Asia/Shanghai"));

        assertThat(second.hasDisqualifyingRecord("E2", JULY)).isTrue();
    }

    @Test
    void itsHandlersSubscribeSoTheRecordIsCurrentAsSoonAsEventsArePublished() {
        Configurer configurer = DefaultConfigurer.defaultConfiguration(false)
                .configureEmbeddedEventStore(c -> new InMemoryEventStorageEngine());
        new StaffConductProcessingConfiguration().staffConductSubscribingProcessor().configureModule(configurer);
        configurer.eventProcessing().registerEventHandler(c -> record);
        axon = configurer.start();

        assertThat(axon.eventProcessingConfiguration()
                .eventProcessor(StaffConductProcessingConfiguration.PROCESSING_GROUP, SubscribingEventProcessor.class))
                .isPresent();
        axon.eventBus().publish(GenericEventMessage.asEventMessage(upheld(Severity.SERIOUS, EARLY_JULY_1)));

        assertThat(record.hasDisqualifyingRecord("E2", JULY)).isTrue();
    }
}
