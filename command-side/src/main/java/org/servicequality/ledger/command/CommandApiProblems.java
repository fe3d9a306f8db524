package org.servicequality.ledger.command;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.modelling.command.ConflictingModificationException;
import org.servicequality.ledger.api.CommandRejectedException;
import org.servicequality.ledger.api.Rejection;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Turns every refusal of the command API into an RFC 9457 problem body that names the bad field and
 * the reason: 400 for input no state could accept, 404 for unknown ids, 409 for a state rule.
 */
@RestControllerAdvice(basePackageClasses = CommandApiProblems.class)
class CommandApiProblems extends ResponseEntityExceptionHandler {

    @ExceptionHandler(CommandRejectedException.class)
    ProblemDetail rejected(CommandRejectedException exception) {
        return problemFor(exception.rejection());
    }

    /** A rejection thrown in another process arrives wrapped, with the rejection as its details. */
    @ExceptionHandler(CommandExecutionException.class)
    ResponseEntity<ProblemDetail> remoteRejection(CommandExecutionException exception) {
        return exception.getDetails()
                .filter(Rejection.class::isInstance)
                .map(details -> ResponseEntity.status(statusOf((Rejection) details)).body(problemFor((Rejection) details)))
                .orElseThrow(() -> exception);
    }

    @ExceptionHandler(AggregateNotFoundException.class)
    ProblemDetail notFound(AggregateNotFoundException exception) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND,
                "Nothing is recorded under id '" + exception.getAggregateIdentifier() + "'.");
        problem.setTitle("Unknown id");
        problem.setProperty("rule", "id.unknown");
        return problem;
    }

    @ExceptionHandler(AggregateStreamCreationException.class)
    ProblemDetail alreadyExists(AggregateStreamCreationException exception) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
                "Something is already recorded under this id; ids are never reused.");
        problem.setTitle("Id already in use");
        problem.setProperty("rule", "id.already-in-use");
        return problem;
    }

    // A stale If-Match surfaces as ConflictingAggregateVersionException, which is not a ConcurrencyException.
    @ExceptionHandler({ConcurrencyException.class, ConflictingModificationException.class, EventStoreException.class})
    ProblemDetail concurrentChange(RuntimeException exception) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
                "The record was changed by another request at the same time; read it again and retry.");
        problem.setTitle("Concurrent change");
        problem.setProperty("rule", "concurrent-change");
        return problem;
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException exception,
                                                                  HttpHeaders headers, HttpStatusCode status,
                                                                  WebRequest request) {
        List<Map<String, String>> errors = exception.getBindingResult().getFieldErrors().stream()
                .map(error -> Map.of("field", error.getField(), "reason", String.valueOf(error.getDefaultMessage())))
                .toList();
        ProblemDetail problem = invalidInput(errors.stream()
                .map(error -> error.get("field") + " " + error.get("reason"))
                .collect(Collectors.joining("; ")), errors);
        return handleExceptionInternal(exception, problem, headers, HttpStatus.BAD_REQUEST, request);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException exception,
                                                                  HttpHeaders headers, HttpStatusCode status,
                                                                  WebRequest request) {
        ProblemDetail problem;
        if (exception.getCause() instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            String field = fieldPath(mapping);
            String reason = reasonFor(mapping);
            problem = invalidInput(field + " " + reason, List.of(Map.of("field", field, "reason", reason)));
        } else {
            problem = invalidInput("The request body is not valid JSON.", List.of());
        }
        return handleExceptionInternal(exception, problem, headers, HttpStatus.BAD_REQUEST, request);
    }

    private static ProblemDetail invalidInput(String detail, List<Map<String, String>> errors) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
        problem.setTitle("Invalid input");
        problem.setProperty("errors", errors);
        return problem;
    }

    private static String fieldPath(JsonMappingException mapping) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference reference : mapping.getPath()) {
            if (reference.getFieldName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(reference.getFieldName());
            } else {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private static String reasonFor(JsonMappingException mapping) {
        if (mapping instanceof InvalidFormatException invalid && invalid.getTargetType().isEnum()) {
            return "must be one of " + Arrays.toString(invalid.getTargetType().getEnumConstants());
        }
        if (mapping instanceof MismatchedInputException mismatched && mismatched.getTargetType() != null) {
            return "must be a valid " + describe(mismatched.getTargetType());
        }
        return "has an unreadable value";
    }

    private static String describe(Class<?> type) {
        if (type == java.time.Instant.class) {
            return "ISO-8601 instant with offset, for example 2026-07-01T09:30:00+08:00";
        }
        if (List.class.isAssignableFrom(type)) {
            return "array";
        }
        return type.getSimpleName().toLowerCase();
    }

    private static ProblemDetail problemFor(Rejection rejection) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(statusOf(rejection), rejection.detail());
        problem.setTitle(switch (rejection.reason()) {
            case NOT_FOUND -> "Unknown id";
            case CONFLICT -> "Not allowed in the current state";
            case INVALID -> "Invalid input";
        });
        problem.setProperty("rule", rejection.rule());
        if (rejection.field() != null) {
            problem.setProperty("errors", List.of(Map.of("field", rejection.field(), "reason", rejection.detail())));
        }
        return problem;
    }

    private static HttpStatus statusOf(Rejection rejection) {
        return switch (rejection.reason()) {
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
            case CONFLICT -> HttpStatus.CONFLICT;
            case INVALID -> HttpStatus.BAD_REQUEST;
        };
    }
}
