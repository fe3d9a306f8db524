package org.servicequality.ledger.command.deadlines;

import com.github.kagkarlsson.scheduler.exceptions.TaskInstanceException;
import org.axonframework.deadline.dbscheduler.DbSchedulerDeadlineManager;
import org.axonframework.messaging.ScopeDescriptor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Axon's db-scheduler deadline manager, except that cancelling a deadline which is firing at that very moment is not
 * an error. db-scheduler refuses to cancel an executing task; without this, a reply arriving just as its reply-due
 * deadline fires failed with a server error. Letting it pass is safe: every deadline handler checks the aggregate's
 * state and does nothing when the awaited step has happened, and the two units of work cannot both append (the
 * second to commit meets a conflicting sequence number and is retried).
 */
class CancellationTolerantDeadlineManager extends DbSchedulerDeadlineManager {

    private static final Logger log = LoggerFactory.getLogger(CancellationTolerantDeadlineManager.class);

    CancellationTolerantDeadlineManager(Builder builder) {
        super(builder);
    }

    @Override
    public void cancelSchedule(String deadlineName, String scheduleId) {
        tolerateFiring(() -> super.cancelSchedule(deadlineName, scheduleId), deadlineName);
    }

    @Override
    public void cancelAll(String deadlineName) {
        tolerateFiring(() -> super.cancelAll(deadlineName), deadlineName);
    }

    @Override
    public void cancelAllWithinScope(String deadlineName, ScopeDescriptor scope) {
        tolerateFiring(() -> super.cancelAllWithinScope(deadlineName, scope), deadlineName);
    }

    /**
     * Inside a unit of work Axon defers a cancellation to its prepare-commit phase, outside the overrides above: the
     * deferred task is guarded too, or the command fails with a server error after all.
     */
    @Override
    protected void runOnPrepareCommitOrNow(Runnable task) {
        super.runOnPrepareCommitOrNow(() -> tolerateFiring(task, "(deferred)"));
    }

    /**
     * db-scheduler reads the execution, then deletes it by version: in between the deadline may be picked to fire
     * ({@code TaskInstanceCurrentlyExecutingException}), fire and be removed ({@code TaskInstanceNotFoundException}), or
     * change version ({@code ExecutionException}, "expected one execution to be removed, but removed 0"). All three mean
     * the deadline is firing or has fired; ScaledOutTest met the last one too.
     */
    private static void tolerateFiring(Runnable cancellation, String deadlineName) {
        try {
            cancellation.run();
        } catch (TaskInstanceException firing) {
            log.debug("Deadline {} is firing or has fired while being cancelled ({}); its handler finds nothing left to do",
                    deadlineName, firing.getClass().getSimpleName());
        }
    }
}
