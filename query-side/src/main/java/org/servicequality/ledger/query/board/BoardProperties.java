package org.servicequality.ledger.query.board;

import jakarta.validation.constraints.NotNull;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import java.time.Duration;

/**
 * How long the live board's answer is kept ({@link LiveBoard}).
 *
 * @param maxAge        an answer older than this is computed again even when no batch of this process's projections
 *                      has committed since: it bounds the staleness behind projections run by another instance
 * @param minInterval   an answer younger than this is kept even though projections have committed since: under a
 *                      steady stream of commands the projections commit many times a second, and computing the board
 *                      after each commit took a good part of a core from the commands and readers (docs/benchmarks.md)
 * @param answerTimeout how long a request waits for the first answer (none kept yet) before it is answered 503
 */
@ConfigurationProperties("ledger.board")
@Validated
record BoardProperties(@NotNull @DurationMin(millis = 10) @DefaultValue("PT1S") Duration maxAge,
                       @NotNull @DurationMin(millis = 0) @DefaultValue("PT0.5S") Duration minInterval,
                       @NotNull @DurationMin(millis = 100) @DefaultValue("PT30S") Duration answerTimeout) {
}
