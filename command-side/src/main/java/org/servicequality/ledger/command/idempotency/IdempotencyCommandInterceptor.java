package org.servicequality.ledger.command.idempotency;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.servicequality.ledger.api.CommandRejectedException;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * Carries the request's idempotency key on the command (dispatch side) and claims it in the command's
 * transaction (handling side), before the handler runs: a retry racing the original fails to claim it and
 * appends nothing. Axon's Spring configuration registers interceptor beans with the command bus.
 */
@Component
class IdempotencyCommandInterceptor implements InitializingBean,
        MessageDispatchInterceptor<CommandMessage<?>>, MessageHandlerInterceptor<CommandMessage<?>> {

    static final String KEY = "idempotencyKey";
    static final String FINGERPRINT = "idempotencyFingerprint";

    private final IdempotencyRecords records;

    IdempotencyCommandInterceptor(IdempotencyRecords records) {
        this.records = records;
    }

    @Override
    public void afterPropertiesSet() {
        records.createTableIfMissing();
    }

    @Override
    public BiFunction<Integer, CommandMessage<?>, CommandMessage<?>> handle(List<? extends CommandMessage<?>> messages) {
        return (index, command) -> {
            RequestAttributes request = RequestContextHolder.getRequestAttributes();
            Object key = request == null ? null : request.getAttribute(IdempotencyFilter.KEY_ATTRIBUTE, RequestAttributes.SCOPE_REQUEST);
            if (key == null) {
                return command;
            }
            Map<String, Object> metadata = new HashMap<>();
            metadata.put(KEY, key);
            metadata.put(FINGERPRINT, request.getAttribute(IdempotencyFilter.FINGERPRINT_ATTRIBUTE, RequestAttributes.SCOPE_REQUEST));
            return command.andMetaData(metadata);
        };
    }

    @Override
    public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain chain) throws Exception {
        CommandMessage<?> command = unitOfWork.getMessage();
        Object key = command.getMetaData().get(KEY);
        if (key != null) {
            try {
                records.claim((String) key, (String) command.getMetaData().get(FINGERPRINT));
            } catch (IdempotencyRecords.KeyAlreadyUsedException raced) {
                throw CommandRejectedException.conflict("idempotency-key.in-progress",
                        "Another request with this Idempotency-Key is being handled; retry later to get its response.");
            }
        }
        return chain.proceed();
    }
}
