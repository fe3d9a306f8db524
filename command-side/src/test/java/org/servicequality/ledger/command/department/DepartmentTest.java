package org.servicequality.ledger.command.department;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.servicequality.ledger.api.CommandRejectedException;
import org.servicequality.ledger.api.department.DepartmentKind;
import org.servicequality.ledger.api.department.DepartmentRegistered;
import org.servicequality.ledger.api.department.RegisterDepartment;

import java.util.HashSet;
import java.util.Set;

class DepartmentTest {

    private final Set<String> registered = new HashSet<>();
    private AggregateTestFixture<Department> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Department.class);
        fixture.registerInjectableResource((DepartmentDirectory) registered::contains);
    }

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
}
