package org.servicequality.ledger.ops;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.servicequality.ledger.ops.security.LedgerUser;
import org.servicequality.ledger.ops.security.Role;
import org.servicequality.ledger.ops.security.UsersFile;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code user}: adds or replaces a user of the embedded store, showing a generated password once and keeping its hash. */
class UserCommandTest {

    @Test
    void addsAUserWithAGeneratedPasswordAndReplacesItOnRequest(@TempDir Path dataDirectory) {
        String shown = run("user", "--name", "li.na", "--roles", "HANDLER,AUDITOR", "--departments", "ICU,ED", "--data-dir", dataDirectory.toString());
        String password = shown.substring(shown.lastIndexOf(' ') + 1).strip();

        List<LedgerUser> users = UsersFile.read(dataDirectory.resolve(UsersFile.DEFAULT_NAME));
        assertThat(users).singleElement().satisfies(user -> {
            assertThat(user.name()).isEqualTo("li.na");
            assertThat(user.roles()).containsExactlyInAnyOrder(Role.HANDLER, Role.AUDITOR);
            assertThat(user.departments()).isEqualTo(Set.of("ICU", "ED"));
            assertThat(new BCryptPasswordEncoder().matches(password, user.passwordHash())).isTrue();
        });

        run("user", "--name", "li.na", "--roles", "CLERK", "--data-dir", dataDirectory.toString());
        assertThat(UsersFile.read(dataDirectory.resolve(UsersFile.DEFAULT_NAME))).singleElement()
                .satisfies(user -> assertThat(user.roles()).containsExactly(Role.CLERK));
    }

    @Test
    void refusesUnknownRolesAndMissingOptions(@TempDir Path dataDirectory) {
        assertThat(OperatorCommands.run(new String[]{"user", "--name", "x", "--roles", "JANITOR", "--data-dir", dataDirectory.toString()})).isEqualTo(2);
        assertThat(OperatorCommands.run(new String[]{"user", "--name", "x"})).isEqualTo(2);
        assertThat(dataDirectory.resolve(UsersFile.DEFAULT_NAME)).doesNotExist();
    }

    private static String run(String... args) {
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            assertThat(OperatorCommands.run(args)).isZero();
        } finally {
            System.setOut(original);
        }
        return captured.toString(StandardCharsets.UTF_8);
    }
}
