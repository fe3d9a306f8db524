package org.servicequality.ledger.ops.security;

import java.util.Set;
import java.util.regex.Pattern;

/**
 * One line of the users file.
 *
 * @param passwordHash a bcrypt hash, never the password
 * @param departments  the departments a {@link Role#HANDLER} acts for; {@link #ALL_DEPARTMENTS} for every one
 */
public record LedgerUser(String name, String passwordHash, Set<Role> roles, Set<String> departments) {

    public static final String ALL_DEPARTMENTS = "*";
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._@-]{1,64}");
    private static final Pattern DEPARTMENT = Pattern.compile("[A-Za-z0-9_-]{1,40}|\\*");

    public LedgerUser {
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("A user name has 1 to 64 letters, digits, '.', '_', '@' or '-': " + name);
        }
        if (!passwordHash.startsWith("$2")) {
            throw new IllegalArgumentException("The password of " + name + " is not a bcrypt hash");
        }
        for (String department : departments) {
            if (!DEPARTMENT.matcher(department).matches()) {
                throw new IllegalArgumentException("Not a department id: " + department);
            }
        }
        roles = Set.copyOf(roles);
        departments = Set.copyOf(departments);
    }
}
