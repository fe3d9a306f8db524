package org.servicequality.ledger.command.http;

import jakarta.servlet.http.HttpServletRequest;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.axonframework.messaging.MetaData;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import java.security.Principal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.regex.Pattern;

/**
 * Stamps every command sent while serving an HTTP request with who sent it, through which client
 * channel, and the request's correlation id. {@link CommandMetadataConfiguration} copies these onto
 * every event the command causes.
 */
public final class RequestMetadata implements MessageDispatchInterceptor<CommandMessage<?>> {

    public static final String ACTOR = "actor";
    public static final String CLIENT_CHANNEL = "clientChannel";
    public static final String CORRELATION_ID = "correlationId";
    public static final String CAUSATION_ID = "causationId";

    /**
     * Who acts when nobody has authenticated: a member of the public through the public intake, the only write
     * open without a login. Deliberately not their client address: the event store is permanent and may not hold
     * a complainant's personal data in plain text (DESIGN.md, section 4).
     */
    public static final String PUBLIC_ACTOR = "public";
    /** Commands sent outside any HTTP request (deadlines, start-up, tools). */
    public static final String SYSTEM_ACTOR = "system";

    static final String CORRELATION_HEADER = "X-Correlation-Id";
    static final String CHANNEL_HEADER = "X-Client-Channel";
    private static final Pattern SAFE_TOKEN = Pattern.compile("[A-Za-z0-9._:-]{1,100}");

    @Override
    public BiFunction<Integer, CommandMessage<?>, CommandMessage<?>> handle(List<? extends CommandMessage<?>> messages) {
        return (index, command) -> command.andMetaData(forCurrentRequest(command.getMetaData()));
    }

    private static Map<String, Object> forCurrentRequest(MetaData existing) {
        Map<String, Object> metadata = new HashMap<>();
        if (!(RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes)) {
            metadata.putIfAbsent(ACTOR, existing.getOrDefault(ACTOR, SYSTEM_ACTOR));
            return metadata;
        }
        HttpServletRequest request = attributes.getRequest();
        Principal principal = request.getUserPrincipal();
        metadata.put(ACTOR, principal == null ? PUBLIC_ACTOR : principal.getName());
        metadata.put(CLIENT_CHANNEL, safe(request.getHeader(CHANNEL_HEADER), "api"));
        metadata.put(CORRELATION_ID, correlationIdOf(request));
        return metadata;
    }

    /** One id per request, generated when the client sent none, so all of a request's commands share it. */
    private static String correlationIdOf(HttpServletRequest request) {
        Object known = request.getAttribute(CORRELATION_ID);
        if (known == null) {
            known = safe(request.getHeader(CORRELATION_HEADER), UUID.randomUUID().toString());
            request.setAttribute(CORRELATION_ID, known);
        }
        return (String) known;
    }

    /** Header values end up in the permanent record: anything but a short plain token is replaced. */
    private static String safe(String value, String fallback) {
        return value != null && SAFE_TOKEN.matcher(value).matches() ? value : fallback;
    }
}
