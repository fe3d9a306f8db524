package org.servicequality.ledger.ops.security;

import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class VerifiedPasswordsTest {

    private final AtomicInteger bcryptChecks = new AtomicInteger();
    private final BCryptPasswordEncoder bcrypt = new BCryptPasswordEncoder(4);
    private final PasswordEncoder counting = new PasswordEncoder() {
        @Override
        public String encode(CharSequence rawPassword) {
            return bcrypt.encode(rawPassword);
        }

        @Override
        public boolean matches(CharSequence rawPassword, String encodedPassword) {
            bcryptChecks.incrementAndGet();
            return bcrypt.matches(rawPassword, encodedPassword);
        }
    };
    private final VerifiedPasswords passwords = new VerifiedPasswords(counting);

    @Test
    void aVerifiedPasswordIsNotCheckedWithBcryptAgain() {
        String hash = bcrypt.encode("correct horse");

        assertThat(passwords.matches("correct horse", hash)).isTrue();
        assertThat(passwords.matches("correct horse", hash)).isTrue();
        assertThat(passwords.matches("correct horse", hash)).isTrue();

        assertThat(bcryptChecks).hasValue(1);
    }

    @Test
    void aWrongPasswordIsRefusedAndCheckedWithBcryptEveryTime() {
        String hash = bcrypt.encode("correct horse");
        passwords.matches("correct horse", hash);

        assertThat(passwords.matches("battery staple", hash)).isFalse();
        assertThat(passwords.matches("battery staple", hash)).isFalse();

        assertThat(bcryptChecks).hasValue(3);
    }

    @Test
    void aChangedPasswordHashIsCheckedAfresh() {
        String before = bcrypt.encode("old secret");
        String after = bcrypt.encode("new secret");
        assertThat(passwords.matches("old secret", before)).isTrue();

        // The users file now holds the new hash: the old password no longer passes, the new one is checked once.
        assertThat(passwords.matches("old secret", after)).isFalse();
        assertThat(passwords.matches("new secret", after)).isTrue();
        assertThat(passwords.matches("new secret", after)).isTrue();

        assertThat(bcryptChecks).hasValue(3);
    }
}
