package org.servicequality.ledger.command.idempotency;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.util.StreamUtils;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * {@code Idempotency-Key} on command requests: a retry with the same key and the same request gets the
 * original response back and appends nothing; the same key with a different request is refused (422).
 *
 * <p>The key is claimed by {@link IdempotencyCommandInterceptor} in the command's own transaction; this
 * filter stores the response once the request succeeded and answers retries from it.
 */
class IdempotencyFilter extends OncePerRequestFilter {

    static final String HEADER = "Idempotency-Key";
    static final String KEY_ATTRIBUTE = IdempotencyFilter.class.getName() + ".key";
    static final String FINGERPRINT_ATTRIBUTE = IdempotencyFilter.class.getName() + ".fingerprint";
    private static final Pattern VALID_KEY = Pattern.compile("[\\x21-\\x7E]{1,255}");

    private final IdempotencyRecords records;
    private final ObjectMapper json;

    IdempotencyFilter(IdempotencyRecords records, ObjectMapper json) {
        this.records = records;
        this.json = json;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return request.getHeader(HEADER) == null || !"POST".equals(request.getMethod())
                || !request.getRequestURI().startsWith("/api/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String key = request.getHeader(HEADER);
        if (!VALID_KEY.matcher(key).matches()) {
            problem(response, HttpStatus.BAD_REQUEST, "Idempotency-Key must be 1 to 255 visible ASCII characters.", "idempotency-key.malformed");
            return;
        }
        byte[] body = StreamUtils.copyToByteArray(request.getInputStream());
        String fingerprint = fingerprint(request, body);

        Optional<IdempotencyRecords.IdempotencyRecord> earlier = records.find(key);
        if (earlier.isPresent()) {
            replay(earlier.get(), fingerprint, response);
            return;
        }

        request.setAttribute(KEY_ATTRIBUTE, key);
        request.setAttribute(FINGERPRINT_ATTRIBUTE, fingerprint);
        ContentCachingResponseWrapper captured = new ContentCachingResponseWrapper(response);
        chain.doFilter(new CachedBodyRequest(request, body), captured);
        if (captured.getStatus() >= 200 && captured.getStatus() < 300
                && captured.getContentSize() <= IdempotencyRecords.MAX_STORED_BODY) {
            records.complete(key, fingerprint, captured.getStatus(), captured.getHeader(HttpHeaders.LOCATION),
                    captured.getContentType(), new String(captured.getContentAsByteArray(), StandardCharsets.UTF_8));
        }
        captured.copyBodyToResponse();
    }

    private void replay(IdempotencyRecords.IdempotencyRecord earlier, String fingerprint, HttpServletResponse response) throws IOException {
        if (!earlier.fingerprint().equals(fingerprint)) {
            problem(response, HttpStatus.UNPROCESSABLE_ENTITY,
                    "This Idempotency-Key was already used for a different request.", "idempotency-key.reused");
        } else if (!earlier.completed()) {
            problem(response, HttpStatus.CONFLICT,
                    "A request with this Idempotency-Key was accepted and its changes are recorded, but its response is not available (it is still running or was interrupted).",
                    "idempotency-key.in-progress");
        } else {
            response.setStatus(earlier.status());
            response.setHeader("Idempotent-Replayed", "true");
            if (earlier.location() != null) {
                response.setHeader(HttpHeaders.LOCATION, earlier.location());
            }
            if (earlier.contentType() != null) {
                response.setContentType(earlier.contentType());
            }
            if (earlier.body() != null) {
                response.getOutputStream().write(earlier.body().getBytes(StandardCharsets.UTF_8));
            }
        }
    }

    private void problem(HttpServletResponse response, HttpStatus status, String detail, String rule) throws IOException {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle("Idempotency-Key refused");
        problem.setProperty("rule", rule);
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), problem);
    }

    private static String fingerprint(HttpServletRequest request, byte[] body) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update((request.getMethod() + " " + request.getRequestURI() + "\n").getBytes(StandardCharsets.UTF_8));
            sha256.update(body);
            return HexFormat.of().formatHex(sha256.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /** The body was read to fingerprint it; the controller reads it again from here. */
    private static final class CachedBodyRequest extends jakarta.servlet.http.HttpServletRequestWrapper {
        private final byte[] body;

        CachedBodyRequest(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public jakarta.servlet.ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new jakarta.servlet.ServletInputStream() {
                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(jakarta.servlet.ReadListener listener) {
                    throw new UnsupportedOperationException("synchronous reads only");
                }

                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] buffer, int offset, int length) {
                    return in.read(buffer, offset, length);
                }
            };
        }

        @Override
        public java.io.BufferedReader getReader() {
            return new java.io.BufferedReader(new java.io.InputStreamReader(getInputStream(), StandardCharsets.UTF_8));
        }
    }
}
