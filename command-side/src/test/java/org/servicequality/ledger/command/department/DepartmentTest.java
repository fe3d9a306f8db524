package org.servicequality.ledger.command.department;

import org.axonframework.eventsourcing.IncompatibleAggregateException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.hamcrest.Matcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.servicequality.ledger.api.CommandRejectedException;
import org.servicequality.ledger.api.Period;
import org.servicequality.ledger.api.Rejection;
import org.servicequality.ledger.api.department.DepartmentKind;
import org.servicequality.ledger.api.department.DepartmentRegistered;
import org.servicequality.ledger.api.department.DepartmentRenamed;
import org.servicequality.ledger.api.department.DepartmentRetired;
import org.servicequality.ledger.api.department.PublishServiceCommitment;
import org.servicequality.ledger.api.department.PublishServicePhraseStandard;
import org.servicequality.ledger.api.department.RegisterDepartment;
import org.servicequality.ledger.api.department.RenameDepartment;
import org.servicequality.ledger.api.department.ReportServiceVolume;
import org.servicequality.ledger.api.department.RetireDepartment;
import org.servicequality.ledger.api.department.ServiceCommitmentPublished;
import org.servicequality.ledger.api.department.ServiceCommitmentWithdrawn;
import org.servicequality.ledger.api.department.ServicePhraseStandardPublished;
import org.servicequality.ledger.api.department.ServiceVolumeCorrected;
import org.servicequality.ledger.api.department.ServiceVolumeReported;
import org.servicequality.ledger.api.department.WithdrawServiceCommitment;
import org.servicequality.ledger.api.staff.StaffMemberEnrolled;
import org.servicequality.ledger.api.staff.StaffRole;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static org.axonframework.test.matchers.Matchers.predicate;

class DepartmentTest {

    private static final String ID = "CARDIOLOGY";
    /** 2026-07-15 09:00 in Beijing. */
    private static final Instant NOW = Instant.parse("2026-07-15T01:00:00Z");

