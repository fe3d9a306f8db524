package org.servicequality.ledger.ops.security;

import org.springframework.security.crypto.password.PasswordEncoder;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * bcrypt is slow on purpose, and HTTP Basic sends the password with every request: checked afresh each time, a
 * command client at cost 10 spends about 50 ms of CPU per request on it alone. This remembers which (stored hash,
 * password) pairs were verified, so a client's later requests cost one HMAC instead.
 *
 * <p>The entry is keyed by the stored hash too, so a changed password (a new hash in the users file) is checked
 * afresh and a removed user is refused before any password check; a wrong password is never remembered, so guessing
 * stays at bcrypt's price. Entries hold an HMAC under a key made at start and never written anywhere, not the
 * password. Bounded: the longest-known pair goes first.
 */
final class VerifiedPasswords implements PasswordEncoder {

    private static final int CAPACITY = 1_000;

    private final PasswordEncoder encoder;
    private final SecretKeySpec key;
    private final Map<String, Boolean> verified = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
            return size() > CAPACITY;
        }
    };

    VerifiedPasswords(PasswordEncoder encoder) {
        this.encoder = encoder;
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        this.key = new SecretKeySpec(secret, "HmacSHA256");
    }

    @Override
    public String encode(CharSequence rawPassword) {
        return encoder.encode(rawPassword);
    }

    @Override
    public boolean matches(CharSequence rawPassword, String encodedPassword) {
        if (rawPassword == null || encodedPassword == null) {
            return encoder.matches(rawPassword, encodedPassword);
        }
        String pair = mac(encodedPassword, rawPassword);
        synchronized (verified) {
            if (verified.containsKey(pair)) {
                return true;
            }
        }
        boolean matches = encoder.matches(rawPassword, encodedPassword);
        if (matches) {
            synchronized (verified) {
                verified.put(pair, Boolean.TRUE);
            }
        }
        return matches;
    }

    @Override
    public boolean upgradeEncoding(String encodedPassword) {
        return encoder.upgradeEncoding(encodedPassword);
    }

    private String mac(String encodedPassword, CharSequence rawPassword) {
        try {
            Mac hmac = Mac.getInstance("HmacSHA256");
            hmac.init(key);
            hmac.update(encodedPassword.getBytes(StandardCharsets.UTF_8));
            hmac.update((byte) 0);
            return Base64.getEncoder().encodeToString(hmac.doFinal(rawPassword.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
