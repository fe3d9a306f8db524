package org.servicequality.ledger.ops.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.servicequality.ledger.ops.RunningLedger;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The production option: an OAuth2 resource server trusting JWTs signed by an identity provider's key (here one made
 * for the test, no network), with the user, roles and departments read from claims whose names are configured.
 */
class JwtResourceServerTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dataDirectory;
    private static KeyPair issuer;
    private static RunningLedger ledger;

    @BeforeAll
    static void start() throws Exception {
        issuer = rsaKeys();
        Path publicKey = dataDirectory.resolveSibling(dataDirectory.getFileName() + "-issuer.pem");
        Files.writeString(publicKey, "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder().encodeToString(issuer.getPublic().getEncoded()) + "\n-----END PUBLIC KEY-----\n");
        ledger = RunningLedger.start(dataDirectory,
                "--spring.security.oauth2.resourceserver.jwt.public-key-location=file:" + publicKey,
                "--ledger.security.jwt.principal-claim=preferred_username",
                "--ledger.security.jwt.roles-claim=ledger_roles",
                "--ledger.security.jwt.departments-claim=ledger_departments");
        ledger.post("/api/departments", "{\"departmentId\":\"ICU\",\"nameZh\":\"重症医学科\",\"nameEn\":\"Intensive Care\",\"kind\":\"CLINICAL\"}");
        ledger.post("/api/departments", "{\"departmentId\":\"CANTEEN\",\"nameZh\":\"食堂\",\"nameEn\":\"Canteen\",\"kind\":\"LOGISTICS\"}");
    }

    @AfterAll
    static void stop() {
        ledger.close();
    }

    @Test
    void aTokensRolesDecideAndItsUserIsRecordedAsTheActor() throws Exception {
        RunningLedger clerk = bearer(token(issuer, "li.na", List.of("CLERK"), List.of(), Duration.ofMinutes(5)));
        RunningLedger.Response filed = clerk.post("/api/complaints", complaintAbout("CANTEEN"));
        assertThat(filed.status()).isEqualTo(201);
        String complaintId = JSON.readTree(filed.body()).get("complaintId").asText();
        assertThat(JSON.readTree(ledger.get("/api/audit/cases/" + complaintId).body()).get(0).get("metaData").get("actor").asText())
                .isEqualTo("li.na");

        RunningLedger auditor = bearer(token(issuer, "wang.fang", List.of("AUDITOR"), List.of(), Duration.ofMinutes(5)));
        assertThat(auditor.post("/api/complaints", complaintAbout("CANTEEN")).status()).isEqualTo(403);
        assertThat(auditor.get("/api/audit/cases/" + complaintId).status()).isEqualTo(200);

        RunningLedger icuHandler = bearer(token(issuer, "zhao.lei", List.of("HANDLER"), List.of("ICU"), Duration.ofMinutes(5)));
        assertThat(icuHandler.post("/api/complaints/" + complaintId + "/reply",
                "{\"text\":\"Sorry\",\"repliedAt\":\"" + Instant.now() + "\"}").status()).isEqualTo(404);
        RunningLedger canteenHandler = bearer(token(issuer, "sun.li", List.of("HANDLER"), List.of("CANTEEN"), Duration.ofMinutes(5)));
        assertThat(canteenHandler.post("/api/complaints/" + complaintId + "/reply",
                "{\"text\":\"Sorry\",\"repliedAt\":\"" + Instant.now() + "\"}").status()).isEqualTo(204);
    }

    @Test
    void tokensOfAnotherIssuerOrExpiredOnesAreRefused() throws Exception {
        long before = ledger.storedEvents();
        assertThat(bearer(token(rsaKeys(), "mallory", List.of("CLERK"), List.of(), Duration.ofMinutes(5)))
                .post("/api/complaints", complaintAbout("ICU")).status()).isEqualTo(401);
        assertThat(bearer(token(issuer, "li.na", List.of("CLERK"), List.of(), Duration.ofMinutes(-5)))
                .post("/api/complaints", complaintAbout("ICU")).status()).isEqualTo(401);
        assertThat(ledger.storedEvents()).isEqualTo(before);
    }

    private static RunningLedger bearer(String token) {
        return ledger.withAuthorization("Bearer " + token);
    }

    private static String token(KeyPair keys, String user, List<String> roles, List<String> departments, Duration validFor) throws Exception {
        Instant now = Instant.now();
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), new JWTClaimsSet.Builder()
                .subject("id-" + user)
                .claim("preferred_username", user)
                .claim("ledger_roles", roles)
                .claim("ledger_departments", departments)
                .issueTime(Date.from(now.minus(Duration.ofMinutes(10))))
                .expirationTime(Date.from(now.plus(validFor)))
                .build());
        jwt.sign(new RSASSASigner((RSAPrivateKey) keys.getPrivate()));
        return jwt.serialize();
    }

    private static KeyPair rsaKeys() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        return generator.generateKeyPair();
    }

    private static String complaintAbout(String department) {
        return "{\"channel\":\"PHONE_VOICE\",\"kind\":\"COMPLAINT\",\"category\":\"SERVICE_ATTITUDE\",\"departmentId\":\"" + department
                + "\",\"summary\":\"Rude at the counter\",\"receivedAt\":\"" + Instant.now() + "\"}";
    }
}
