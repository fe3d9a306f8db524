package org.servicequality.ledger.command.award;

import org.servicequality.ledger.api.CommandRejectedException;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/** Criterion scores are complete (every criterion scored) and each lies in 0..100. */
final class Scores {

    static final int MIN = 0;
    static final int MAX = 100;

    private Scores() {
    }

    static <E extends Enum<E>> void requireComplete(Map<E, Integer> scores, Class<E> criteria, String rulePrefix) {
        Set<E> missing = EnumSet.allOf(criteria);
        if (scores != null) {
            missing.removeAll(scores.keySet());
        }
        if (scores == null || !missing.isEmpty()) {
            throw CommandRejectedException.invalid(rulePrefix + ".scores-incomplete", "scores",
                    "Every criterion needs a score; missing: " + missing + ".");
        }
        scores.forEach((criterion, score) -> {
            if (score == null || score < MIN || score > MAX) {
                throw CommandRejectedException.invalid(rulePrefix + ".score-out-of-range", "scores." + criterion,
                        "The score for " + criterion + " must be between " + MIN + " and " + MAX + ", not " + score + ".");
            }
        });
    }
}
