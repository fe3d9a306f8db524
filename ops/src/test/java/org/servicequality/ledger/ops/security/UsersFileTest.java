package org.servicequality.ledger.ops.security;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class UsersFileTest {

    @Test
    void writesReadsAndReplacesUsersByName(@TempDir Path directory) {
        Path file = directory.resolve("users.txt");
        LedgerUser handler = new LedgerUser("li.na", UsersFile.hash("secret", 4), EnumSet.of(Role.HANDLER), Set.of("ICU", "ED"));
        UsersFile.put(file, handler);
        UsersFile.put(file, new LedgerUser("wang", UsersFile.hash("other", 4), EnumSet.of(Role.AUDITOR, Role.ADMIN), Set.of()));

        assertThat(UsersFile.read(file)).containsExactly(handler,
                new LedgerUser("wang", UsersFile.read(file).get(1).passwordHash(), EnumSet.of(Role.ADMIN, Role.AUDITOR), Set.of()));

        UsersFile.put(file, new LedgerUser("li.na", handler.passwordHash(), EnumSet.of(Role.CLERK), Set.of()));
        assertThat(UsersFile.read(file)).extracting(LedgerUser::name).containsExactly("wang", "li.na");
    }

    @Test
    void aBrokenLineIsNamedAndPlainPasswordsAreRefused(@TempDir Path directory) throws Exception {
        Path file = Files.writeString(directory.resolve("users.txt"), "# users\nalice:$2a$04$abc:CLERK:\nbob:plain:CLERK:\n");
        assertThatThrownBy(() -> UsersFile.read(file)).hasMessageContaining("line 3").hasMessageContaining("not a bcrypt hash");

        Files.writeString(file, "carol:$2a$04$abc:JANITOR:\n");
        assertThatThrownBy(() -> UsersFile.read(file)).hasMessageContaining("line 1").hasMessageContaining("JANITOR");
        assertThatThrownBy(() -> new LedgerUser("eve:x", "$2a$04$abc", EnumSet.of(Role.CLERK), Set.of()))
                .hasMessageContaining("user name");
    }
}
