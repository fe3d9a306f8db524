package org.servicequality.ledger.command.staff;

import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.modelling.command.AnnotationCommandTargetResolver;
import org.axonframework.modelling.command.VersionedAggregateIdentifier;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.hamcrest.Matcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.servicequality.ledger.api.CommandRejectedException;
import org.servicequality.ledger.api.Rejection;
import org.servicequality.ledger.api.staff.EnrolStaffMember;
import org.servicequality.ledger.api.staff.RecordStaffMemberLeaving;
import org.servicequality.ledger.api.staff.StaffMemberEnrolled;
import org.servicequality.ledger.api.staff.StaffMemberLeft;
import org.servicequality.ledger.api.staff.StaffMemberTransferred;
import org.servicequality.ledger.api.staff.StaffRole;
import org.servicequality.ledger.api.staff.TransferStaffMember;
import org.servicequality.ledger.command.department.DepartmentDirectory;

import java.time.Instant;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.axonframework.test.matchers.Matchers.predicate;

class StaffMemberTest {

    private static final String NUMBER = "E1001";
    private static final Instant NOW = Instant.parse("2026-07-15T01:00:00Z");

    private final Set<String> enrolled = new HashSet<>();
    private AggregateTestFixture<StaffMember> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(StaffMember.class);
        fixture.registerInjectableResource((StaffDirectory) enrolled::contains);
        fixture.registerInjectableResource(new DepartmentDirectory() {
            @Override
            public boolean isRegistered(String departmentId) {
                return Set.of("CARDIOLOGY", "PHARMACY", "OLD-WARD").contains(departmentId);
            }

            @Override
            public boolean isRetired(String departmentId) {
                return "OLD-WARD".equals(departmentId);
            }
        });
    }

    private static StaffMemberEnrolled enrolledEvent() {
        return new StaffMemberEnrolled(NUMBER, "CARDIOLOGY", StaffRole.NURSING, "Li Na", NOW.minusSeconds(86_400));
    }

    @Test
    void enrolsAMemberOfStaff() {
        fixture.givenCurrentTime(NOW).andGivenCommands()
                .when(new EnrolStaffMember(NUMBER, "CARDIOLOGY", StaffRole.NURSING, "Li Na"))
                .expectEvents(new StaffMemberEnrolled(NUMBER, "CARDIOLOGY", StaffRole.NURSING, "Li Na", NOW));
    }

    @Test
    void enrolsEveryKindOfStaff() {
        fixture.givenCurrentTime(NOW).andGivenCommands()
                .when(new EnrolStaffMember("L-07", "CARDIOLOGY", StaffRole.LIFT_ATTENDANT, "Wang Fang"))
                .expectEvents(new StaffMemberEnrolled("L-07", "CARDIOLOGY", StaffRole.LIFT_ATTENDANT, "Wang Fang", NOW));
    }

    @Test
    void refusesAnEmployeeNumberEnrolledBefore() {
        enrolled.add(NUMBER);
        fixture.givenNoPriorActivity()
                .when(new EnrolStaffMember(NUMBER, "CARDIOLOGY", StaffRole.NURSING, "Li Na"))
                .expectNoEvents()
                .expectException(rejection("staff.already-enrolled", Rejection.Reason.CONFLICT, null));
    }

    @Test
    void refusesToEnrolIntoAnUnknownDepartment() {
        fixture.givenNoPriorActivity()
                .when(new EnrolStaffMember(NUMBER, "NOWHERE", StaffRole.NURSING, "Li Na"))
                .expectNoEvents()
                .expectException(rejection("department.unknown", Rejection.Reason.NOT_FOUND, "departmentId"));
    }

    @Test
    void refusesToEnrolIntoARetiredDepartment() {
        fixture.givenNoPriorActivity()
                .when(new EnrolStaffMember(NUMBER, "OLD-WARD", StaffRole.NURSING, "Li Na"))
                .expectNoEvents()
                .expectException(rejection("department.retired", Rejection.Reason.CONFLICT, null));
    }

    @Test
    void commandsAddressTheAggregateByPrefixedEmployeeNumber() {
        AnnotationCommandTargetResolver resolver = AnnotationCommandTargetResolver.builder().build();
        VersionedAggregateIdentifier transfer = resolver.resolveTarget(
                GenericCommandMessage.asCommandMessage(new TransferStaffMember(NUMBER, "PHARMACY", null, 4L)));
        VersionedAggregateIdentifier leave = resolver.resolveTarget(
                GenericCommandMessage.asCommandMessage(new RecordStaffMemberLeaving(NUMBER, null)));
        VersionedAggregateIdentifier enrol = resolver.resolveTarget(
                GenericCommandMessage.asCommandMessage(new EnrolStaffMember(NUMBER, "CARDIOLOGY", StaffRole.NURSING, "Li Na")));

        assertThat(transfer.getIdentifier()).isEqualTo("staff:E1001");
        assertThat(transfer.getVersion()).isEqualTo(4L);
        assertThat(leave.getIdentifier()).isEqualTo("staff:E1001");
        assertThat(leave.getVersion()).isNull();
        assertThat(enrol.getIdentifier()).isEqualTo("staff:E1001");
    }

    @Test
    void transfersKeepingTheRole() {
        fixture.givenCurrentTime(NOW).andGiven(enrolledEvent())
                .when(new TransferStaffMember(NUMBER, "PHARMACY", null, null))
                .expectEvents(new StaffMemberTransferred(NUMBER, "CARDIOLOGY", "PHARMACY", StaffRole.NURSING, NOW));
    }

    @Test
    void transfersWithANewRole() {
        fixture.givenCurrentTime(NOW).andGiven(enrolledEvent())
                .when(new TransferStaffMember(NUMBER, "PHARMACY", StaffRole.SERVICE_WINDOW, null))
                .expectEvents(new StaffMemberTransferred(NUMBER, "CARDIOLOGY", "PHARMACY", StaffRole.SERVICE_WINDOW, NOW));
    }

    @Test
    void aLaterTransferStartsFromTheCurrentDepartmentAndRole() {
        fixture.givenCurrentTime(NOW)
                .andGiven(enrolledEvent(), new StaffMemberTransferred(NUMBER, "CARDIOLOGY", "PHARMACY", StaffRole.SERVICE_WINDOW, NOW))
                .when(new TransferStaffMember(NUMBER, "CARDIOLOGY", null, null))
                .expectEvents(new StaffMemberTransferred(NUMBER, "PHARMACY", "CARDIOLOGY", StaffRole.SERVICE_WINDOW, NOW));
    }

    @Test
    void refusesATransferIntoTheCurrentDepartment() {
        fixture.given(enrolledEvent())
                .when(new TransferStaffMember(NUMBER, "CARDIOLOGY", StaffRole.ADMINISTRATIVE, null))
                .expectNoEvents()
                .expectException(rejection("staff.already-in-department", Rejection.Reason.CONFLICT, null));
    }

    @Test
    void refusesATransferIntoAnUnknownDepartment() {
        fixture.given(enrolledEvent())
                .when(new TransferStaffMember(NUMBER, "NOWHERE", null, null))
                .expectNoEvents()
                .expectException(rejection("department.unknown", Rejection.Reason.NOT_FOUND, "departmentId"));
    }

    @Test
    void refusesATransferIntoARetiredDepartment() {
        fixture.given(enrolledEvent())
                .when(new TransferStaffMember(NUMBER, "OLD-WARD", null, null))
                .expectNoEvents()
                .expectException(rejection("department.retired", Rejection.Reason.CONFLICT, null));
    }

    @Test
    void recordsLeavingFromTheCurrentDepartment() {
        fixture.givenCurrentTime(NOW)
                .andGiven(enrolledEvent(), new StaffMemberTransferred(NUMBER, "CARDIOLOGY", "PHARMACY", StaffRole.NURSING, NOW))
                .when(new RecordStaffMemberLeaving(NUMBER, null))
                .expectEvents(new StaffMemberLeft(NUMBER, "PHARMACY", NOW));
    }

    @Test
    void refusesATransferAfterLeaving() {
        fixture.given(enrolledEvent(), new StaffMemberLeft(NUMBER, "CARDIOLOGY", NOW))
                .when(new TransferStaffMember(NUMBER, "PHARMACY", null, null))
                .expectNoEvents()
                .expectException(rejection("staff.left", Rejection.Reason.CONFLICT, null));
    }

    @Test
    void refusesLeavingTwice() {
        fixture.given(enrolledEvent(), new StaffMemberLeft(NUMBER, "CARDIOLOGY", NOW))
                .when(new RecordStaffMemberLeaving(NUMBER, null))
                .expectNoEvents()
                .expectException(rejection("staff.left", Rejection.Reason.CONFLICT, null));
    }

    static Matcher<?> rejection(String rule, Rejection.Reason reason, String field) {
        return predicate(e -> e instanceof CommandRejectedException rejected
                && rule.equals(rejected.rejection().rule())
                && reason == rejected.rejection().reason()
                && Objects.equals(field, rejected.rejection().field()));
    }
}
