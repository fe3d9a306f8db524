package org.servicequality.ledger.command.personaldata;

/**
 * How to reach a complainant, in plain text. It exists only in memory on the command side: it is
 * encrypted before any command carries it, so it never reaches the event store readable.
 *
 * @param name     the person's name as they gave it
 * @param phone    a phone number
 * @param email    an e-mail address
 * @param freeText anything else they wrote about how to reach them
 */
public record ContactDetails(String name, String phone, String email, String freeText) {
}
