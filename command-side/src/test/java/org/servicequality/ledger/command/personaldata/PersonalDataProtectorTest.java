package org.servicequality.ledger.command.personaldata;

import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.servicequality.ledger.api.personaldata.EncryptedContact;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PersonalDataProtectorTest {

    private static final ContactDetails CONTACT = new ContactDetails("王小明", "138 0013 8000", "xm@example.cn", "Evenings only");

    private JdbcPersonalDataKeyStore keys;
    private PersonalDataProtector protector;

    @BeforeEach
    void setUp() {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        keys = new JdbcPersonalDataKeyStore(dataSource);
        protector = new PersonalDataProtector(keys);
    }

    @Test
    void readsBackWhatItEncrypted() {
        EncryptedContact encrypted = protector.encrypt(CONTACT);

        ContactReading reading = protector.read(encrypted);
        assertThat(reading.erased()).isFalse();
        assertThat(reading.contact()).isEqualTo(CONTACT);
    }

    @Test
    void theEncryptedFormShowsNoneOfTheContact() {
        EncryptedContact encrypted = protector.encrypt(CONTACT);
        String decoded = new String(Base64.getDecoder().decode(encrypted.ciphertext()), StandardCharsets.UTF_8);

        assertThat(encrypted.toString() + decoded)
                .doesNotContain("王小明").doesNotContain("138 0013 8000").doesNotContain("xm@example.cn").doesNotContain("Evenings");
    }

    @Test
    void everyContactGetsItsOwnKey() {
        assertThat(protector.encrypt(CONTACT).keyId()).isNotEqualTo(protector.encrypt(CONTACT).keyId());
    }

    @Test
    void afterErasureTheContactReadsAsErasedAndOthersStayReadable() {
        EncryptedContact erased = protector.encrypt(CONTACT);
        EncryptedContact kept = protector.encrypt(new ContactDetails("李四", null, null, null));

        keys.destroy(erased.keyId());

        assertThat(protector.read(erased)).isEqualTo(ContactReading.ERASED);
        assertThat(protector.read(kept).contact().name()).isEqualTo("李四");
    }

    @Test
    void aTamperedCiphertextIsAnErrorNotAnErasure() {
        EncryptedContact encrypted = protector.encrypt(CONTACT);
        byte[] bytes = Base64.getDecoder().decode(encrypted.ciphertext());
        bytes[0] ^= 0x01;
        EncryptedContact tampered = new EncryptedContact(encrypted.keyId(), encrypted.nonce(), Base64.getEncoder().encodeToString(bytes));

        assertThatThrownBy(() -> protector.read(tampered)).isInstanceOf(IllegalStateException.class);
    }
}
