package org.servicequality.ledger.command;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.servicequality.ledger.api.Period;
import org.servicequality.ledger.api.Severity;
import org.servicequality.ledger.api.award.AwardServiceStar;
import org.servicequality.ledger.api.award.AwardStarRating;
import org.servicequality.ledger.api.award.OpenServiceStarRound;
import org.servicequality.ledger.api.inspection.CirculateInspectionResults;
import org.servicequality.ledger.api.inspection.ConductInspection;
import org.servicequality.ledger.api.inspection.InspectionMethod;
import org.servicequality.ledger.api.inspection.RecordFinding;
import org.servicequality.ledger.api.rectification.OrderRectification;
import org.servicequality.ledger.api.rectification.RectificationSource;
import org.servicequality.ledger.api.rectification.VerifyRectification;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.FilterType;
import org.springframework.http.MediaType;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import java.time.Instant;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The HTTP surface of inspections, rectifications and awards: what reaches the command gateway, and how
 * bad input and stale versions are answered. The aggregates' rules are covered by their fixture tests.
 */
@WebMvcTest
@ContextConfiguration(classes = InspectionRectificationAwardHttpTest.Web.class)
class InspectionRectificationAwardHttpTest {

    @Configuration
    @ComponentScan(basePackages = "org.servicequality.ledger.command", useDefaultFilters = false,
            includeFilters = @ComponentScan.Filter(type = FilterType.REGEX, pattern =
                    "org\\.servicequality\\.ledger\\.command\\.(CommandApiProblems|http\\.IfMatchConfiguration|inspection\\.InspectionController"
                            + "|rectification\\.RectificationController|award\\.StarRatingController|award\\.ServiceStarRoundController)"))
    static class Web {
    }

    private static final String SCORES = "{\"SERVICE_ENVIRONMENT\":90,\"SERVICE_ATTITUDE\":90,\"SERVICE_QUALITY\":90,"
            + "\"DISCIPLINE\":90,\"PUBLIC_SATISFACTION\":90,\"COMPLAINT_HANDLING\":90}";

    @Autowired
    MockMvc http;

    @MockitoBean
    CommandGateway commands;

    private ResultActions postJson(String path, String body, String ifMatch) throws Exception {
        var request = post(path).contentType(MediaType.APPLICATION_JSON).content(body);
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        return http.perform(request);
    }

    private <T> T sent(Class<T> type) {
        ArgumentCaptor<T> captor = ArgumentCaptor.forClass(type);
        verify(commands).sendAndWait(captor.capture());
        return captor.getValue();
    }

    @Test
    void conductsAnInspectionAnsweringWithItsNewId() throws Exception {
        postJson("/api/inspections", """
                {"method":"PUBLIC_SUPERVISOR","departmentId":"CARDIOLOGY","inspector":"Li","conductedAt":"2026-07-01T09:30:00+08:00"}""", null)
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", org.hamcrest.Matchers.startsWith("/api/inspections/")))
                .andExpect(jsonPath("$.inspectionId").isString());

        ConductInspection command = sent(ConductInspection.class);
        assertThat(command.method()).isEqualTo(InspectionMethod.PUBLIC_SUPERVISOR);
        assertThat(command.conductedAt()).isEqualTo(Instant.parse("2026-07-01T01:30:00Z"));
    }

    @Test
    void recordsAFindingWithTheIfMatchVersion() throws Exception {
        postJson("/api/inspections/i-1/findings", """
                {"standardClause":"Not standing to greet","severity":"MAJOR","pointsDeducted":2,"employeeNumbers":["E1001"]}""", "\"4\"")
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.findingId").isString());

        RecordFinding command = sent(RecordFinding.class);
        assertThat(command.severity()).isEqualTo(Severity.MAJOR);
        assertThat(command.positive()).isFalse();
        assertThat(command.description()).isEmpty();
        assertThat(command.expectedVersion()).isEqualTo(4L);
    }

