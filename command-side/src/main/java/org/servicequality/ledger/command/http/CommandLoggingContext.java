package org.servicequality.ledger.command.http;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * While a command is handled, every log line carries its {@code correlationId} (the request's, which its events carry
 * on), {@code commandId} and {@code command}: in JSON logs they are fields of their own (docs/configuration.md, Logs).
 * Values the thread already had are put back afterwards.
 */
final class CommandLoggingContext implements MessageHandlerInterceptor<CommandMessage<?>> {

    private static final Logger log = LoggerFactory.getLogger(CommandLoggingContext.class);

    @Override
    public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain chain) throws Exception {
        CommandMessage<?> command = unitOfWork.getMessage();
        Map<String, String> context = new LinkedHashMap<>();
        context.put(RequestMetadata.CORRELATION_ID, String.valueOf(command.getMetaData().getOrDefault(RequestMetadata.CORRELATION_ID, command.getIdentifier())));
        context.put("commandId", command.getIdentifier());
        context.put("command", command.getPayloadType().getSimpleName());
        Map<String, String> before = MDC.getCopyOfContextMap();
        context.forEach(MDC::put);
        try {
            log.debug("Handling command {}", context.get("command"));
            return chain.proceed();
        } finally {
            if (before == null) {
                MDC.clear();
            } else {
                MDC.setContextMap(before);
            }
        }
    }
}
