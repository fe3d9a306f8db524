package org.servicequality.ledger.api;

/**
 * Thrown by a command handler when a command breaks a rule. Nothing is appended when it is thrown.
 */
public class CommandRejectedException extends RuntimeException {

    private final transient Rejection rejection;

    public CommandRejectedException(Rejection rejection) {
        super(rejection.detail());
        this.rejection = rejection;
    }

    public static CommandRejectedException conflict(String rule, String detail) {
        return new CommandRejectedException(new Rejection(Rejection.Reason.CONFLICT, rule, detail, null));
    }

    public static CommandRejectedException notFound(String rule, String field, String detail) {
        return new CommandRejectedException(new Rejection(Rejection.Reason.NOT_FOUND, rule, detail, field));
    }

    public static CommandRejectedException invalid(String rule, String field, String detail) {
        return new CommandRejectedException(new Rejection(Rejection.Reason.INVALID, rule, detail, field));
    }

    public Rejection rejection() {
        return rejection;
    }
}