    @Test
    void aBadFindingIsRefusedNamingEveryBadField() throws Exception {
        postJson("/api/inspections/i-1/findings", """
                {"standardClause":"","pointsDeducted":-1,"employeeNumbers":["E 1"]}""", null)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", org.hamcrest.Matchers.containsInAnyOrder(
                        "standardClause", "pointsDeducted", "employeeNumbers[0]")));
        verify(commands, never()).sendAndWait(any());
    }

    @Test
    void aStaleIfMatchIsAConflict() throws Exception {
        when(commands.sendAndWait(any(CirculateInspectionResults.class)))
                .thenThrow(new ConflictingAggregateVersionException("i-1", 2, 3));

        postJson("/api/inspections/i-1/circulate", """
                {"circulatedAt":"2026-07-02T09:00:00+08:00"}""", "\"2\"")
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.rule").value("if-match.stale"));
    }

    @Test
    void aMalformedIfMatchIsRefused() throws Exception {
        postJson("/api/inspections/i-1/circulate", """
                {"circulatedAt":"2026-07-02T09:00:00+08:00"}""", "yesterday")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.rule").value("if-match.malformed"));
    }

    @Test
    void ordersARectificationOfAFinding() throws Exception {
        postJson("/api/rectifications", """
                {"source":{"kind":"FINDING","inspectionId":"i-1","findingId":"f-1"},"departmentId":"CARDIOLOGY",
                 "requiredAction":"Retrain","dueDate":"2026-07-31","orderedAt":"2026-07-03T09:00:00+08:00"}""", null)
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.rectificationId").isString());

        OrderRectification command = sent(OrderRectification.class);
        assertThat(command.source()).isEqualTo(RectificationSource.finding("i-1", "f-1"));
        assertThat(command.dueDate()).isEqualTo(LocalDate.of(2026, 7, 31));
    }

    @Test
    void aRectificationNeedsASourceKindAndARealDueDate() throws Exception {
        postJson("/api/rectifications", """
                {"source":{},"departmentId":"CARDIOLOGY","requiredAction":"Retrain","dueDate":"2026-07-31","orderedAt":"2026-07-03T01:00:00Z"}""", null)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("source.kind"));
        postJson("/api/rectifications", """
                {"source":{"kind":"COMPLAINT","complaintId":"c-1"},"departmentId":"CARDIOLOGY","requiredAction":"Retrain","dueDate":"2026-02-30","orderedAt":"2026-07-03T01:00:00Z"}""", null)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("dueDate"));
    }

    @Test
    void verifiesARectification() throws Exception {
        postJson("/api/rectifications/r-1/verify", """
                {"verifiedBy":"Q-77","verifiedAt":"2026-07-20T01:00:00Z"}""", "\"3\"")
                .andExpect(status().isNoContent());

        assertThat(sent(VerifyRectification.class))
                .isEqualTo(new VerifyRectification("r-1", "Q-77", "", Instant.parse("2026-07-20T01:00:00Z"), 3L));
    }

    @Test
    void awardsAStarRatingUnderItsNaturalKey() throws Exception {
        postJson("/api/star-ratings", """
                {"departmentId":"CARDIOLOGY","period":"2026-Q3","stars":4,"scores":%s,"awardedAt":"2026-10-08T01:00:00Z"}"""
                .formatted(SCORES), null)
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", "/api/star-ratings/CARDIOLOGY/2026-Q3"))
                .andExpect(jsonPath("$.starRatingId").value("star-rating:CARDIOLOGY:2026-Q3"));

        assertThat(sent(AwardStarRating.class).period()).isEqualTo(Period.parse("2026-Q3"));
    }

    @Test
    void refusesSixStarsAndScoresOverAHundred() throws Exception {
        postJson("/api/star-ratings", """
                {"departmentId":"CARDIOLOGY","period":"2026-Q3","stars":6,"scores":{"DISCIPLINE":101},"awardedAt":"2026-10-08T01:00:00Z"}""", null)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", org.hamcrest.Matchers.containsInAnyOrder("stars", "scores[DISCIPLINE]")));
    }

    @Test
    void opensAServiceStarRoundWithTheDefaultLimit() throws Exception {
        postJson("/api/service-star-rounds", """
                {"period":"2026","openedAt":"2026-11-01T01:00:00Z"}""", null)
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", "/api/service-star-rounds/2026"))
                .andExpect(jsonPath("$.serviceStarRoundId").value("service-star-round:2026"));

        assertThat(sent(OpenServiceStarRound.class).awardLimit()).isNull();
    }

    @Test
    void awardsAServiceStar() throws Exception {
        postJson("/api/service-star-rounds/2026-Q4/nominations/E1001/award", """
                {"awardedAt":"2026-11-20T01:00:00Z"}""", null)
                .andExpect(status().isNoContent());

        assertThat(sent(AwardServiceStar.class))
                .isEqualTo(new AwardServiceStar(Period.parse("2026-Q4"), "E1001", Instant.parse("2026-11-20T01:00:00Z"), null));
    }

    @Test
    void aMalformedPeriodInThePathIsRefused() throws Exception {
        postJson("/api/service-star-rounds/2026-13/close", """
                {"closedAt":"2026-11-20T01:00:00Z"}""", null)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.rule").value("period.malformed"))
                .andExpect(jsonPath("$.errors[0].field").value("period"));
        verify(commands, never()).sendAndWait(any());
    }

    @Test
    void nominationNeedsScoresAndAnEmployeeNumber() throws Exception {
        postJson("/api/service-star-rounds/2026/nominations", """
                {"employeeNumber":"","departmentId":"CARDIOLOGY","nominatedAt":"2026-11-20T01:00:00Z"}""", null)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", org.hamcrest.Matchers.hasItems("employeeNumber", "scores")));
    }
}
