package org.servicequality.ledger.command.deadlines;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.exceptions.ExecutionException;
import com.github.kagkarlsson.scheduler.exceptions.TaskInstanceCurrentlyExecutingException;
import com.github.kagkarlsson.scheduler.task.Execution;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.deadline.dbscheduler.DbSchedulerDeadlineManager;
import org.axonframework.messaging.ScopeAwareProvider;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;

class CancellationTolerantDeadlineManagerTest {

    private final Scheduler scheduler = mock(Scheduler.class);
    private final CancellationTolerantDeadlineManager deadlines = new CancellationTolerantDeadlineManager(
            DbSchedulerDeadlineManager.builder()
                    .scheduler(scheduler)
                    .scopeAwareProvider(mock(ScopeAwareProvider.class, invocation -> Stream.empty()))
                    .serializer(JacksonSerializer.defaultSerializer())
                    .transactionManager(NoTransactionManager.INSTANCE)
                    .startScheduler(false)
                    .stopScheduler(false));

    @Test
    void cancellingADeadlineThatIsFiringIsNotAnError() {
        doThrow(new TaskInstanceCurrentlyExecutingException("axon-deadline", "d-1")).when(scheduler).cancel(any());

        assertThatCode(() -> deadlines.cancelSchedule("complaint-reply-due", "d-1")).doesNotThrowAnyException();
    }

    /** A command's cancellation runs when its unit of work prepares to commit, which once escaped the guard (ScaledOutTest). */
    @Test
    void cancellingInsideACommandsUnitOfWorkIsNotAnErrorEither() {
        doThrow(new TaskInstanceCurrentlyExecutingException("axon-deadline", "d-1")).when(scheduler).cancel(any());
        DefaultUnitOfWork<?> command = DefaultUnitOfWork.startAndGet(GenericCommandMessage.asCommandMessage("reply"));
        deadlines.cancelSchedule("complaint-reply-due", "d-1");

        assertThatCode(command::commit).doesNotThrowAnyException();
    }

    /** Picked and version-changed between db-scheduler's read and its delete: the deadline fired meanwhile. */
    @Test
    void cancellingADeadlineThatFiredMeanwhileIsNotAnError() {
        doThrow(new ExecutionException("Expected one execution to be removed, but removed 0. Indicates a bug.",
                new Execution(Instant.now(), new TaskInstance<>("axon-deadline", "d-1")))).when(scheduler).cancel(any());
        DefaultUnitOfWork<?> command = DefaultUnitOfWork.startAndGet(GenericCommandMessage.asCommandMessage("reply"));
        deadlines.cancelSchedule("complaint-reply-due", "d-1");

        assertThatCode(command::commit).doesNotThrowAnyException();
    }

    @Test
    void axonsOwnManagerWouldFailTheCommand() {
        doThrow(new TaskInstanceCurrentlyExecutingException("axon-deadline", "d-1")).when(scheduler).cancel(any());
        DbSchedulerDeadlineManager plain = DbSchedulerDeadlineManager.builder()
                .scheduler(scheduler)
                .scopeAwareProvider(mock(ScopeAwareProvider.class, invocation -> Stream.empty()))
                .serializer(JacksonSerializer.defaultSerializer())
                .transactionManager(NoTransactionManager.INSTANCE)
                .startScheduler(false)
                .stopScheduler(false)
                .build();

        assertThatThrownBy(() -> plain.cancelSchedule("complaint-reply-due", "d-1"))
                .isInstanceOf(TaskInstanceCurrentlyExecutingException.class);
    }

    @Test
    void otherSchedulerFailuresStillSurface() {
        doThrow(new IllegalStateException("database unreachable")).when(scheduler).cancel(any());

        assertThatThrownBy(() -> deadlines.cancelSchedule("complaint-reply-due", "d-1"))
                .hasMessage("database unreachable");
    }
}
