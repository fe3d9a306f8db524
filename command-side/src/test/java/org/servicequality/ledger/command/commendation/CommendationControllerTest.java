package org.servicequality.ledger.command.commendation;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.IncompatibleAggregateException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.servicequality.ledger.api.commendation.CommendationRejectionReason;
import org.servicequality.ledger.api.commendation.ReceiveCommendation;
import org.servicequality.ledger.api.commendation.RejectCommendation;
import org.servicequality.ledger.api.commendation.VerifyCommendation;
import org.servicequality.ledger.api.complaint.Channel;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.matchesPattern;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@WebMvcTest(CommendationController.class)
class CommendationControllerTest {

    private static final String ID = "3f2c1a9e-0000-4000-8000-000000000001";

    @Autowired
    private MockMvc http;

    @MockitoBean
    private CommandGateway commands;

    private <T> T sent(Class<T> type) {
        ArgumentCaptor<T> captor = ArgumentCaptor.forClass(type);
        verify(commands).sendAndWait(captor.capture());
        return captor.getValue();
    }

    @Test
    void receivesPraiseUnderANewId() throws Exception {
        http.perform(post("/api/commendations").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"channel\":\"SMS\",\"departmentId\":\"CARDIOLOGY\",\"employeeNumbers\":[\"E1001\"],"
                                + "\"text\":\"Very kind\",\"receivedAt\":\"2026-07-01T09:30:00+08:00\"}"))
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", matchesPattern("/api/commendations/[0-9a-f-]{36}")))
                .andExpect(jsonPath("$.commendationId").isString());
        ReceiveCommendation command = sent(ReceiveCommendation.class);
        assertThat(command.channel()).isEqualTo(Channel.SMS);
        assertThat(command.employeeNumbers()).containsExactly("E1001");
        assertThat(command.receivedAt()).isEqualTo(Instant.parse("2026-07-01T01:30:00Z"));
    }

    @Test
    void employeeNumbersMayBeLeftOut() throws Exception {
        http.perform(post("/api/commendations").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"channel\":\"KIOSK\",\"departmentId\":\"CARDIOLOGY\",\"text\":\"Clean ward\",\"receivedAt\":\"2026-07-01T01:30:00Z\"}"))
                .andExpect(status().isCreated());
        assertThat(sent(ReceiveCommendation.class).employeeNumbers()).isEqualTo(List.of());
    }

    @Test
    void refusesOversizedText() throws Exception {
        http.perform(post("/api/commendations").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"channel\":\"WEB\",\"departmentId\":\"CARDIOLOGY\",\"text\":\"" + "x".repeat(5001)
                                + "\",\"receivedAt\":\"2026-07-01T01:30:00Z\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("text"));
        verify(commands, never()).sendAndWait(any());
    }

    @Test
    void refusesAnUnknownChannel() throws Exception {
        http.perform(post("/api/commendations").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"channel\":\"PIGEON\",\"departmentId\":\"CARDIOLOGY\",\"text\":\"Kind\",\"receivedAt\":\"2026-07-01T01:30:00Z\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("channel"));
    }

    @Test
    void verifiesWithTheExpectedVersion() throws Exception {
        http.perform(post("/api/commendations/" + ID + "/verify").header("If-Match", "\"0\""))
                .andExpect(status().isNoContent());
        assertThat(sent(VerifyCommendation.class)).isEqualTo(new VerifyCommendation(ID, 0L));
    }

    @Test
    void aStaleVersionAnswers409() throws Exception {
        when(commands.sendAndWait(any())).thenThrow(new ConcurrencyException("stale"));
        http.perform(post("/api/commendations/" + ID + "/verify").header("If-Match", "\"0\""))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.rule").value("concurrent-change"));
    }

    @Test
    void aVersionTheRepositoryDoesNotHoldAnswers409() throws Exception {
        when(commands.sendAndWait(any())).thenThrow(new ConflictingAggregateVersionException(ID, 0, 1));
        http.perform(post("/api/commendations/" + ID + "/verify").header("If-Match", "\"0\""))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.rule").value("if-match.stale"));
    }

    @Test
    void rejectsWithReasonCodeAndText() throws Exception {
        http.perform(post("/api/commendations/" + ID + "/reject").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"reasonCode\":\"DUPLICATE\",\"reasonText\":\"Same letter as last week\"}"))
                .andExpect(status().isNoContent());
        assertThat(sent(RejectCommendation.class)).isEqualTo(
                new RejectCommendation(ID, CommendationRejectionReason.DUPLICATE, "Same letter as last week", null));
    }

    @Test
    void aRejectionNeedsAReasonText() throws Exception {
        http.perform(post("/api/commendations/" + ID + "/reject").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"reasonCode\":\"OTHER\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("reasonText"));
    }

    @Test
    void anIdThatIsNoUuidIsUnknown() throws Exception {
        http.perform(post("/api/commendations/CARDIOLOGY/verify"))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.rule").value("commendation.unknown"));
        verify(commands, never()).sendAndWait(any());
    }

    @Test
    void theIdOfAnotherKindOfCaseIsUnknown() throws Exception {
        when(commands.sendAndWait(any())).thenThrow(new IncompatibleAggregateException("not a commendation"));
        http.perform(post("/api/commendations/" + ID + "/verify"))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.rule").value("id.unknown"));
    }
}
