package org.servicequality.ledger.ops.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.servicequality.ledger.ops.RunningLedger;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.RequestMappingInfoHandlerMapping;

import java.io.ByteArrayOutputStream;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.BiFunction;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Ten thousand generated hostile requests (seeded, so a failure can be replayed) across every write endpoint, plus
 * the reads: broken JSON, wrong types, out-of-range enums, times and numbers, huge strings and bodies, deep
 * nesting, invalid UTF-8, control characters and Unicode oddities, injection strings, path traversal, odd headers,
 * wrong methods and media types. Each request carries at least one fault that no valid request has, so the event
 * store must hold exactly what it held before, and every answer must be a 4xx with a problem body: never a 5xx.
 *
 * <p>Bodies are built from each endpoint's own request type (read from its handler method), valid first and then
 * broken, so the faults reach the validation of every field rather than stopping at the first brace.
 */
class HostileInputTest {

    private static final int REQUESTS = 10_000;
    private static final long SEED = Long.getLong("hostile.seed", 20261127L);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final List<String> NASTY_TEXT = List.of(
            "<script>alert(1)</script>", "\"><img src=x onerror=alert(1)>", "' OR '1'='1' --", "${jndi:ldap://127.0.0.1/x}",
            "{{7*7}}", "../../../../etc/passwd", "..\\..\\windows\\win.ini", "\u0000\u0001\u0007\u001b[31m", "\u202Egnp.exe",
            "\u200B\u200C\u200D\uFEFF", "Ω≈ç√∫˜µ≤≥÷", "𝕳𝖊𝖑𝖑𝖔 👩‍👩‍👧‍👦", "\uD800", "\uDFFF", "Z̴̡̢͎͚̹a̶l̷g̵o̶", "%00%0d%0aSet-Cookie:x=y",
            "\r\nX-Injected: yes", "$where", "{\"$gt\":\"\"}", "null", "NaN", "-0", "1e309", "💩".repeat(200));
    private static final List<String> NASTY_SEGMENTS = List.of("..", "%2e%2e", "..%2f..%2fetc", "%252e%252e", "..;", "%00", "%0d%0a",
            "%3Cscript%3E", "a%20b", "%E2%80%AE", "%C0%AE%C0%AE", "*", "~root", "x".repeat(3000), "%25", ";jsessionid=1");

    /** Encodings Tomcat itself refuses (400, its own page): a NUL, overlong UTF-8, a dot segment or slash in disguise. */
    private static final java.util.regex.Pattern CONTAINER_REFUSES = java.util.regex.Pattern.compile("(?i)%00|%C0|%2e%2e|%2f|%5c");

    @TempDir
    static Path dataDirectory;
    private static RunningLedger ledger;
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private record Endpoint(String method, String pattern, Class<?> body) {
    }

    private record Attempt(String method, String path, Map<String, String> headers, byte[] body, String fault) {
    }

    @BeforeAll
    static void start() {
        ledger = RunningLedger.start(dataDirectory);
        ledger.post("/api/departments", "{\"departmentId\":\"ICU\",\"nameZh\":\"重症医学科\",\"nameEn\":\"Intensive Care\",\"kind\":\"CLINICAL\"}");
    }

    @AfterAll
    static void stop() {
        ledger.close();
    }

    @Test
    void tenThousandHostileRequestsAreRefusedWithProblemsAndWriteNothing() throws Exception {
        List<Endpoint> endpoints = endpoints();
        List<Endpoint> writes = endpoints.stream().filter(endpoint -> endpoint.method().equals("POST")
                && (endpoint.body() != null || endpoint.pattern().contains("{"))).toList();
        assertThat(writes).hasSizeGreaterThan(40);
        long eventsBefore = ledger.storedEvents();
        Random random = new Random(SEED);
        Map<String, Integer> statuses = new TreeMap<>();
        List<String> wrong = new ArrayList<>();
        for (int i = 0; i < REQUESTS; i++) {
            Attempt attempt = random.nextInt(10) == 0 ? hostileRead(endpoints, random) : hostileWrite(writes.get(random.nextInt(writes.size())), endpoints, random);
            HttpResponse<String> response = send(attempt, random.nextInt(20) == 0 ? null : ledger.authorization());
            statuses.merge(response.statusCode() + " " + attempt.fault(), 1, Integer::sum);
            String problem = judge(attempt, response);
            if (problem != null && wrong.size() < 20) {
                wrong.add("#" + i + " " + attempt.method() + " " + abbreviate(attempt.path()) + " (" + attempt.fault() + "): " + problem);
            }
        }
        System.out.println("Hostile input, seed " + SEED + ", status and fault: " + statuses);
        assertThat(wrong).isEmpty();
        assertThat(ledger.storedEvents()).isEqualTo(eventsBefore);
    }

