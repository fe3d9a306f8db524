package org.servicequality.ledger.command.staff;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.servicequality.ledger.api.CommandRejectedException;
import org.servicequality.ledger.api.staff.EnrolStaffMember;
import org.servicequality.ledger.api.staff.RecordStaffMemberLeaving;
import org.servicequality.ledger.api.staff.StaffRole;
import org.servicequality.ledger.api.staff.TransferStaffMember;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@WebMvcTest(StaffController.class)
class StaffControllerTest {

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
    void enrolsAndAnswersWithTheIds() throws Exception {
        http.perform(post("/api/staff").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"employeeNumber\":\"E1001\",\"departmentId\":\"CARDIOLOGY\",\"role\":\"LIFT_ATTENDANT\",\"displayName\":\"Li Na\"}"))
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", "/api/staff/E1001"))
                .andExpect(jsonPath("$.staffMemberId").value("staff:E1001"))
                .andExpect(jsonPath("$.employeeNumber").value("E1001"));
        assertThat(sent(EnrolStaffMember.class))
                .isEqualTo(new EnrolStaffMember("E1001", "CARDIOLOGY", StaffRole.LIFT_ATTENDANT, "Li Na"));
    }

    @Test
    void refusesAnEmployeeNumberThatCannotBeAKey() throws Exception {
        http.perform(post("/api/staff").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"employeeNumber\":\"E:1001\",\"departmentId\":\"CARDIOLOGY\",\"role\":\"CLEANING\",\"displayName\":\"Li Na\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("employeeNumber"));
        verify(commands, never()).sendAndWait(any());
    }

    @Test
    void refusesAnUnknownRole() throws Exception {
        http.perform(post("/api/staff").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"employeeNumber\":\"E1001\",\"departmentId\":\"CARDIOLOGY\",\"role\":\"ASTRONAUT\",\"displayName\":\"Li Na\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("role"));
    }

    @Test
    void aSecondEnrolmentAnswers409() throws Exception {
        when(commands.sendAndWait(any())).thenThrow(CommandRejectedException.conflict("staff.already-enrolled", "enrolled"));
        http.perform(post("/api/staff").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"employeeNumber\":\"E1001\",\"departmentId\":\"CARDIOLOGY\",\"role\":\"CLEANING\",\"displayName\":\"Li Na\"}"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.rule").value("staff.already-enrolled"));
    }

    @Test
    void transfersWithTheExpectedVersion() throws Exception {
        http.perform(post("/api/staff/E1001/transfer").header("If-Match", "\"2\"").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"departmentId\":\"PHARMACY\"}"))
                .andExpect(status().isNoContent());
        assertThat(sent(TransferStaffMember.class)).isEqualTo(new TransferStaffMember("E1001", "PHARMACY", null, 2L));
    }

    @Test
    void aTransferNeedsADepartment() throws Exception {
        http.perform(post("/api/staff/E1001/transfer").contentType(MediaType.APPLICATION_JSON).content("{\"role\":\"NURSING\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("departmentId"));
    }

    @Test
    void recordsLeavingWithoutABody() throws Exception {
        http.perform(post("/api/staff/E1001/leave").header("If-Match", "4"))
                .andExpect(status().isNoContent());
        assertThat(sent(RecordStaffMemberLeaving.class)).isEqualTo(new RecordStaffMemberLeaving("E1001", 4L));
    }

    @Test
    void anEmployeeNumberThatCannotExistIsUnknown() throws Exception {
        http.perform(post("/api/staff/E:1/leave"))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.rule").value("staff.unknown"));
        verify(commands, never()).sendAndWait(any());
    }
}
