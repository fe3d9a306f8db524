package org.servicequality.ledger.ops.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;

import java.util.Map;
import java.util.Set;

/**
 * A HANDLER sees and acts on their own departments' cases only; another department's case does not exist for
 * them (404, as an unknown id), so that they learn nothing about it. Checked after the endpoint is chosen and
 * before its controller runs, so a refusal sends no command and appends nothing. A case moved to another
 * department between this check and the command (a forward in the same instant) is the one gap, as narrow as
 * one request.
 *
 * <p>Holders of {@link LedgerUser#ALL_DEPARTMENTS}, and auditors on the audit reads they may make anyway, are not
 * narrowed.
 */
final class DepartmentScope implements HandlerInterceptor {

    /** Where an endpoint a HANDLER reaches names its case (or department), and whether an AUDITOR bypasses the scope. */
    private record Scoped(String caseVariable, String findingVariable, String departmentVariable, boolean auditorsBypass) {
    }

    private static final Map<String, Scoped> SCOPED = Map.of(
            "/api/complaints/{complaintId}/reply", new Scoped("complaintId", null, null, false),
            "/api/rectifications/{rectificationId}/progress", new Scoped("rectificationId", null, null, false),
            "/api/rectifications/{rectificationId}/evidence", new Scoped("rectificationId", null, null, false),
            "/api/inspections/{inspectionId}/findings/{findingId}/appeal", new Scoped("inspectionId", "findingId", null, false),
            "/api/audit/cases/{aggregateId}", new Scoped("aggregateId", null, null, true),
            "/api/audit/departments/{departmentId}/history", new Scoped(null, null, "departmentId", true));

    private final CaseDepartments cases;

    DepartmentScope(CaseDepartments cases) {
        this.cases = cases;
    }

    /** The endpoints this scope narrows, for the tests that check every HANDLER endpoint is among them. */
    static Set<String> scopedPatterns() {
        return SCOPED.keySet();
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) throws Exception {
        Scoped scoped = SCOPED.get(String.valueOf(request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE)));
        Authentication user = SecurityContextHolder.getContext().getAuthentication();
        if (scoped == null || user == null || !Authorities.holds(user, Role.HANDLER)
                || (scoped.auditorsBypass() && Authorities.holds(user, Role.AUDITOR))) {
            return true;
        }
        Set<String> own = Authorities.departmentsOf(user);
        if (own.contains(LedgerUser.ALL_DEPARTMENTS)) {
            return true;
        }
        @SuppressWarnings("unchecked")
        Map<String, String> variables = (Map<String, String>) request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
        Set<String> belongsTo = scoped.departmentVariable() != null ? Set.of(variables.get(scoped.departmentVariable()))
                : cases.of(variables.get(scoped.caseVariable()), scoped.findingVariable() == null ? null : variables.get(scoped.findingVariable()));
        if (belongsTo.stream().anyMatch(own::contains)) {
            return true;
        }
        ProblemResponses.write(request, response, HttpStatus.NOT_FOUND, "id.unknown", "No such case among your departments' cases.");
        return false;
    }
}
