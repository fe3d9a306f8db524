package org.servicequality.ledger.command.department;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.servicequality.ledger.api.Period;
import org.servicequality.ledger.api.commendation.CommendationReceived;
import org.servicequality.ledger.api.commendation.CommendationRejected;
import org.servicequality.ledger.api.commendation.CommendationRejectionReason;
import org.servicequality.ledger.api.commendation.CommendationVerified;
import org.servicequality.ledger.api.complaint.Channel;
import org.servicequality.ledger.api.department.DepartmentRenamed;
import org.servicequality.ledger.api.department.DepartmentRetired;
import org.servicequality.ledger.api.department.ServiceCommitmentPublished;
import org.servicequality.ledger.api.department.ServiceCommitmentWithdrawn;
import org.servicequality.ledger.api.department.ServicePhraseStandardPublished;
import org.servicequality.ledger.api.department.ServiceVolumeCorrected;
import org.servicequality.ledger.api.department.ServiceVolumeReported;
import org.servicequality.ledger.api.staff.StaffMemberEnrolled;
import org.servicequality.ledger.api.staff.StaffMemberLeft;
import org.servicequality.ledger.api.staff.StaffMemberTransferred;
import org.servicequality.ledger.api.staff.StaffRole;

import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The event store keeps these as JSON forever; each must come back equal and carry revision 1. */
class PublishedEventsSerializationTest {

    private static final Instant T = Instant.parse("2026-07-15T01:00:00Z");
    private static final JacksonSerializer SERIALIZER = JacksonSerializer.builder()
            .objectMapper(new ObjectMapper().findAndRegisterModules()).build();

    static Stream<Object> events() {
        return Stream.of(
                new DepartmentRenamed("CARDIOLOGY", "心血管内科", "Cardiovascular Medicine", "心内科", "Cardiology", T),
                new DepartmentRetired("CARDIOLOGY", "Merged", T),
                new ServiceCommitmentPublished("CARDIOLOGY", "k-1", "首问负责", "First person asked takes charge", T),
                new ServiceCommitmentWithdrawn("CARDIOLOGY", "k-1", T),
                new ServicePhraseStandardPublished("CARDIOLOGY", 2, List.of("您好"), List.of("不知道"), T),
                new ServiceVolumeReported("CARDIOLOGY", Period.parse("2026-Q2"), 37_000, T),
                new ServiceVolumeCorrected("CARDIOLOGY", Period.parse("2026-06"), 12_050, 12_500, T),
                new StaffMemberEnrolled("E1001", "CARDIOLOGY", StaffRole.LIFT_ATTENDANT, "Li Na", T),
                new StaffMemberTransferred("E1001", "CARDIOLOGY", "PHARMACY", StaffRole.SERVICE_WINDOW, T),
                new StaffMemberLeft("E1001", "PHARMACY", T),
                new CommendationReceived("c-1", Channel.LETTER, "CARDIOLOGY", List.of("E1001"), "Kind", T),
                new CommendationVerified("c-1", "CARDIOLOGY", List.of("E1001"), Channel.LETTER, T, T),
                new CommendationRejected("c-1", "CARDIOLOGY", CommendationRejectionReason.DUPLICATE, "Twice", T));
    }

    @ParameterizedTest
    @MethodSource("events")
    void roundTripsAsJson(Object event) {
        SerializedObject<String> json = SERIALIZER.serialize(event, String.class);

        assertThat(json.getType().getRevision()).isEqualTo("1");
        assertThat((Object) SERIALIZER.deserialize(json)).isEqualTo(event);
    }
}
