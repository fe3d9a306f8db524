package org.servicequality.ledger.ops.security;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.servicequality.ledger.ops.RunningLedger;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The first start creates an admin whose password is shown once and stored only hashed; a later start shows none. */
@ExtendWith(OutputCaptureExtension.class)
class FirstStartAdminTest {

    private static final Pattern SHOWN = Pattern.compile("created user 'admin' with password (\\S+) ");

    @Test
    void theFirstStartCreatesAnAdminWithAGeneratedPasswordShownOnce(@TempDir Path dataDirectory, CapturedOutput output) throws Exception {
        String password;
        try (RunningLedger ledger = RunningLedger.startAsIs(dataDirectory)) {
            Matcher shown = SHOWN.matcher(output.getAll());
            assertThat(shown.find()).as("the generated password is logged").isTrue();
            password = shown.group(1);
            String users = Files.readString(dataDirectory.resolve(UsersFile.DEFAULT_NAME));
            assertThat(users).contains("admin:$2a$").doesNotContain(password);

            RunningLedger admin = ledger.as("admin", password);
            assertThat(admin.post("/api/departments",
                    "{\"departmentId\":\"ICU\",\"nameZh\":\"重症医学科\",\"nameEn\":\"Intensive Care\",\"kind\":\"CLINICAL\"}").status()).isEqualTo(201);
            // Administration is not case handling.
            assertThat(admin.post("/api/complaints", "{}").status()).isEqualTo(403);
            assertThat(ledger.as("admin", password + "x").post("/api/departments", "{}").status()).isEqualTo(401);
        }
        int shownSoFar = output.getAll().split("created user 'admin'", -1).length;
        try (RunningLedger again = RunningLedger.startAsIs(dataDirectory)) {
            assertThat(output.getAll().split("created user 'admin'", -1).length).isEqualTo(shownSoFar);
            assertThat(again.as("admin", password).get("/actuator/info").status()).isEqualTo(200);
        }
    }
}
