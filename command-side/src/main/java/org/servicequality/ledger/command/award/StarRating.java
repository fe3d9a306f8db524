package org.servicequality.ledger.command.award;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import org.servicequality.ledger.api.CommandRejectedException;
import org.servicequality.ledger.api.award.AwardStarRating;
import org.servicequality.ledger.api.award.RevokeStarRating;
import org.servicequality.ledger.api.award.StarRatingAwarded;
import org.servicequality.ledger.api.award.StarRatingCriterion;
import org.servicequality.ledger.api.award.StarRatingRevoked;
import org.servicequality.ledger.command.department.DepartmentDirectory;

import java.time.Instant;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.servicequality.ledger.command.RecordedTime.requireNotInFuture;

/**
 * The star rating of one department or outlet for one period (id {@code star-rating:<departmentId>:<period>}).
 * At most one rating holds at a time; a revoked rating may be awarded again, so the history shows both.
 */
@Aggregate(cache = "aggregateCache")
class StarRating {

    static final int MIN_STARS = 1;
    static final int MAX_STARS = 5;

    @AggregateIdentifier
    private String starRatingId;
    private String departmentId;
    private Integer activeStars;

    StarRating() {
        // for event sourcing, and for the first award (create if missing)
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(AwardStarRating command, DepartmentDirectory departments) {
        if (activeStars != null) {
            throw CommandRejectedException.conflict("star-rating.already-awarded",
                    command.departmentId() + " already holds " + activeStars + " stars for " + command.period()
                            + "; revoke that rating before awarding another.");
        }
        if (starRatingId == null && !departments.isRegistered(command.departmentId())) {
            throw CommandRejectedException.notFound("department.unknown", "departmentId",
                    "No department is registered with id '" + command.departmentId() + "'.");
        }
        if (command.stars() < MIN_STARS || command.stars() > MAX_STARS) {
            throw CommandRejectedException.invalid("star-rating.stars-out-of-range", "stars",
                    "A rating has 1 to 5 stars, not " + command.stars() + ".");
        }
        Scores.requireComplete(command.scores(), StarRatingCriterion.class, "star-rating");
        requireNotInFuture(command.awardedAt(), "awardedAt");
        apply(new StarRatingAwarded(command.starRatingId(), command.departmentId(), command.period(), command.stars(),
                command.scores(), command.awardedAt()));
    }

    @CommandHandler
    void handle(RevokeStarRating command) {
        if (activeStars == null) {
            throw CommandRejectedException.conflict("star-rating.not-awarded",
                    command.departmentId() + " holds no star rating for " + command.period() + " to revoke.");
        }
        requireNotInFuture(command.revokedAt(), "revokedAt");
        apply(new StarRatingRevoked(starRatingId, departmentId, command.period(), activeStars, command.reason(),
                command.revokedAt()));
    }


    @EventSourcingHandler
    void on(StarRatingAwarded event) {
        starRatingId = event.starRatingId();
        departmentId = event.departmentId();
        activeStars = event.stars();
    }

    @EventSourcingHandler
    void on(StarRatingRevoked event) {
        activeStars = null;
    }
}
