package org.servicequality.ledger.command.personaldata;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.security.GeneralSecurityException;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;

/**
 * AES-256-GCM from the JDK. A fresh random 96-bit nonce per encryption: with one key per person and a
 * handful of encryptions per key, nonce reuse is out of reach. The associated data binds a ciphertext
 * to its key id, so a ciphertext copied under another key id fails authentication instead of decrypting.
 */
final class ContactCipher {

    static final int KEY_BITS = 256;
    static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final String TRANSFORMATION = "AES/GCM/NoPadding";

    private final SecureRandom random;

    ContactCipher(SecureRandom random) {
        this.random = random;
    }

    SecretKey newKey() {
        try {
            KeyGenerator generator = KeyGenerator.getInstance("AES");
            generator.init(KEY_BITS, random);
            return generator.generateKey();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("This JVM offers no AES", e);
        }
    }

    static SecretKey key(byte[] material) {
        if (material.length * 8 != KEY_BITS) {
            throw new IllegalArgumentException("A personal-data key has " + KEY_BITS + " bits, this one " + material.length * 8);
        }
        return new SecretKeySpec(material, "AES");
    }

    Sealed encrypt(SecretKey key, byte[] plaintext, byte[] associatedData) {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance(TRANSFORMATION);
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(associatedData);
            return new Sealed(nonce, cipher.doFinal(plaintext));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM encryption failed", e);
        }
    }

    /** @throws TamperedCiphertextException when the ciphertext, nonce or associated data were altered */
    byte[] decrypt(SecretKey key, byte[] nonce, byte[] ciphertext, byte[] associatedData) {
        try {
            Cipher cipher = Cipher.getInstance(TRANSFORMATION);
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(associatedData);
            return cipher.doFinal(ciphertext);
        } catch (AEADBadTagException e) {
            throw new TamperedCiphertextException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM decryption failed", e);
        }
    }

    record Sealed(byte[] nonce, byte[] ciphertext) {
    }

    /** A stored ciphertext that does not authenticate: never to be read as "erased". */
    static final class TamperedCiphertextException extends IllegalStateException {
        TamperedCiphertextException(Throwable cause) {
            super("Encrypted personal data failed authentication: it was altered or belongs to another key", cause);
        }
    }
}
