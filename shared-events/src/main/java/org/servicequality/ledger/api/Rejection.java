package org.servicequality.ledger.api;

/**
 * Why a command was refused, in a form that crosses process boundaries (it travels as the details
 * of a command execution failure when commands are routed through Axon Server).
 *
 * @param reason what kind of refusal it is, which decides the HTTP status
 * @param rule   a stable, machine-readable name of the rule that was broken, for example {@code complaint.already-resolved}
 * @param detail a sentence a person can read
 * @param field  the command field the refusal is about, or {@code null} when it is about the whole command
 */
public record Rejection(Reason reason, String rule, String detail, String field) {

    public enum Reason {
        /** The command names something that does not exist. */
        NOT_FOUND,
        /** The command is well formed but the current state does not allow it. */
        CONFLICT,
        /** The command carries a value that no state could accept. */
        INVALID
    }
}
