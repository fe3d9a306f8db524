package org.servicequality.ledger.query.asof;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.messaging.GenericMessage;
import org.bson.Document;
import org.bson.types.Binary;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.servicequality.ledger.api.Period;
import org.servicequality.ledger.api.board.FindPublicBoard;
import org.servicequality.ledger.api.board.PublicBoard;
import org.servicequality.ledger.api.complaint.Category;
import org.servicequality.ledger.api.complaint.Channel;
import org.servicequality.ledger.api.complaint.ComplaintFiled;
import org.servicequality.ledger.api.complaint.ComplaintMarkedInvalid;
import org.servicequality.ledger.api.complaint.ComplaintReplied;
import org.servicequality.ledger.api.complaint.FeedbackKind;
import org.servicequality.ledger.api.complaint.InvalidComplaintReason;
import org.servicequality.ledger.api.department.DepartmentKind;
import org.servicequality.ledger.api.department.DepartmentRegistered;
import org.servicequality.ledger.api.ranking.FindServiceStarRanking;
import org.servicequality.ledger.api.ranking.ServiceStarRanking;
import org.servicequality.ledger.api.scorecard.FindScorecards;
import org.servicequality.ledger.api.scorecard.Scorecards;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.context.annotation.ClassPathBeanDefinitionScanner;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Read sides as of instants built from stored snapshots plus the events after them, against read sides replayed from
 * the first event, with snapshots every {@value #INTERVAL} events over a history of a few months.
 */
class StoredSnapshotsTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final Duration COMMIT_MARGIN = Duration.ofMinutes(1);
    private static final int INTERVAL = 10;
    private static final Instant START = Instant.parse("2026-06-30T16:00:00Z");
    /** Long after the history: every event is settled. */
    private static final Instant NOW = Instant.parse("2026-12-01T00:00:00Z");

    private final InMemoryEventStorageEngine storage = new InMemoryEventStorageEngine();
    private final MongoServer privateServer = new MongoServer(new MemoryBackend());
    private final MongoClient privateClient = MongoClients.create(privateServer.bindAndGetConnectionString());
    private final MongoServer liveServer = new MongoServer(new MemoryBackend());
    private final MongoClient liveClient = MongoClients.create(liveServer.bindAndGetConnectionString());
    private final MongoDatabase snapshotDatabase = liveClient.getDatabase("ledger-as-of-snapshots");
    private final ReadSideClasses classes = classes();
    private final List<ReadSideSnapshot> built = new ArrayList<>();
    private final List<Instant> stamps = new ArrayList<>();
    private final ExecutorService fills = Executors.newSingleThreadExecutor();

    @AfterEach
    void tearDown() {
        built.forEach(ReadSideSnapshot::close);
        fills.shutdownNow();
        privateClient.close();
        privateServer.shutdownNow();
        liveClient.close();
        liveServer.shutdownNow();
    }

    @Test
    void anAnswerFromASnapshotAndTheEventsAfterItEqualsOneFromTheFirstEvent() {
        storeHistory();
        ReadSideBuilder withSnapshots = builder(new StoredSnapshots(snapshotDatabase, "v1"));
        withSnapshots.advanceSnapshots(NOW, storage.createHeadToken());
        List<StoredSnapshots.Snapshot> saved = savedSnapshots();
        assertThat(saved).extracting(StoredSnapshots.Snapshot::events).containsExactly(10L, 20L, 30L, 40L);

        Instant firstBoundary = saved.get(0).latestEventTimestamp();
        Instant secondBoundary = saved.get(1).latestEventTimestamp();
        for (Instant instant : List.of(START.minusSeconds(1), firstBoundary.minusSeconds(1), firstBoundary,
                firstBoundary.plusSeconds(1), secondBoundary, stamps.get(22), stamps.get(stamps.size() - 1), NOW)) {
            ReadSideSnapshot fromSnapshot = keep(withSnapshots.asOf(instant));
            Answers answers = answers(fromSnapshot);
            ReadSideSnapshot fromFirstEvent = keep(ReadSideSnapshot.build(instant, SHANGHAI, classes, HistorySource.of(storage),
                    privateClient, converter(), 3, COMMIT_MARGIN));
            assertThat(answers).as("as of %s", instant).isEqualTo(answers(fromFirstEvent));
            assertThat(fromSnapshot.eventsCovered()).as("as of %s", instant).isEqualTo(fromFirstEvent.eventsApplied());
        }
        assertThat(filled(withSnapshots.asOf(firstBoundary.minusSeconds(1))).eventsApplied())
                .as("the first snapshot holds an event stamped after the instant: not used").isEqualTo(9);
        assertThat(filled(withSnapshots.asOf(firstBoundary)).eventsApplied()).as("exactly at its last event: used").isZero();
        assertThat(filled(withSnapshots.asOf(stamps.get(22))).eventsApplied())
                .as("only the events after the second snapshot").isBetween(1L, (long) INTERVAL);
    }

    @Test
    void snapshotsSurviveARestartAndAreNotMadeTwice() {
        storeHistory();
        builder(new StoredSnapshots(snapshotDatabase, "v1")).advanceSnapshots(NOW, storage.createHeadToken());
        List<String> ids = savedSnapshots().stream().map(StoredSnapshots.Snapshot::id).toList();

        ReadSideBuilder restarted = builder(new StoredSnapshots(snapshotDatabase, "v1"));
        restarted.advanceSnapshots(NOW, storage.createHeadToken());
        ReadSideSnapshot atTheEnd = keep(restarted.asOf(NOW));
        Answers answers = answers(atTheEnd);

        assertThat(savedSnapshots()).extracting(StoredSnapshots.Snapshot::id).isEqualTo(ids);
        assertThat(atTheEnd.eventsCovered() - atTheEnd.eventsApplied()).isEqualTo(40);
        assertThat(answers).isEqualTo(answers(keep(ReadSideSnapshot.build(NOW, SHANGHAI, classes, HistorySource.of(storage),
                privateClient, converter(), 3, COMMIT_MARGIN))));
    }

    @Test
    void aDamagedSnapshotIsDeletedNotServedAndMadeAgain() {
        storeHistory();
        ReadSideBuilder withSnapshots = builder(new StoredSnapshots(snapshotDatabase, "v1"));
        withSnapshots.advanceSnapshots(NOW, storage.createHeadToken());
        MongoCollection<Document> chunks = snapshotDatabase.getCollection("as_of_snapshot_chunks");
        Document chunk = chunks.find(Filters.eq("snapshot", savedSnapshots().get(3).id())).first();
        byte[] data = chunk.get("data", Binary.class).getData();
        data[data.length / 2] ^= 0x5a;
        chunks.updateOne(Filters.eq("_id", chunk.get("_id")), Updates.set("data", new Binary(data)));

        ReadSideSnapshot atTheEnd = keep(withSnapshots.asOf(NOW));
        Answers answers = answers(atTheEnd);

        assertThat(atTheEnd.eventsCovered() - atTheEnd.eventsApplied()).as("from the snapshot before it").isEqualTo(30);
        assertThat(answers).isEqualTo(answers(keep(ReadSideSnapshot.build(NOW, SHANGHAI, classes, HistorySource.of(storage),
                privateClient, converter(), 3, COMMIT_MARGIN))));
        assertThat(savedSnapshots()).extracting(StoredSnapshots.Snapshot::events).containsExactly(10L, 20L, 30L);

        withSnapshots.advanceSnapshots(NOW, storage.createHeadToken());
        assertThat(savedSnapshots()).extracting(StoredSnapshots.Snapshot::events).containsExactly(10L, 20L, 30L, 40L);
        assertThat(filled(withSnapshots.asOf(NOW)).eventsApplied()).isLessThan(INTERVAL);
    }

    @Test
    void snapshotsOfOtherReadSideCodeAreNeverUsedAndAreDeleted() {
        storeHistory();
        builder(new StoredSnapshots(snapshotDatabase, "old-code")).advanceSnapshots(NOW, storage.createHeadToken());
        StoredSnapshots newCode = new StoredSnapshots(snapshotDatabase, "new-code");

        assertThat(newCode.latestCovering(NOW)).isEmpty();
        assertThat(filled(builder(newCode).asOf(NOW)).eventsApplied()).isEqualTo(stamps.size());
        newCode.deleteOtherVersions();
        assertThat(snapshotDatabase.getCollection("as_of_snapshots").countDocuments()).isZero();
        assertThat(snapshotDatabase.getCollection("as_of_snapshot_chunks").countDocuments()).isZero();
    }

    @Test
    void eventsStampedWithinTheCommitMarginOfNowAreLeftForALaterSnapshot() {
        storeHistory();
        Instant justAfterTheLast = stamps.get(stamps.size() - 1).plusSeconds(30);

        builder(new StoredSnapshots(snapshotDatabase, "v1")).advanceSnapshots(justAfterTheLast, storage.createHeadToken());

        assertThat(savedSnapshots()).allSatisfy(snapshot ->
                assertThat(snapshot.latestEventTimestamp()).isBefore(justAfterTheLast.minus(COMMIT_MARGIN)));
    }

    @Test
    void theBoardFillsTheBoardAndTheScorecardsButNotTheRankings() {
        storeHistory();
        builder(new StoredSnapshots(snapshotDatabase, "v1")).advanceSnapshots(NOW, storage.createHeadToken());

        ReadSideSnapshot readSide = keep(builder(new StoredSnapshots(snapshotDatabase, "v1")).asOf(NOW));
        PublicBoard board = readSide.queries().query(new FindPublicBoard(), PublicBoard.class).join();

        assertThat(board.departments()).hasSize(2);
        assertThat(privateClient.listDatabaseNames()).anyMatch(name -> name.endsWith("-board"))
                .anyMatch(name -> name.endsWith("-department-statistics")).noneMatch(name -> name.endsWith("-rankings"));
        assertThat(answers(readSide)).as("the rankings filled when asked")
                .isEqualTo(answers(keep(ReadSideSnapshot.build(NOW, SHANGHAI, classes, HistorySource.of(storage),
                        privateClient, converter(), 3, COMMIT_MARGIN))));
    }

    @Test
    void aRequestCopiesFromTheSnapshotOnlyTheDocumentsItsReplayAndQueriesUse() {
        storeHistory();
        builder(new StoredSnapshots(snapshotDatabase, "v1")).advanceSnapshots(NOW, storage.createHeadToken());

        ReadSideSnapshot readSide = keep(builder(new StoredSnapshots(snapshotDatabase, "v1")).asOf(NOW));
        readSide.queries().query(new FindPublicBoard(), PublicBoard.class).join();

        // after the snapshot of 40 events: c-19 filed and replied, c-4 marked invalid, c-20 filed
        MongoDatabase statistics = readSide.databases().get("department-statistics");
        assertThat(statistics.getCollection("scorecard_complaints").find().map(document -> document.getString("_id")).into(new ArrayList<>()))
                .as("the complaints the replay touched, not the snapshot's 19").containsExactlyInAnyOrder("c-4", "c-19", "c-20");
        assertThat(readSide.copiedFromSnapshot("department-statistics")[0]).as("copied by id").isPositive();
        assertThat(answers(readSide)).isEqualTo(answers(keep(ReadSideSnapshot.build(NOW, SHANGHAI, classes, HistorySource.of(storage),
                privateClient, converter(), 3, COMMIT_MARGIN))));
    }

    @Test
    void theCodeVersionIsStableAndCoversTheReadSide() {
        assertThat(StoredSnapshots.codeVersion()).isEqualTo(StoredSnapshots.codeVersion()).hasSize(24);
    }

    /**
     * 44 events over July to October: two departments, complaints filed, replied to and one marked invalid, with one
     * complaint stamped before the one stored ahead of it (its transaction committed late), ending at the last minute.
     */
    private void storeHistory() {
        store(START, new DepartmentRegistered("CARDIOLOGY", "心内科", "Cardiology", DepartmentKind.CLINICAL));
        store(START.plusSeconds(60), new DepartmentRegistered("DENTAL", "口腔科", "Dental", DepartmentKind.CLINICAL));
        Instant at = START.plus(Duration.ofDays(1));
        for (int i = 0; i < 20; i++) {
            String department = i % 3 == 0 ? "DENTAL" : "CARDIOLOGY";
            Instant filedAt = i == 7 ? at.minus(Duration.ofDays(4)) : at;
            store(filedAt, filed("c-" + i, department, filedAt));
            Instant repliedAt = at.plus(Duration.ofDays(2));
            store(repliedAt, new ComplaintReplied("c-" + i, department, "We are sorry", repliedAt));
            at = at.plus(Duration.ofDays(5));
        }
        store(at, new ComplaintMarkedInvalid("c-4", "CARDIOLOGY", InvalidComplaintReason.MISTAKEN, "filed twice", at));
        store(at.plus(Duration.ofDays(1)), filed("c-20", "DENTAL", at.plus(Duration.ofDays(1))));
    }

    private void store(Instant at, Object payload) {
        EventMessage<?> event = new GenericEventMessage<>(new GenericMessage<>(payload), () -> at);
        storage.appendEvents(event);
        stamps.add(at);
    }

    private static ComplaintFiled filed(String id, String department, Instant receivedAt) {
        return new ComplaintFiled(id, Channel.WEB, FeedbackKind.COMPLAINT, Category.SERVICE_ATTITUDE, department,
                List.of("E1001"), "summary", "details", receivedAt, LocalDate.parse("2026-12-31"), receivedAt.plus(Duration.ofDays(5)), null);
    }

    private record Answers(PublicBoard board, Scorecards july, Scorecards august, ServiceStarRanking quarter) {
    }

    private static Answers answers(ReadSideSnapshot readSide) {
        return new Answers(readSide.queries().query(new FindPublicBoard(), PublicBoard.class).join(),
                readSide.queries().query(new FindScorecards(Period.month(YearMonth.parse("2026-07"))), Scorecards.class).join(),
                readSide.queries().query(new FindScorecards(Period.month(YearMonth.parse("2026-08"))), Scorecards.class).join(),
                readSide.queries().query(new FindServiceStarRanking(Period.parse("2026-Q3")), ServiceStarRanking.class).join());
    }

    private List<StoredSnapshots.Snapshot> savedSnapshots() {
        List<StoredSnapshots.Snapshot> snapshots = new ArrayList<>();
        StoredSnapshots store = new StoredSnapshots(snapshotDatabase, "v1");
        for (Document manifest : snapshotDatabase.getCollection("as_of_snapshots").find().sort(new Document("events", 1))) {
            snapshots.add(store.latestCovering(Instant.parse(manifest.getString("latestEventTimestamp")))
                    .filter(snapshot -> snapshot.id().equals(manifest.getString("_id"))).orElseThrow());
        }
        return snapshots;
    }

    private ReadSideBuilder builder(StoredSnapshots snapshots) {
        return new ReadSideBuilder(classes, HistorySource.of(storage), () -> privateClient, converter(), snapshots, SHANGHAI, 3,
                INTERVAL, COMMIT_MARGIN, fills);
    }

    /** Asks every query, so every processing group is filled. */
    private ReadSideSnapshot filled(ReadSideSnapshot readSide) {
        answers(keep(readSide));
        return readSide;
    }

    private ReadSideSnapshot keep(ReadSideSnapshot readSide) {
        built.add(readSide);
        return readSide;
    }

    private org.springframework.data.mongodb.core.convert.MongoConverter converter() {
        return new MongoTemplate(privateClient, "converter").getConverter();
    }

    private static ReadSideClasses classes() {
        DefaultListableBeanFactory beans = new DefaultListableBeanFactory();
        new ClassPathBeanDefinitionScanner(beans).scan("org.servicequality.ledger.query");
        return new ReadSideClasses(beans);
    }
}
