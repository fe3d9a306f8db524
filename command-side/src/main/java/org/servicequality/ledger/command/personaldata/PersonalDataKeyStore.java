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

    /**
     * Records that the key must be destroyed, in the caller's transaction. If the process dies after the
     * erasure is committed but before {@link #destroy} ran, the next start destroys every marked key.
     */
    void markForDestruction(String keyId);

    /** Destroys the key material for good; destroying a destroyed or unknown key does nothing. */
    void destroy(String keyId);
}
