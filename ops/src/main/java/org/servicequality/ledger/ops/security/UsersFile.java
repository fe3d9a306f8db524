package org.servicequality.ledger.ops.security;

import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The embedded user store: a text file, one user a line, {@code name:bcrypt-hash:ROLE,ROLE:DEPARTMENT,DEPARTMENT}
 * ({@code #} starts a comment). bcrypt hashes hold no colon, so the colon separates safely.
 */
public final class UsersFile {

    public static final String DEFAULT_NAME = "users.txt";
    private static final SecureRandom RANDOM = new SecureRandom();

    private UsersFile() {
    }

    public static List<LedgerUser> read(Path file) {
        try {
            List<LedgerUser> users = new ArrayList<>();
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i).strip();
                if (line.isEmpty() || line.startsWith("#")) {
                    continue;
                }
                try {
                    users.add(parse(line));
                } catch (RuntimeException malformed) {
                    throw new IllegalStateException(file + " line " + (i + 1) + ": " + malformed.getMessage(), malformed);
                }
            }
            return users;
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
    }

    /** Adds the user, replacing any user of the same name; written through a temporary file, so readers never see half of it. */
    public static void put(Path file, LedgerUser user) {
        try {
            List<String> kept = Files.exists(file)
                    ? Files.readAllLines(file, StandardCharsets.UTF_8).stream()
                    .filter(line -> !line.strip().startsWith(user.name() + ":")).collect(Collectors.toCollection(ArrayList::new))
                    : new ArrayList<>(List.of("# name:bcrypt-hash:ROLES:DEPARTMENTS (README, \"Who may do what\")"));
            kept.add(format(user));
            Path parent = file.toAbsolutePath().getParent();
            Files.createDirectories(parent);
            Path partial = Files.createTempFile(parent, "users", ".part");
            Files.write(partial, kept, StandardCharsets.UTF_8);
            Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException unwritable) {
            throw new UncheckedIOException(unwritable);
        }
    }

    /**
     * @param cost bcrypt's log2 rounds: 10 or more for passwords people choose; a long random secret (test and
     *             tool accounts) is safe at 4, which keeps every request's check cheap
     */
    public static String hash(String password, int cost) {
        return new BCryptPasswordEncoder(cost).encode(password);
    }

    /** A random password of 24 URL-safe characters (144 bits). */
    public static String generatePassword() {
        byte[] secret = new byte[18];
        RANDOM.nextBytes(secret);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    }

    static String format(LedgerUser user) {
        return user.name() + ":" + user.passwordHash() + ":"
                + user.roles().stream().map(Role::name).sorted().collect(Collectors.joining(",")) + ":"
                + user.departments().stream().sorted().collect(Collectors.joining(","));
    }

    private static LedgerUser parse(String line) {
        String[] parts = line.split(":", -1);
        if (parts.length != 4) {
            throw new IllegalArgumentException("expected name:bcrypt-hash:ROLES:DEPARTMENTS");
        }
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String role : list(parts[2])) {
            roles.add(Role.valueOf(role));
        }
        return new LedgerUser(parts[0].strip(), parts[1].strip(), roles, list(parts[3]));
    }

    private static Set<String> list(String commaSeparated) {
        return Arrays.stream(commaSeparated.split(",")).map(String::strip).filter(part -> !part.isEmpty())
                .collect(Collectors.toCollection(LinkedHashSet::new));
    }
}
