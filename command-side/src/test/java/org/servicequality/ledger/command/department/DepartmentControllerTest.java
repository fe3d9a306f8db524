package org.servicequality.ledger.command.department;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.servicequality.ledger.api.CommandRejectedException;
import org.servicequality.ledger.api.Period;
import org.servicequality.ledger.api.department.PublishServiceCommitment;
import org.servicequality.ledger.api.department.PublishServicePhraseStandard;
import org.servicequality.ledger.api.department.RenameDepartment;
import org.servicequality.ledger.api.department.ReportServiceVolume;
import org.servicequality.ledger.api.department.RetireDepartment;
import org.servicequality.ledger.api.department.WithdrawServiceCommitment;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.hamcrest.Matchers.matchesPattern;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@WebMvcTest(DepartmentController.class)
class DepartmentControllerTest {

    @Autowired
    private MockMvc http;

    @MockitoBean
    private CommandGateway commands;

    private ResultActions postJson(String path, String json, String ifMatch) throws Exception {
        var request = post(path).contentType(MediaType.APPLICATION_JSON).content(json);
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
    void renamesWithTheExpectedVersionFromIfMatch() throws Exception {
        postJson("/api/departments/CARDIOLOGY/rename", "{\"nameZh\":\"心血管内科\",\"nameEn\":\"Cardiovascular Medicine\"}", "\"3\"")
                .andExpect(status().isNoContent());
        assertThat(sent(RenameDepartment.class))
                .isEqualTo(new RenameDepartment("CARDIOLOGY", "心血管内科", "Cardiovascular Medicine", 3L));
    }

    @Test
    void aRenameNeedsBothNames() throws Exception {
        postJson("/api/departments/CARDIOLOGY/rename", "{\"nameZh\":\"心血管内科\"}", null)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("nameEn"));
        verify(commands, never()).sendAndWait(any());
    }

    @Test
    void retiresWithoutIfMatchAsNoCheck() throws Exception {
        postJson("/api/departments/CARDIOLOGY/retire", "{\"reason\":\"Merged into the heart centre\"}", null)
                .andExpect(status().isNoContent());
        assertThat(sent(RetireDepartment.class))
                .isEqualTo(new RetireDepartment("CARDIOLOGY", "Merged into the heart centre", null));
    }

    @Test
    void aRetirementNeedsAReason() throws Exception {
        postJson("/api/departments/CARDIOLOGY/retire", "{\"reason\":\" \"}", null)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("reason"));
    }

    @Test
    void aRetiredDepartmentAnswers409WithTheRule() throws Exception {
        when(commands.sendAndWait(any())).thenThrow(CommandRejectedException.conflict("department.retired", "retired"));
        postJson("/api/departments/CARDIOLOGY/retire", "{\"reason\":\"again\"}", null)
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.rule").value("department.retired"));
    }

    @Test
    void theServerChoosesTheCommitmentId() throws Exception {
        postJson("/api/departments/CARDIOLOGY/commitments", "{\"textZh\":\"首问负责\",\"textEn\":\"The first person asked takes charge\"}", null)
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", matchesPattern("/api/departments/CARDIOLOGY/commitments/[0-9a-f-]{36}")))
                .andExpect(jsonPath("$.commitmentId").isString());
        PublishServiceCommitment command = sent(PublishServiceCommitment.class);
        assertThat(command.departmentId()).isEqualTo("CARDIOLOGY");
        assertThat(command.commitmentId()).matches("[0-9a-f-]{36}");
        assertThat(command.textEn()).isEqualTo("The first person asked takes charge");
    }

    @Test
    void aCommitmentNeedsBothLanguages() throws Exception {
        postJson("/api/departments/CARDIOLOGY/commitments", "{\"textZh\":\"首问负责\",\"textEn\":\"\"}", null)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("textEn"));
    }

    @Test
    void withdrawsACommitment() throws Exception {
        http.perform(post("/api/departments/CARDIOLOGY/commitments/k-1/withdraw").header("If-Match", "7"))
                .andExpect(status().isNoContent());
        assertThat(sent(WithdrawServiceCommitment.class)).isEqualTo(new WithdrawServiceCommitment("CARDIOLOGY", "k-1", 7L));
    }

    @Test
    void anUnknownCommitmentAnswers404NamingTheField() throws Exception {
        when(commands.sendAndWait(any())).thenThrow(
                CommandRejectedException.notFound("department.commitment-unknown", "commitmentId", "none"));
        http.perform(post("/api/departments/CARDIOLOGY/commitments/k-9/withdraw"))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.rule").value("department.commitment-unknown"))
                .andExpect(jsonPath("$.errors[0].field").value("commitmentId"));
    }

    @Test
    void publishesAPhraseStandard() throws Exception {
        postJson("/api/departments/CARDIOLOGY/phrase-standard", "{\"courteousPhrases\":[\"您好\"],\"forbiddenPhrases\":[\"不知道\"]}", null)
                .andExpect(status().isNoContent());
        assertThat(sent(PublishServicePhraseStandard.class))
                .isEqualTo(new PublishServicePhraseStandard("CARDIOLOGY", List.of("您好"), List.of("不知道"), null));
    }

    @Test
    void anOversizedPhraseIsRefusedWithItsPosition() throws Exception {
        postJson("/api/departments/CARDIOLOGY/phrase-standard",
                "{\"courteousPhrases\":[\"您好\",\"" + "x".repeat(201) + "\"]}", null)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("courteousPhrases[1]"));
        verify(commands, never()).sendAndWait(any());
    }

    @Test
    void reportsServiceVolume() throws Exception {
        postJson("/api/departments/CARDIOLOGY/service-volume", "{\"period\":\"2026-Q2\",\"serviceContacts\":37000}", "W/\"5\"")
                .andExpect(status().isNoContent());
        assertThat(sent(ReportServiceVolume.class))
                .isEqualTo(new ReportServiceVolume("CARDIOLOGY", Period.parse("2026-Q2"), 37_000, 5L));
    }

    @Test
    void refusesAMalformedPeriod() throws Exception {
        postJson("/api/departments/CARDIOLOGY/service-volume", "{\"period\":\"2026-13\",\"serviceContacts\":1}", null)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("period"));
    }

    @Test
    void refusesAYearOutOfRange() throws Exception {
        postJson("/api/departments/CARDIOLOGY/service-volume", "{\"period\":\"0999\",\"serviceContacts\":1}", null)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.rule").value("period.malformed"))
                .andExpect(jsonPath("$.errors[0].field").value("period"));
        verify(commands, never()).sendAndWait(any());
    }

    @Test
    void refusesANegativeVolume() throws Exception {
        postJson("/api/departments/CARDIOLOGY/service-volume", "{\"period\":\"2026-06\",\"serviceContacts\":-1}", null)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("serviceContacts"));
    }

    @Test
    void anIdNoDepartmentCouldHaveIsUnknown() throws Exception {
        postJson("/api/departments/staff:E1/rename", "{\"nameZh\":\"新\",\"nameEn\":\"New\"}", null)
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.rule").value("department.unknown"));
        verify(commands, never()).sendAndWait(any());
    }

    @Test
    void aMalformedIfMatchIsRefused() throws Exception {
        postJson("/api/departments/CARDIOLOGY/retire", "{\"reason\":\"Closed\"}", "\"abc\"")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.rule").value("if-match.malformed"));
        verify(commands, never()).sendAndWait(any());
    }
}
