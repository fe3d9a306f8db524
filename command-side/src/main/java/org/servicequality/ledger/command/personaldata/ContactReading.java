package org.servicequality.ledger.command.personaldata;

/**
 * The outcome of decrypting a contact: either the contact itself or the fact that it was erased
 * (its key destroyed). Erasure is a normal state of old records, not an error.
 */
public record ContactReading(ContactDetails contact) {

    public static final ContactReading ERASED = new ContactReading(null);

    public boolean erased() {
        return contact == null;
    }
}
