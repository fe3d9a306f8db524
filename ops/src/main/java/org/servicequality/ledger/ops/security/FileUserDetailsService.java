package org.servicequality.ledger.ops.security;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Users from the users file, re-read whenever the file changes, so an operator adds or removes users without a
 * restart. On the first start (no file) it creates {@code admin} with a generated password, logged once and stored
 * only hashed. The in-process demo client is known in memory only, under a fresh random secret per start.
 */
final class FileUserDetailsService implements UserDetailsService {

    private static final Logger log = LoggerFactory.getLogger(FileUserDetailsService.class);
    static final String FIRST_ADMIN = "admin";

    private final Path file;
    private final LedgerUser internalClient;
    private Map<String, LedgerUser> users = Map.of();
    private FileTime readAt;
    private long readSize;
    private boolean loaded;

    FileUserDetailsService(Path file, LedgerUser internalClient) {
        this.file = file;
        this.internalClient = internalClient;
        if (!Files.exists(file)) {
            String password = UsersFile.generatePassword();
            UsersFile.put(file, new LedgerUser(FIRST_ADMIN, UsersFile.hash(password, 10), EnumSet.of(Role.ADMIN), Set.of()));
            log.warn("First start: created user '{}' with password {} (shown only this once; stored hashed in {}). "
                    + "Add users to that file (README, \"Who may do what\").", FIRST_ADMIN, password, file.toAbsolutePath());
        }
        refresh();
    }

    @Override
    public UserDetails loadUserByUsername(String name) {
        LedgerUser user = name.equals(internalClient.name()) ? internalClient : refresh().get(name);
        if (user == null) {
            throw new UsernameNotFoundException("No such user");
        }
        return User.withUsername(user.name()).password(user.passwordHash())
                .authorities(Authorities.of(user.roles(), user.departments())).build();
    }

    private synchronized Map<String, LedgerUser> refresh() {
        try {
            FileTime modified = Files.getLastModifiedTime(file);
            long size = Files.size(file);
            if (loaded && modified.equals(readAt) && size == readSize) {
                return users;
            }
            readAt = modified;
            readSize = size;
            users = UsersFile.read(file).stream().collect(Collectors.toMap(LedgerUser::name, Function.identity(), (first, second) -> second));
            loaded = true;
        } catch (IOException | RuntimeException unreadable) {
            if (!loaded) {
                throw new IllegalStateException("Cannot read the users file " + file + ": " + unreadable.getMessage(), unreadable);
            }
            // An operator's slip while editing must not lock everybody out: the users read before stay in force.
            log.error("Cannot read the users file {} ({}); the users read before stay in force until it is fixed", file, unreadable.getMessage());
        }
        return users;
    }
}
