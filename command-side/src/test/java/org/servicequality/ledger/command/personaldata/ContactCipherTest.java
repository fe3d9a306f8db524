package org.servicequality.ledger.command.personaldata;

import org.junit.jupiter.api.Test;

import javax.crypto.SecretKey;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ContactCipherTest {

    private static final byte[] PLAINTEXT = "{\"name\":\"王小明\",\"phone\":\"13800138000\"}".getBytes(StandardCharsets.UTF_8);
    private static final byte[] AAD = "complainant-contact/v1:key-1".getBytes(StandardCharsets.UTF_8);

    private final ContactCipher cipher = new ContactCipher(new SecureRandom());

    @Test
    void roundTripsUnderTheSameKeyAndAssociatedData() {
        SecretKey key = cipher.newKey();
        ContactCipher.Sealed sealed = cipher.encrypt(key, PLAINTEXT, AAD);

        assertThat(cipher.decrypt(key, sealed.nonce(), sealed.ciphertext(), AAD)).isEqualTo(PLAINTEXT);
    }

    @Test
    void usesAes256WithA96BitNonceAndA128BitTag() {
        SecretKey key = cipher.newKey();
        ContactCipher.Sealed sealed = cipher.encrypt(key, PLAINTEXT, AAD);

        assertThat(key.getEncoded()).hasSize(32);
        assertThat(sealed.nonce()).hasSize(12);
        assertThat(sealed.ciphertext()).hasSize(PLAINTEXT.length + 16);
    }

    @Test
    void theCiphertextDoesNotContainThePlaintext() {
        ContactCipher.Sealed sealed = cipher.encrypt(cipher.newKey(), PLAINTEXT, AAD);

        assertThat(new String(sealed.ciphertext(), StandardCharsets.ISO_8859_1))
                .doesNotContain("13800138000");
    }

    @Test
    void everyEncryptionDrawsAFreshNonce() {
        SecretKey key = cipher.newKey();
        ContactCipher.Sealed first = cipher.encrypt(key, PLAINTEXT, AAD);
        ContactCipher.Sealed second = cipher.encrypt(key, PLAINTEXT, AAD);

        assertThat(first.nonce()).isNotEqualTo(second.nonce());
        assertThat(first.ciphertext()).isNotEqualTo(second.ciphertext());
    }

    @Test
    void anotherKeyCannotDecrypt() {
        ContactCipher.Sealed sealed = cipher.encrypt(cipher.newKey(), PLAINTEXT, AAD);

        assertThatThrownBy(() -> cipher.decrypt(cipher.newKey(), sealed.nonce(), sealed.ciphertext(), AAD))
                .isInstanceOf(ContactCipher.TamperedCiphertextException.class);
    }

    @Test
    void aCiphertextMovedUnderAnotherKeyIdFailsAuthentication() {
        SecretKey key = cipher.newKey();
        ContactCipher.Sealed sealed = cipher.encrypt(key, PLAINTEXT, AAD);
        byte[] otherAad = "complainant-contact/v1:key-2".getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> cipher.decrypt(key, sealed.nonce(), sealed.ciphertext(), otherAad))
                .isInstanceOf(ContactCipher.TamperedCiphertextException.class);
    }

    @Test
    void aFlippedBitFailsAuthentication() {
        SecretKey key = cipher.newKey();
        ContactCipher.Sealed sealed = cipher.encrypt(key, PLAINTEXT, AAD);
        byte[] altered = Arrays.copyOf(sealed.ciphertext(), sealed.ciphertext().length);
        altered[3] ^= 0x01;

        assertThatThrownBy(() -> cipher.decrypt(key, sealed.nonce(), altered, AAD))
                .isInstanceOf(ContactCipher.TamperedCiphertextException.class);
    }

    @Test
    void refusesKeyMaterialOfTheWrongLength() {
        assertThatThrownBy(() -> ContactCipher.key(new byte[16])).isInstanceOf(IllegalArgumentException.class);
    }
}
