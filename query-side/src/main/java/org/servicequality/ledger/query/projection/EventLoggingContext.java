package org.servicequality.ledger.query.projection;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * While an event processor handles an event, every log line carries the {@code correlationId} from the event's
 * metadata (the request that caused it), {@code eventId}, {@code event} and {@code processor}: in JSON logs they are
 * fields of their own (docs/configuration.md, Logs). Values the thread already had are put back afterwards: a
 * subscribing processor runs inside the command's own handling.
 */
final class EventLoggingContext implements MessageHandlerInterceptor<EventMessage<?>> {

    private static final Logger log = LoggerFactory.getLogger(EventLoggingContext.class);
    private static final String CORRELATION_ID = "correlationId";

    private final String processor;

    EventLoggingContext(String processor) {
        this.processor = processor;
    }

    @Override
    public Object handle(UnitOfWork<? extends EventMessage<?>> unitOfWork, InterceptorChain chain) throws Exception {
        EventMessage<?> event = unitOfWork.getMessage();
        Map<String, String> context = new LinkedHashMap<>();
        Object correlationId = event.getMetaData().get(CORRELATION_ID);
        if (correlationId != null) {
            context.put(CORRELATION_ID, correlationId.toString());
        }
        context.put("eventId", event.getIdentifier());
        context.put("event", event.getPayloadType().getSimpleName());
        context.put("processor", processor);
        Map<String, String> before = MDC.getCopyOfContextMap();
        context.forEach(MDC::put);
        try {
            log.debug("Handling event {} in {}", context.get("event"), processor);
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
