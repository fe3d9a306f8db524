package org.servicequality.ledger.command.personaldata;

import java.util.Optional;

/**
 * Per-person encryption keys, kept outside the event store. Destroying a key is the erasure of the
 * data encrypted under it ("crypto-shredding"): the events stay, their ciphertext becomes unreadable.
 */
public interface PersonalDataKeyStore {

    /** Stores new key material under a new random id and returns that id. */
    String create(byte[] keyMaterial);

    /** @return the key material, or empty when the key was destroyed or never existed */
    Optional<byte[]> find(String keyId);

    /** Destroys the key material for good; destroying a destroyed or unknown key does nothing. */
    void destroy(String keyId);
}