    /** Null when the answer is right: reads may succeed, writes may not; nothing may fail on the server's side. */
    private static String judge(Attempt attempt, HttpResponse<String> response) {
        int status = response.statusCode();
        boolean write = attempt.body() != null || !attempt.method().equals("GET");
        if (status >= 500) {
            return "answered " + status + ": " + abbreviate(response.body());
        }
        if (status < 400) {
            return write ? "accepted with " + status : null;
        }
        String type = response.headers().firstValue("Content-Type").orElse("");
        if (status == 400 && CONTAINER_REFUSES.matcher(attempt.path()).find()) {
            // Tomcat refuses these paths while decoding them, before any filter of the application runs.
            return null;
        }
        if (status == 404 && attempt.path().startsWith("/actuator/") && response.body().isEmpty()) {
            // Actuator's own answer for an unknown metric or health group (ADMIN only, beyond health): empty, not a page.
            return null;
        }
        return type.startsWith("application/problem+json") ? null : "answered " + status + " without a problem body (" + type + ")";
    }

    private static Attempt hostileWrite(Endpoint endpoint, List<Endpoint> endpoints, Random random) {
        if (endpoint.body() == null) {
            // Commands without a body (verify, circulate): their only input is the path.
            return new Attempt("POST", concrete(endpoint.pattern(), random, random.nextBoolean()), Map.of("Content-Type", "application/json"),
                    bytes(pick(random, NASTY_TEXT)), "unknown or hostile id");
        }
        ObjectNode body = (ObjectNode) valid(endpoint.body(), random);
        String path = concrete(endpoint.pattern(), random, false);
        Map<String, String> headers = new TreeMap<>(Map.of("Content-Type", "application/json"));
        // Noise first: oddities that a valid request may also have.
        for (int noise = random.nextInt(3); noise > 0; noise--) {
            addNoise(body, headers, random);
        }
        int fault = random.nextInt(12);
        String text = body.toString();
        return switch (fault) {
            case 0 -> new Attempt("POST", path, headers, bytes(text.substring(0, random.nextInt(Math.max(1, text.length() - 1)))), "truncated JSON");
            case 1 -> new Attempt("POST", path, headers, invalidUtf8(text, random), "invalid UTF-8");
            case 2 -> new Attempt("POST", path, headers, bytes("[".repeat(2_000 + random.nextInt(50_000))), "deep nesting");
            case 3 -> new Attempt("POST", path, headers, bytes("{\"x\":\"" + "A".repeat(300_000) + "\"}"), "oversized body");
            case 4 -> new Attempt("POST", path, Map.of("Content-Type", pick(random, List.of("text/plain", "application/xml",
                    "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "application/json; charset=klingon"))), bytes(text), "wrong media type");
            case 5 -> new Attempt(pick(random, unmappedMethods(endpoint.pattern(), endpoints)), path, headers, bytes(text), "wrong method");
            case 6 -> endpoint.pattern().contains("{")
                    ? new Attempt("POST", concrete(endpoint.pattern(), random, true), headers, bytes(text), "path traversal")
                    : new Attempt("POST", path, headers, bytes(text.substring(0, text.length() - 1)), "truncated JSON");
            case 7 -> new Attempt("POST", path, headers, bytes(pick(random, List.of("", "null", "[]", "42", "\"text\"", "{\"a\":1}{\"b\":2}",
                    "{\"a\":}", "{'single':'quotes'}", "{\"a\":1,}", "/* comment */ {}", "\uFEFF{}"))), "not an object");
            default -> endpoint.body().getRecordComponents().length == 0
                    ? new Attempt("POST", path, headers, bytes("{\"a\":"), "truncated JSON")
                    : brokenField(endpoint.body(), body, path, headers, random);
        };
    }

    /**
     * A value no valid request can have, chosen by the field's declared type: another JSON type, an enum constant
     * that does not exist, a time that is not one, a number out of range.
     */
    private static Attempt brokenField(Class<?> type, ObjectNode body, String path, Map<String, String> headers, Random random) {
        RecordComponent[] components = type.getRecordComponents();
        RecordComponent field = components[random.nextInt(components.length)];
        Class<?> kind = field.getType();
        JsonNode broken;
        String fault;
        if (kind.isEnum()) {
            broken = NODES.textNode(pick(random, List.of(pick(random, NASTY_TEXT), "NOT_A_VALUE",
                    ((Enum<?>) kind.getEnumConstants()[0]).name().toLowerCase() + "\u0000")));
            fault = "out-of-range enum";
        } else if (kind == Instant.class || kind == LocalDate.class) {
            // Not the nasty texts that read as numbers: Jackson takes a number for an instant as seconds since 1970.
            broken = NODES.textNode(pick(random, List.of("2026-13-45T25:61:61Z", "yesterday", "9999999999-01-01T00:00:00Z", "2026-02-30",
                    pick(random, NASTY_TEXT.stream().filter(text -> !text.matches("-?[0-9.eE+]+")).toList()))));
            fault = "not a time";
        } else if (kind == String.class) {
            broken = NODES.objectNode().put("$gt", "");
            fault = "object for text";
        } else if (kind == Integer.class || kind == int.class || kind == Long.class || kind == long.class) {
            broken = NODES.rawValueNode(new com.fasterxml.jackson.databind.util.RawValue(pick(random,
                    List.of("1e309", "99999999999999999999999", "-99999999999999999999999", "\"many\"", "[1]", "{}"))));
            fault = "not a number in range";
        } else if (kind == Boolean.class || kind == boolean.class) {
            broken = NODES.textNode(pick(random, List.of("maybe", "yes please", "2")));
            fault = "not a boolean";
        } else if (Collection.class.isAssignableFrom(kind)) {
            ArrayNode huge = NODES.arrayNode();
            for (int i = 0; i < 1000; i++) {
                huge.add(NODES.objectNode().put("x", i));
            }
            broken = huge;
            fault = "huge array of the wrong kind";
        } else {
            broken = NODES.arrayNode().add(1).add(2);
            fault = "array for object";
        }
        body.set(field.getName(), broken);
        return new Attempt("POST", path, headers, bytes(body.toString()), fault);
    }

    /** Oddities a valid request may carry as well: extra fields, strange but harmless text, odd headers. */
    private static void addNoise(ObjectNode body, Map<String, String> headers, Random random) {
        switch (random.nextInt(4)) {
            case 0 -> body.put("unexpected" + random.nextInt(1000), pick(random, NASTY_TEXT));
            case 1 -> headers.put("X-Correlation-Id", pick(random, List.of("x".repeat(2000), "a b", "<script>", "../..", "%0d%0a")));
            case 2 -> headers.put("X-Client-Channel", pick(random, List.of("\"quoted\"", "${jndi:x}", "DROP TABLE", "a".repeat(2000))));
            default -> headers.put("If-Match", pick(random, List.of("\"-1\"", "W/\"1\"", "*", "\"99999999999999999999999\"", "garbage")));
        }
    }

    /** Reads with hostile path variables and query strings: they may answer 200 or refuse, never fail. */
    /** Methods the path answers to no handler for (a path may also be read, like {@code /api/ops/rebuilds}). */
    private static List<String> unmappedMethods(String pattern, List<Endpoint> endpoints) {
        Set<String> mapped = endpoints.stream().filter(other -> other.pattern().equals(pattern)).map(Endpoint::method)
                .collect(Collectors.toSet());
        // HEAD is answered wherever GET is.
        return Stream.of("PUT", "DELETE", "PATCH", "GET", "OPTIONS", "HEAD")
                .filter(method -> !mapped.contains(method) && !(method.equals("HEAD") && mapped.contains("GET"))).toList();
    }

    private static Attempt hostileRead(List<Endpoint> endpoints, Random random) {
        List<Endpoint> reads = endpoints.stream().filter(endpoint -> endpoint.method().equals("GET")).toList();
        Endpoint read = reads.get(random.nextInt(reads.size()));
        String query = pick(random, List.of("period", "from", "to", "limit", "after", "format", "asOf", "lang")) + "="
                + URLEncoder.encode(pick(random, NASTY_TEXT), StandardCharsets.UTF_8);
        return new Attempt("GET", concrete(read.pattern(), random, random.nextBoolean()) + "?" + query, Map.of(), null, "hostile read");
    }

    private static HttpResponse<String> send(Attempt attempt, String authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(ledger.baseUrl() + attempt.path())).timeout(Duration.ofSeconds(60));
        attempt.headers().forEach(request::header);
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        request.method(attempt.method(), attempt.body() == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(attempt.body()));
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Every mapped endpoint, with the request type its handler reads from the body (null if none). */
    private static List<Endpoint> endpoints() {
        List<Endpoint> endpoints = new ArrayList<>();
        for (RequestMappingInfoHandlerMapping mapping : ledger.context().getBeansOfType(RequestMappingInfoHandlerMapping.class).values()) {
            for (Map.Entry<RequestMappingInfo, HandlerMethod> handler : mapping.getHandlerMethods().entrySet()) {
                Class<?> body = null;
                for (MethodParameter parameter : handler.getValue().getMethodParameters()) {
                    // Actuator's handlers read an optional map; the ledger's own read records.
                    if (parameter.hasParameterAnnotation(RequestBody.class) && parameter.getParameterType().isRecord()) {
                        body = parameter.getParameterType();
                    }
                }
                Collection<RequestMethod> methods = handler.getKey().getMethodsCondition().getMethods();
                for (String pattern : handler.getKey().getPatternValues()) {
                    for (RequestMethod method : methods.isEmpty() ? List.of(RequestMethod.GET) : methods) {
                        endpoints.add(new Endpoint(method.name(), pattern.replace("{*path}", "liveness").replace("**", "liveness"), body));
                    }
                }
            }
        }
        // Handler mappings list in bean-creation order, which varies between runs: sorted, the seed alone decides.
        endpoints.sort(java.util.Comparator.comparing(Endpoint::pattern).thenComparing(Endpoint::method));
        return endpoints;
    }

    /** A valid-looking JSON value of the type: each field present, of the right kind, in range. */
    private static JsonNode valid(Type type, Random random) {
        Class<?> raw = type instanceof ParameterizedType parameterized ? (Class<?>) parameterized.getRawType() : (Class<?>) type;
        if (raw.isRecord()) {
            ObjectNode object = NODES.objectNode();
            for (RecordComponent component : raw.getRecordComponents()) {
                object.set(component.getName(), valid(component.getGenericType(), random));
            }
            return object;
        }
        if (raw.isEnum()) {
            Object[] constants = raw.getEnumConstants();
            return NODES.textNode(((Enum<?>) constants[random.nextInt(constants.length)]).name());
        }
        if (raw == Instant.class) {
            return NODES.textNode(Instant.now().minus(Duration.ofHours(1)).toString());
        }
        if (raw == LocalDate.class) {
            return NODES.textNode(LocalDate.now().plusDays(7).toString());
        }
        if (raw == Integer.class || raw == int.class || raw == Long.class || raw == long.class) {
            return NODES.numberNode(1);
        }
        if (raw == Boolean.class || raw == boolean.class) {
            return NODES.booleanNode(random.nextBoolean());
        }
        if (Collection.class.isAssignableFrom(raw)) {
            ArrayNode array = NODES.arrayNode();
            array.add(valid(((ParameterizedType) type).getActualTypeArguments()[0], random));
            return array;
        }
        return NODES.textNode(pick(random, List.of("ICU", "E1001", "A reasonable sentence.", pick(random, NASTY_TEXT))));
    }

    private static String concrete(String pattern, Random random, boolean hostile) {
        StringBuilder path = new StringBuilder();
        java.util.regex.Matcher variable = java.util.regex.Pattern.compile("\\{[^}]+}").matcher(pattern);
        while (variable.find()) {
            variable.appendReplacement(path, java.util.regex.Matcher.quoteReplacement(
                    hostile ? pick(random, NASTY_SEGMENTS) : "no-such-" + Integer.toHexString(random.nextInt())));
        }
        variable.appendTail(path);
        return path.toString();
    }

    private static byte[] invalidUtf8(String text, Random random) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] bytes = bytes(text);
        // A quote's position is inside the JSON text, so the broken bytes land in a string value or a name.
        int at = Math.max(1, text.indexOf('"', 1) + 1);
        out.write(bytes, 0, at);
        byte[][] broken = {{(byte) 0xC3, 0x28}, {(byte) 0xE2, (byte) 0x82}, {(byte) 0xFF}, {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
                {(byte) 0xF8, (byte) 0x88, (byte) 0x80, (byte) 0x80, (byte) 0x80}, {(byte) 0xC0, (byte) 0xAF}};
        byte[] chosen = broken[random.nextInt(broken.length)];
        out.write(chosen, 0, chosen.length);
        out.write(bytes, at, bytes.length - at);
        return out.toByteArray();
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static <T> T pick(Random random, List<T> choices) {
        return choices.get(random.nextInt(choices.size()));
    }

    private static String abbreviate(String text) {
        return text == null || text.length() < 300 ? text : text.substring(0, 300) + "...";
    }
}
