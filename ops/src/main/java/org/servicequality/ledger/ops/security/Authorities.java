package org.servicequality.ledger.ops.security;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Roles and departments travel as authorities, whoever vouched for the user (users file or JWT), so that the
 * access rules and the department scope read them the same way.
 */
final class Authorities {

    private static final String DEPARTMENT_PREFIX = "DEPARTMENT:";

    private Authorities() {
    }

    static List<GrantedAuthority> of(Collection<Role> roles, Collection<String> departments) {
        List<GrantedAuthority> authorities = new ArrayList<>();
        roles.forEach(role -> authorities.add(new SimpleGrantedAuthority(role.authority())));
        departments.forEach(department -> authorities.add(new SimpleGrantedAuthority(DEPARTMENT_PREFIX + department)));
        return authorities;
    }

    static Set<String> departmentsOf(Authentication authentication) {
        return authentication.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .filter(authority -> authority.startsWith(DEPARTMENT_PREFIX))
                .map(authority -> authority.substring(DEPARTMENT_PREFIX.length()))
                .collect(Collectors.toSet());
    }

    static boolean holds(Authentication authentication, Role role) {
        return authentication.getAuthorities().stream().anyMatch(granted -> granted.getAuthority().equals(role.authority()));
    }
}
