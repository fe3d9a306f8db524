package org.servicequality.ledger.command.personaldata;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.servicequality.ledger.api.personaldata.EncryptedContact;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;

/**
 * Encrypts a contact under a new per-person key before it goes into a command, and decrypts it again
 * for the command side's own use (for example to notify the submitter). After the key is destroyed the
 * contact reads as {@link ContactReading#ERASED}. Erasure itself is a command on the complaint, so that an
 * event always records it; this service offers no way around that.
 */
@Component
public class PersonalDataProtector {

    private static final String ASSOCIATED_DATA_PREFIX = "complainant-contact/v1:";

    private final PersonalDataKeyStore keys;
    private final ContactCipher cipher;
    // A private mapper: the contact's JSON form must not change with the application's Jackson settings.
    private final ObjectMapper json = new ObjectMapper();

    @Autowired
    public PersonalDataProtector(PersonalDataKeyStore keys) {
        this(keys, new ContactCipher(new SecureRandom()));
    }

    PersonalDataProtector(PersonalDataKeyStore keys, ContactCipher cipher) {
        this.keys = keys;
        this.cipher = cipher;
    }

    /** Creates the person's key in the key store and returns the contact encrypted under it. */
    public EncryptedContact encrypt(ContactDetails contact) {
        byte[] material = cipher.newKey().getEncoded();
        String keyId = keys.create(material);
        byte[] plaintext;
        try {
            plaintext = json.writeValueAsBytes(contact);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A contact could not be written as JSON", e);
        }
        ContactCipher.Sealed sealed = cipher.encrypt(ContactCipher.key(material), plaintext, associatedData(keyId));
        Base64.Encoder base64 = Base64.getEncoder();
        return new EncryptedContact(keyId, base64.encodeToString(sealed.nonce()), base64.encodeToString(sealed.ciphertext()));
    }

    /**
     * @return the contact, or {@link ContactReading#ERASED} when its key was destroyed
     * @throws IllegalStateException when the ciphertext was altered: that is tampering, not erasure
     */
    public ContactReading read(EncryptedContact encrypted) {
        Optional<byte[]> material = keys.find(encrypted.keyId());
        if (material.isEmpty()) {
            return ContactReading.ERASED;
        }
        Base64.Decoder base64 = Base64.getDecoder();
        byte[] plaintext = cipher.decrypt(ContactCipher.key(material.get()), base64.decode(encrypted.nonce()),
                base64.decode(encrypted.ciphertext()), associatedData(encrypted.keyId()));
        try {
            return new ContactReading(json.readValue(plaintext, ContactDetails.class));
        } catch (IOException e) {
            throw new IllegalStateException("A decrypted contact is not readable JSON", e);
        }
    }

    private static byte[] associatedData(String keyId) {
        return (ASSOCIATED_DATA_PREFIX + keyId).getBytes(StandardCharsets.UTF_8);
    }
}
