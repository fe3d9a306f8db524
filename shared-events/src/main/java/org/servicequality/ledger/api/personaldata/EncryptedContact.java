package org.servicequality.ledger.api.personaldata;

/**
 * A person's contact details as they may stand in an event: AES-256-GCM ciphertext under a key that
 * lives outside the event store. Destroying the key (crypto-shredding) makes the ciphertext unreadable
 * while the event itself stays intact and replayable.
 *
 * @param keyId      the id of the per-person key in the personal-data key store
 * @param nonce      the 96-bit GCM nonce, Base64
 * @param ciphertext the encrypted contact with its 128-bit authentication tag, Base64
 */
public record EncryptedContact(String keyId, String nonce, String ciphertext) {

    public EncryptedContact {
        if (keyId == null || keyId.isBlank() || nonce == null || ciphertext == null) {
            throw new IllegalArgumentException("an encrypted contact needs a key id, a nonce and a ciphertext");
        }
    }
}