    private final Set<String> registered = new HashSet<>();
    private AggregateTestFixture<Department> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Department.class);
        fixture.registerInjectableResource((DepartmentDirectory) registered::contains);
    }

    private static DepartmentRegistered registeredEvent() {
        return new DepartmentRegistered(ID, "心内科", "Cardiology", DepartmentKind.CLINICAL);
    }

    private static DepartmentRetired retired() {
        return new DepartmentRetired(ID, "Merged into the heart centre", NOW.minusSeconds(60));
    }

    private static ServiceCommitmentPublished commitment(String commitmentId) {
        return new ServiceCommitmentPublished(ID, commitmentId, "首问负责", "The first person asked takes charge", NOW.minusSeconds(3600));
    }

    // --- register ---

    @Test
    void registersADepartment() {
        fixture.givenNoPriorActivity()
                .when(new RegisterDepartment("CARDIOLOGY", "心内科", "Cardiology", DepartmentKind.CLINICAL))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new DepartmentRegistered("CARDIOLOGY", "心内科", "Cardiology", DepartmentKind.CLINICAL));
    }

    @Test
    void refusesAnIdThatIsAlreadyRegistered() {
        registered.add("CARDIOLOGY");
        fixture.givenNoPriorActivity()
                .when(new RegisterDepartment("CARDIOLOGY", "心内科", "Cardiology", DepartmentKind.CLINICAL))
                .expectNoEvents()
                .expectException(CommandRejectedException.class)
                .expectExceptionMessage("A department with id 'CARDIOLOGY' is already registered; ids are never reused.");
    }

    // --- rename ---

    @Test
    void renamingKeepsThePreviousNames() {
        fixture.givenCurrentTime(NOW).andGiven(registeredEvent())
                .when(new RenameDepartment(ID, "心血管内科", "Cardiovascular Medicine", null))
                .expectEvents(new DepartmentRenamed(ID, "心血管内科", "Cardiovascular Medicine", "心内科", "Cardiology", NOW));
    }

    @Test
    void aSecondRenameRecordsTheNamesOfTheFirst() {
        fixture.givenCurrentTime(NOW)
                .andGiven(registeredEvent(), new DepartmentRenamed(ID, "心血管内科", "Cardiovascular Medicine", "心内科", "Cardiology", NOW))
                .when(new RenameDepartment(ID, "心内科", "Cardiology", null))
                .expectEvents(new DepartmentRenamed(ID, "心内科", "Cardiology", "心血管内科", "Cardiovascular Medicine", NOW));
    }

    @Test
    void changingOnlyOneLanguageIsARename() {
        fixture.givenCurrentTime(NOW).andGiven(registeredEvent())
                .when(new RenameDepartment(ID, "心内科", "Cardiology Department", null))
                .expectEvents(new DepartmentRenamed(ID, "心内科", "Cardiology Department", "心内科", "Cardiology", NOW));
    }

    @Test
    void refusesARenameToTheCurrentNames() {
        fixture.given(registeredEvent())
                .when(new RenameDepartment(ID, "心内科", "Cardiology", null))
                .expectNoEvents()
                .expectException(rejection("department.name-unchanged", Rejection.Reason.CONFLICT, null));
    }

    // --- retire ---

    @Test
    void retiresWithAReason() {
        fixture.givenCurrentTime(NOW).andGiven(registeredEvent())
                .when(new RetireDepartment(ID, "Merged into the heart centre", null))
                .expectEvents(new DepartmentRetired(ID, "Merged into the heart centre", NOW));
    }

    static Stream<Object> everyCommandOnAnExistingDepartment() {
        return Stream.of(
                new RenameDepartment(ID, "新名", "New name", null),
                new RetireDepartment(ID, "again", null),
                new PublishServiceCommitment(ID, "k-9", "承诺", "Promise", null),
                new WithdrawServiceCommitment(ID, "k-1", null),
                new PublishServicePhraseStandard(ID, List.of("您好"), List.of(), null),
                new ReportServiceVolume(ID, Period.parse("2026-06"), 1000, null));
    }

    @ParameterizedTest
    @MethodSource("everyCommandOnAnExistingDepartment")
    void aRetiredDepartmentTakesNoFurtherCommands(Object command) {
        fixture.givenCurrentTime(NOW).andGiven(registeredEvent(), commitment("k-1"), retired())
                .when(command)
                .expectNoEvents()
                .expectException(rejection("department.retired", Rejection.Reason.CONFLICT, null));
    }

    /** Ids share one key space; the HTTP layer maps this refusal to 404 (see CommandApiProblems). */
    @Test
    void anotherAggregatesStreamIsNotLoadedAsADepartment() {
        fixture.givenCurrentTime(NOW)
                .andGiven(new StaffMemberEnrolled(ID, "CARDIOLOGY", StaffRole.NURSING, "Li Na", NOW))
                .when(new RenameDepartment(ID, "新名", "New name", null))
                .expectNoEvents()
                .expectException(IncompatibleAggregateException.class);
    }

    // --- commitments ---

    @Test
    void publishesABilingualCommitment() {
        fixture.givenCurrentTime(NOW).andGiven(registeredEvent())
                .when(new PublishServiceCommitment(ID, "k-1", "首问负责", "The first person asked takes charge", null))
                .expectEvents(new ServiceCommitmentPublished(ID, "k-1", "首问负责", "The first person asked takes charge", NOW));
    }

    @Test
    void refusesACommitmentIdAlreadyInUse() {
        fixture.given(registeredEvent(), commitment("k-1"))
                .when(new PublishServiceCommitment(ID, "k-1", "再次", "Again", null))
                .expectNoEvents()
                .expectException(rejection("department.commitment-id-in-use", Rejection.Reason.CONFLICT, null));
    }

    @Test
    void refusesTheIdOfAWithdrawnCommitment() {
        fixture.given(registeredEvent(), commitment("k-1"), new ServiceCommitmentWithdrawn(ID, "k-1", NOW))
                .when(new PublishServiceCommitment(ID, "k-1", "再次", "Again", null))
                .expectNoEvents()
                .expectException(rejection("department.commitment-id-in-use", Rejection.Reason.CONFLICT, null));
    }

    @Test
    void refusesMoreStandingCommitmentsThanTheBoardCanShow() {
        List<Object> history = new ArrayList<>();
        history.add(registeredEvent());
        IntStream.range(0, Department.MAX_ACTIVE_COMMITMENTS).forEach(i -> history.add(commitment("k-" + i)));
        fixture.given(history)
                .when(new PublishServiceCommitment(ID, "k-new", "新承诺", "New promise", null))
                .expectNoEvents()
                .expectException(rejection("department.too-many-commitments", Rejection.Reason.CONFLICT, null));
    }

    @Test
    void aWithdrawnCommitmentFreesItsPlace() {
        List<Object> history = new ArrayList<>();
        history.add(registeredEvent());
        IntStream.range(0, Department.MAX_ACTIVE_COMMITMENTS).forEach(i -> history.add(commitment("k-" + i)));
        history.add(new ServiceCommitmentWithdrawn(ID, "k-7", NOW));
        fixture.givenCurrentTime(NOW).andGiven(history)
                .when(new PublishServiceCommitment(ID, "k-new", "新承诺", "New promise", null))
                .expectEvents(new ServiceCommitmentPublished(ID, "k-new", "新承诺", "New promise", NOW));
    }

    @Test
    void withdrawsACommitment() {
        fixture.givenCurrentTime(NOW).andGiven(registeredEvent(), commitment("k-1"))
                .when(new WithdrawServiceCommitment(ID, "k-1", null))
                .expectEvents(new ServiceCommitmentWithdrawn(ID, "k-1", NOW));
    }

    @Test
    void refusesToWithdrawAnUnknownCommitment() {
        fixture.given(registeredEvent(), commitment("k-1"))
                .when(new WithdrawServiceCommitment(ID, "k-2", null))
                .expectNoEvents()
                .expectException(rejection("department.commitment-unknown", Rejection.Reason.NOT_FOUND, "commitmentId"));
    }

    @Test
    void refusesToWithdrawACommitmentTwice() {
        fixture.given(registeredEvent(), commitment("k-1"), new ServiceCommitmentWithdrawn(ID, "k-1", NOW))
                .when(new WithdrawServiceCommitment(ID, "k-1", null))
                .expectNoEvents()
                .expectException(rejection("department.commitment-already-withdrawn", Rejection.Reason.CONFLICT, null));
    }

    // --- phrase standard ---

    @Test
    void theFirstPhraseStandardIsVersionOne() {
        fixture.givenCurrentTime(NOW).andGiven(registeredEvent())
                .when(new PublishServicePhraseStandard(ID, List.of("您好", "请稍候"), List.of("不知道", "没看我正忙着吗"), null))
                .expectEvents(new ServicePhraseStandardPublished(ID, 1, List.of("您好", "请稍候"), List.of("不知道", "没看我正忙着吗"), NOW));
    }

    @Test
    void aNewPublicationSupersedesTheOldWithTheNextVersion() {
        fixture.givenCurrentTime(NOW)
                .andGiven(registeredEvent(), new ServicePhraseStandardPublished(ID, 1, List.of("您好"), List.of("不知道"), NOW))
                .when(new PublishServicePhraseStandard(ID, List.of("您好", "谢谢"), List.of(), null))
                .expectEvents(new ServicePhraseStandardPublished(ID, 2, List.of("您好", "谢谢"), List.of(), NOW));
    }

    @Test
    void surroundingBlanksAreNotPartOfAPhrase() {
        fixture.givenCurrentTime(NOW).andGiven(registeredEvent())
                .when(new PublishServicePhraseStandard(ID, List.of("  您好 "), List.of("\t不知道"), null))
                .expectEvents(new ServicePhraseStandardPublished(ID, 1, List.of("您好"), List.of("不知道"), NOW));
    }

    @Test
    void acceptsTheLargestAllowedLists() {
        List<String> courteous = IntStream.range(0, Department.MAX_PHRASES_PER_LIST).mapToObj(i -> i + "x".repeat(195)).toList();
        fixture.givenCurrentTime(NOW).andGiven(registeredEvent())
                .when(new PublishServicePhraseStandard(ID, courteous, List.of(), null))
                .expectSuccessfulHandlerExecution()
                .expectEventsMatching(org.axonframework.test.matchers.Matchers.exactSequenceOf(
                        org.axonframework.test.matchers.Matchers.messageWithPayload(predicate(
                                event -> event instanceof ServicePhraseStandardPublished published
                                        && published.courteousPhrases().size() == Department.MAX_PHRASES_PER_LIST))));
    }

    @Test
    void refusesAListLongerThanTheLimit() {
        List<String> forbidden = IntStream.rangeClosed(0, Department.MAX_PHRASES_PER_LIST).mapToObj(i -> "忌语" + i).toList();
        fixture.given(registeredEvent())
                .when(new PublishServicePhraseStandard(ID, List.of("您好"), forbidden, null))
                .expectNoEvents()
                .expectException(rejection("department.too-many-phrases", Rejection.Reason.INVALID, "forbiddenPhrases"));
    }

    @Test
    void refusesAPhraseLongerThanTheLimit() {
        fixture.given(registeredEvent())
                .when(new PublishServicePhraseStandard(ID, List.of("您好", "x".repeat(Department.MAX_PHRASE_LENGTH + 1)), List.of(), null))
                .expectNoEvents()
                .expectException(rejection("department.phrase-too-long", Rejection.Reason.INVALID, "courteousPhrases[1]"));
    }

    @Test
    void refusesABlankPhrase() {
        fixture.given(registeredEvent())
                .when(new PublishServicePhraseStandard(ID, List.of("您好"), List.of("不知道", "  "), null))
                .expectNoEvents()
                .expectException(rejection("department.phrase-blank", Rejection.Reason.INVALID, "forbiddenPhrases[1]"));
    }

    @Test
    void refusesTheSamePhraseTwiceInAList() {
        fixture.given(registeredEvent())
                .when(new PublishServicePhraseStandard(ID, List.of("Good morning", "good morning "), List.of(), null))
                .expectNoEvents()
                .expectException(rejection("department.phrase-duplicate", Rejection.Reason.INVALID, "courteousPhrases[1]"));
    }

    @Test
    void refusesAPhraseThatIsBothRecommendedAndForbidden() {
        fixture.given(registeredEvent())
                .when(new PublishServicePhraseStandard(ID, List.of("您好", "请排队"), List.of("不知道", "请排队"), null))
                .expectNoEvents()
                .expectException(rejection("department.phrase-both-courteous-and-forbidden", Rejection.Reason.INVALID, "forbiddenPhrases[1]"));
    }

    @Test
    void refusesAnEmptyStandard() {
        fixture.given(registeredEvent())
                .when(new PublishServicePhraseStandard(ID, List.of(), List.of(), null))
                .expectNoEvents()
                .expectException(rejection("department.phrase-standard-empty", Rejection.Reason.INVALID, "courteousPhrases"));
    }

    // --- service volume ---

    @Test
    void reportsTheServiceVolumeOfAPeriod() {
        fixture.givenCurrentTime(NOW).andGiven(registeredEvent())
                .when(new ReportServiceVolume(ID, Period.parse("2026-06"), 12_500, null))
                .expectEvents(new ServiceVolumeReported(ID, Period.parse("2026-06"), 12_500, NOW));
    }

    @Test
    void reportsZeroContacts() {
        fixture.givenCurrentTime(NOW).andGiven(registeredEvent())
                .when(new ReportServiceVolume(ID, Period.parse("2026-Q2"), 0, null))
                .expectEvents(new ServiceVolumeReported(ID, Period.parse("2026-Q2"), 0, NOW));
    }

    @Test
    void reportsTheCurrentPeriodSoFar() {
        fixture.givenCurrentTime(NOW).andGiven(registeredEvent())
                .when(new ReportServiceVolume(ID, Period.parse("2026-07"), 4_000, null))
                .expectEvents(new ServiceVolumeReported(ID, Period.parse("2026-07"), 4_000, NOW));
    }

    @Test
    void aSecondReportForTheSamePeriodIsACorrection() {
        fixture.givenCurrentTime(NOW)
                .andGiven(registeredEvent(), new ServiceVolumeReported(ID, Period.parse("2026-06"), 12_500, NOW))
                .when(new ReportServiceVolume(ID, Period.parse("2026-06"), 12_050, null))
                .expectEvents(new ServiceVolumeCorrected(ID, Period.parse("2026-06"), 12_050, 12_500, NOW));
    }

    @Test
    void aCorrectionNamesTheLatestFigureAsPrevious() {
        fixture.givenCurrentTime(NOW)
                .andGiven(registeredEvent(), new ServiceVolumeReported(ID, Period.parse("2026-06"), 12_500, NOW),
                        new ServiceVolumeCorrected(ID, Period.parse("2026-06"), 12_050, 12_500, NOW))
                .when(new ReportServiceVolume(ID, Period.parse("2026-06"), 12_100, null))
                .expectEvents(new ServiceVolumeCorrected(ID, Period.parse("2026-06"), 12_100, 12_050, NOW));
    }

    @Test
    void otherPeriodsAreReportedSeparately() {
        fixture.givenCurrentTime(NOW)
                .andGiven(registeredEvent(), new ServiceVolumeReported(ID, Period.parse("2026-06"), 12_500, NOW))
                .when(new ReportServiceVolume(ID, Period.parse("2026-Q2"), 37_000, null))
                .expectEvents(new ServiceVolumeReported(ID, Period.parse("2026-Q2"), 37_000, NOW));
    }

    @Test
    void reportingTheSameFigureAgainRecordsNothing() {
        fixture.givenCurrentTime(NOW)
                .andGiven(registeredEvent(), new ServiceVolumeReported(ID, Period.parse("2026-06"), 12_500, NOW))
                .when(new ReportServiceVolume(ID, Period.parse("2026-06"), 12_500, null))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void refusesANegativeVolume() {
        fixture.givenCurrentTime(NOW).andGiven(registeredEvent())
                .when(new ReportServiceVolume(ID, Period.parse("2026-06"), -1, null))
                .expectNoEvents()
                .expectException(rejection("department.service-volume-negative", Rejection.Reason.INVALID, "serviceContacts"));
    }

    @Test
    void refusesAPeriodThatHasNotBegun() {
        fixture.givenCurrentTime(NOW).andGiven(registeredEvent())
                .when(new ReportServiceVolume(ID, Period.parse("2026-Q4"), 100, null))
                .expectNoEvents()
                .expectException(rejection("department.service-volume-period-not-begun", Rejection.Reason.INVALID, "period"));
    }

    @Test
    void aPeriodThatHasBegunSomewhereOnEarthIsAccepted() {
        Instant lastMinuteOfJuneInUtc = Instant.parse("2026-06-30T23:59:00Z");
        fixture.givenCurrentTime(lastMinuteOfJuneInUtc).andGiven(registeredEvent())
                .when(new ReportServiceVolume(ID, Period.parse("2026-07"), 10, null))
                .expectEvents(new ServiceVolumeReported(ID, Period.parse("2026-07"), 10, lastMinuteOfJuneInUtc));
    }

    static Matcher<?> rejection(String rule, Rejection.Reason reason, String field) {
        return predicate(e -> e instanceof CommandRejectedException rejected
                && rule.equals(rejected.rejection().rule())
                && reason == rejected.rejection().reason()
                && java.util.Objects.equals(field, rejected.rejection().field()));
    }
}
