package org.servicequality.ledger.query.asof;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.messaging.GenericMessage;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.servicequality.ledger.api.Period;
import org.servicequality.ledger.api.board.FindPublicBoard;
import org.servicequality.ledger.api.board.PublicBoard;
import org.servicequality.ledger.api.complaint.Category;
import org.servicequality.ledger.api.complaint.Channel;
import org.servicequality.ledger.api.complaint.ComplaintFiled;
import org.servicequality.ledger.api.complaint.ComplaintMarkedInvalid;
import org.servicequality.ledger.api.complaint.FeedbackKind;
import org.servicequality.ledger.api.complaint.InvalidComplaintReason;
import org.servicequality.ledger.api.department.DepartmentKind;
import org.servicequality.ledger.api.department.DepartmentRegistered;
import org.servicequality.ledger.api.rectification.RectificationOrdered;
import org.servicequality.ledger.api.rectification.RectificationSource;
import org.servicequality.ledger.api.scorecard.DepartmentScorecard;
import org.servicequality.ledger.api.scorecard.FindDepartmentScorecard;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.context.annotation.ClassPathBeanDefinitionScanner;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Read sides as of instants around a month boundary in Shanghai, built by the live projection and query classes from
 * events with known timestamps, against answers worked out by hand.
 */
class ReadSideSnapshotTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final Duration COMMIT_MARGIN = Duration.ofMinutes(1);

    /** The last second of July in Shanghai (15:59:59 UTC). */
    private static final Instant END_OF_JULY = OffsetDateTime.parse("2026-07-31T23:59:59+08:00").toInstant();

    private final InMemoryEventStorageEngine storage = new InMemoryEventStorageEngine();
    private final EmbeddedEventStore events = EmbeddedEventStore.builder().storageEngine(storage).build();
    private final MongoServer server = new MongoServer(new MemoryBackend());
    private final MongoClient client = MongoClients.create(server.bindAndGetConnectionString());
    private final List<ReadSideSnapshot> built = new ArrayList<>();

    @AfterEach
    void tearDown() {
        built.forEach(ReadSideSnapshot::close);
        client.close();
        server.shutdownNow();
        events.shutDown();
    }

    /**
     * In global order: a registration and a rectification due on 31 July; complaint c-1 at 23:00 on 31 July; c-2 at
     * 00:00:30 on 1 August; c-3 stamped 23:59:00 on 31 July but stored after c-2 (its transaction committed late);
     * c-4 at 00:30 on 1 August; c-1 marked invalid on 2 August.
     */
    private void storeHistory() {
        store("2026-07-01T09:00:00+08:00", new DepartmentRegistered("CARDIOLOGY", "心内科", "Cardiology", DepartmentKind.CLINICAL));
        store("2026-07-20T09:00:00+08:00", new RectificationOrdered("r-1", RectificationSource.complaint("c-0"), "CARDIOLOGY",
                "Retrain reception staff", LocalDate.parse("2026-07-31"),
                OffsetDateTime.parse("2026-08-01T00:00:00+08:00").toInstant(), OffsetDateTime.parse("2026-07-20T09:00:00+08:00").toInstant()));
        store("2026-07-31T23:00:00+08:00", filed("c-1", "2026-07-31T23:00:00+08:00"));
        store("2026-08-01T00:00:30+08:00", filed("c-2", "2026-08-01T00:00:30+08:00"));
        store("2026-07-31T23:59:00+08:00", filed("c-3", "2026-07-31T23:59:00+08:00"));
        store("2026-08-01T00:30:00+08:00", filed("c-4", "2026-08-01T00:30:00+08:00"));
        store("2026-08-02T10:00:00+08:00", new ComplaintMarkedInvalid("c-1", "CARDIOLOGY", InvalidComplaintReason.MISTAKEN,
                "filed twice", OffsetDateTime.parse("2026-08-02T10:00:00+08:00").toInstant()));
    }

    @Test
    void theLastSecondOfJulyShowsJulyWithEveryEventStampedUpToIt() {
        storeHistory();

        ReadSideSnapshot july = asOf(END_OF_JULY);

        assertThat(july.eventsApplied()).isEqualTo(4);
        assertThat(board(july).period()).isEqualTo("2026-07");
        PublicBoard.DepartmentRow row = board(july).departments().get(0);
        assertThat(row.thisMonth().filed()).as("c-1 and the late-committed c-3").isEqualTo(2);
        assertThat(row.figures().complaints()).isEqualTo(2);
        assertThat(row.openRectifications()).singleElement()
                .satisfies(rectification -> assertThat(rectification.overdue()).as("due today").isFalse());
        assertThat(scorecard(july, "2026-07").feedback().complaints()).isEqualTo(2);
    }

    @Test
    void oneHourLaterItIsAugustInShanghaiAndTheRectificationIsOverdue() {
        storeHistory();

        ReadSideSnapshot august = asOf(OffsetDateTime.parse("2026-08-01T00:59:59+08:00").toInstant());

        assertThat(board(august).period()).isEqualTo("2026-08");
        PublicBoard.DepartmentRow row = board(august).departments().get(0);
        assertThat(row.thisMonth().filed()).as("c-2 and c-4").isEqualTo(2);
        assertThat(row.total().filed()).isEqualTo(4);
        assertThat(row.openRectifications().get(0).overdue()).as("due yesterday, judged by the stopped clock").isTrue();
        assertThat(scorecard(august, "2026-07").feedback().complaints()).isEqualTo(2);
    }

    @Test
    void anInvalidationAfterTheInstantChangesLaterViewsOnly() {
        storeHistory();

        ReadSideSnapshot afterInvalidation = asOf(OffsetDateTime.parse("2026-08-03T00:00:00+08:00").toInstant());
        ReadSideSnapshot july = asOf(END_OF_JULY);

        assertThat(scorecard(afterInvalidation, "2026-07").feedback().complaints()).as("c-1 no longer counts").isEqualTo(1);
        assertThat(scorecard(july, "2026-07").feedback().complaints()).isEqualTo(2);
    }

    @Test
    void readSidesShareTheStoreButNotTheirDocumentsAndLeaveNothingBehind() {
        storeHistory();
        ReadSideSnapshot july = asOf(END_OF_JULY);
        ReadSideSnapshot august = asOf(OffsetDateTime.parse("2026-08-03T00:00:00+08:00").toInstant());

        august.close();
        built.remove(august);

        assertThat(board(july).departments().get(0).total().filed()).isEqualTo(2);
        july.close();
        built.remove(july);
        assertThat(client.listDatabaseNames()).noneMatch(name -> name.startsWith("as-of-"));
    }

    @Test
    void beforeTheFirstEventTheBoardIsEmpty() {
        storeHistory();

        ReadSideSnapshot before = asOf(OffsetDateTime.parse("2026-06-30T00:00:00+08:00").toInstant());

        assertThat(before.eventsApplied()).isZero();
        assertThat(board(before).period()).isEqualTo("2026-06");
        assertThat(board(before).departments()).isEmpty();
    }

    private ReadSideSnapshot asOf(Instant instant) {
        DefaultListableBeanFactory beans = new DefaultListableBeanFactory();
        new ClassPathBeanDefinitionScanner(beans).scan("org.servicequality.ledger.query");
        ReadSideSnapshot snapshot = ReadSideSnapshot.build(instant, SHANGHAI, new ReadSideClasses(beans), HistorySource.of(storage), client,
                new MongoTemplate(client, "converter").getConverter(), 2, COMMIT_MARGIN);
        built.add(snapshot);
        return snapshot;
    }

    private static PublicBoard board(ReadSideSnapshot snapshot) {
        return snapshot.queries().query(new FindPublicBoard(), PublicBoard.class).join();
    }

    private static DepartmentScorecard scorecard(ReadSideSnapshot snapshot, String month) {
        return snapshot.queries().query(new FindDepartmentScorecard("CARDIOLOGY", Period.month(YearMonth.parse(month))),
                ResponseTypes.optionalInstanceOf(DepartmentScorecard.class)).join().orElseThrow();
    }

    private void store(String timestamp, Object payload) {
        Instant at = OffsetDateTime.parse(timestamp).toInstant();
        EventMessage<?> event = new GenericEventMessage<>(new GenericMessage<>(payload), () -> at);
        events.publish(event);
    }

    private static ComplaintFiled filed(String id, String receivedAt) {
        return new ComplaintFiled(id, Channel.WEB, FeedbackKind.COMPLAINT, Category.SERVICE_ATTITUDE, "CARDIOLOGY",
                List.of("E1001"), "summary", "details", OffsetDateTime.parse(receivedAt).toInstant(),
                LocalDate.parse("2026-08-05"), OffsetDateTime.parse("2026-08-06T00:00:00+08:00").toInstant(), null);
    }
}
