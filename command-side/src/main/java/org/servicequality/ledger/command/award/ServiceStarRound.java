package org.servicequality.ledger.command.award;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import org.servicequality.ledger.api.CommandRejectedException;
import org.servicequality.ledger.api.Period;
import org.servicequality.ledger.api.award.AwardServiceStar;
import org.servicequality.ledger.api.award.CloseServiceStarRound;
import org.servicequality.ledger.api.award.NominateServiceStar;
import org.servicequality.ledger.api.award.OpenServiceStarRound;
import org.servicequality.ledger.api.award.RevokeServiceStar;
import org.servicequality.ledger.api.award.ServiceStarAwarded;
import org.servicequality.ledger.api.award.ServiceStarCriterion;
import org.servicequality.ledger.api.award.ServiceStarNominated;
import org.servicequality.ledger.api.award.ServiceStarRevoked;
import org.servicequality.ledger.api.award.ServiceStarRoundClosed;
import org.servicequality.ledger.api.award.ServiceStarRoundOpened;
import org.servicequality.ledger.command.department.DepartmentDirectory;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.servicequality.ledger.command.RecordedTime.requireNotInFuture;

/**
 * The selection of Service Stars for one period (id {@code service-star-round:<period>}): nominations with
 * scores, then up to {@code awardLimit} awards at a time. Revoking an award frees its place while the
 * round is open; revocations are also accepted after closing, because misconduct can come to light later.
 */
@Aggregate(cache = "aggregateCache")
class ServiceStarRound {

    static final int MAX_AWARD_LIMIT = 1000;

    @AggregateIdentifier
    private String serviceStarRoundId;
    private Period period;
    private int awardLimit;
    private boolean closed;
    /** Nominee's employee number to their department. */
    private final Map<String, String> nominees = new HashMap<>();
    private final Set<String> awarded = new LinkedHashSet<>();

    ServiceStarRound() {
        // for event sourcing, and for opening (create if missing, so a second opening is a clear rule)
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(OpenServiceStarRound command) {
        if (serviceStarRoundId != null) {
            throw CommandRejectedException.conflict("service-star-round.already-opened",
                    "The Service Star round for " + command.period() + " is already open or was held.");
        }
        int limit = command.awardLimit() == null ? OpenServiceStarRound.DEFAULT_AWARD_LIMIT : command.awardLimit();
        if (limit < 1 || limit > MAX_AWARD_LIMIT) {
            throw CommandRejectedException.invalid("service-star-round.award-limit-out-of-range", "awardLimit",
                    "A round awards 1 to " + MAX_AWARD_LIMIT + " Service Stars, not " + limit + ".");
        }
        requireNotInFuture(command.openedAt(), "openedAt");
        apply(new ServiceStarRoundOpened(command.serviceStarRoundId(), command.period(), limit, command.openedAt()));
    }

    @CommandHandler
    void handle(NominateServiceStar command, DepartmentDirectory departments) {
        requireOpen();
        if (nominees.containsKey(command.employeeNumber())) {
            throw CommandRejectedException.conflict("service-star-round.already-nominated",
                    command.employeeNumber() + " is already nominated in the round for " + period + ".");
        }
        if (!departments.isRegistered(command.departmentId())) {
            throw CommandRejectedException.notFound("department.unknown", "departmentId",
                    "No department is registered with id '" + command.departmentId() + "'.");
        }
        Scores.requireComplete(command.scores(), ServiceStarCriterion.class, "service-star-round");
        requireNotInFuture(command.nominatedAt(), "nominatedAt");
        apply(new ServiceStarNominated(serviceStarRoundId, period, command.employeeNumber(), command.departmentId(),
                command.scores(), command.nominatedAt()));
    }

    @CommandHandler
    void handle(AwardServiceStar command, StaffConductRecord conduct) {
        requireOpen();
        String departmentId = nominees.get(command.employeeNumber());
        if (departmentId == null) {
            throw CommandRejectedException.notFound("service-star-round.not-nominated", "employeeNumber",
                    command.employeeNumber() + " is not nominated in the round for " + period + ".");
        }
        if (awarded.contains(command.employeeNumber())) {
            throw CommandRejectedException.conflict("service-star-round.already-awarded",
                    command.employeeNumber() + " is already a Service Star for " + period + ".");
        }
        if (awarded.size() >= awardLimit) {
            throw CommandRejectedException.conflict("service-star-round.award-limit-reached",
                    "The round for " + period + " already has its " + awardLimit + " Service Stars.");
        }
        requireNotInFuture(command.awardedAt(), "awardedAt");
        if (conduct.hasDisqualifyingRecord(command.employeeNumber(), period)) {
            throw CommandRejectedException.conflict("service-star-round.staff-ineligible",
                    command.employeeNumber() + " has a substantiated serious complaint or an upheld serious finding in "
                            + period + " and cannot be a Service Star for it.");
        }
        apply(new ServiceStarAwarded(serviceStarRoundId, period, command.employeeNumber(), departmentId, command.awardedAt()));
    }

    @CommandHandler
    void handle(RevokeServiceStar command) {
        if (!awarded.contains(command.employeeNumber())) {
            throw CommandRejectedException.conflict("service-star-round.not-awarded",
                    command.employeeNumber() + " holds no Service Star award for " + period + " to revoke.");
        }
        requireNotInFuture(command.revokedAt(), "revokedAt");
        apply(new ServiceStarRevoked(serviceStarRoundId, period, command.employeeNumber(),
                nominees.get(command.employeeNumber()), command.reason(), command.revokedAt()));
    }

    @CommandHandler
    void handle(CloseServiceStarRound command) {
        requireOpen();
        requireNotInFuture(command.closedAt(), "closedAt");
        apply(new ServiceStarRoundClosed(serviceStarRoundId, period, List.copyOf(awarded), command.closedAt()));
    }

    private void requireOpen() {
        if (closed) {
            throw CommandRejectedException.conflict("service-star-round.closed",
                    "The Service Star round for " + period + " is closed.");
        }
    }

    @EventSourcingHandler
    void on(ServiceStarRoundOpened event) {
        serviceStarRoundId = event.serviceStarRoundId();
        period = event.period();
        awardLimit = event.awardLimit();
    }

    @EventSourcingHandler
    void on(ServiceStarNominated event) {
        nominees.put(event.employeeNumber(), event.departmentId());
    }

    @EventSourcingHandler
    void on(ServiceStarAwarded event) {
        awarded.add(event.employeeNumber());
    }

    @EventSourcingHandler
    void on(ServiceStarRevoked event) {
        awarded.remove(event.employeeNumber());
    }

    @EventSourcingHandler
    void on(ServiceStarRoundClosed event) {
        closed = true;
    }
}
