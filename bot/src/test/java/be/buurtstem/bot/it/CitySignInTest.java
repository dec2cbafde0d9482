package be.buurtstem.bot.it;

import be.buurtstem.bot.service.accounts.Accounts;
import be.buurtstem.bot.service.accounts.Role;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Sign-in through the city's OpenID Connect provider, against a fake one (WireMock serving the discovery document,
 * the signing keys and a token endpoint that hands out a signed id token): the person gets the roles of the
 * Buurtstem account with their e-mail address or user name, and without one a polite refusal.
 */
class CitySignInTest {
    static final String CLIENT = "buurtstem-test";
    static WireMockServer city;
    static RSAKey key;
    static String issuer;
    static Harness service;

    @BeforeAll
    static void start() throws Exception {
        key = new RSAKeyGenerator(2048).keyID("city-key-1").generate();
        city = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
        city.start();
        issuer = "http://127.0.0.1:" + city.port() + "/realms/stad";
        city.stubFor(get(urlPathEqualTo("/realms/stad/.well-known/openid-configuration")).willReturn(json("""
                {"issuer":"%1$s","authorization_endpoint":"%1$s/auth","token_endpoint":"%1$s/token",
                 "jwks_uri":"%1$s/certs","response_types_supported":["code"],"subject_types_supported":["public"],
                 "id_token_signing_alg_values_supported":["RS256"],"scopes_supported":["openid","profile","email"]}
                """.formatted(issuer))));
        city.stubFor(get(urlPathEqualTo("/realms/stad/certs")).willReturn(json(new JWKSet(key.toPublicJWK())
                .toString())));
        Map<String, Object> p = Harness.properties(Files.createTempDirectory("buurtstem-city"), null);
        p.put("buurtstem.admin-password", "the admin's long password");
        p.put("buurtstem.oidc.issuer", issuer);
        p.put("buurtstem.oidc.client-id", CLIENT);
        p.put("buurtstem.oidc.client-secret", "city-secret");
        service = Harness.start(p);
        PageUsers.create(service, "fatima@stad.brussels", "unused long password", Role.ORGANISER);
        PageUsers.create(service, "jonas@stad.brussels", "unused long password", Role.ANALYST);
    }

    @AfterAll
    static void stop() {
        if (service != null) {
            service.close();
        }
        if (city != null) {
            city.stop();
        }
    }

    static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder json(String body) {
        return aResponse().withHeader("Content-Type", "application/json").withBody(body);
    }

    static Map<String, String> query(String location) {
        Map<String, String> out = new HashMap<>();
        for (String pair : URI.create(location).getRawQuery().split("&")) {
            String[] kv = pair.split("=", 2);
            out.put(kv[0], URLDecoder.decode(kv[1], StandardCharsets.UTF_8));
        }
        return out;
    }

    /** Goes through the city's sign-in as the person with these claims; returns where the service sends them. */
    static PageClient.Page signInAtTheCity(PageClient c, Map<String, Object> claims) throws Exception {
        PageClient.Page toCity = c.get("/oauth2/authorization/city");
        assertEquals(302, toCity.status(), toCity.body());
        assertTrue(toCity.location().startsWith(issuer + "/auth?"), toCity.location());
        Map<String, String> q = query(toCity.location());
        assertEquals(CLIENT, q.get("client_id"));
        JWTClaimsSet.Builder idToken = new JWTClaimsSet.Builder().issuer(issuer).audience(CLIENT)
                .subject("city-" + claims.hashCode()).issueTime(new Date())
                .expirationTime(Date.from(Instant.now().plusSeconds(300))).claim("nonce", q.get("nonce"));
        claims.forEach(idToken::claim);
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID())
                .type(JOSEObjectType.JWT).build(), idToken.build());
        jwt.sign(new RSASSASigner(key));
        city.stubFor(post(urlPathEqualTo("/realms/stad/token")).willReturn(json(
                "{\"access_token\":\"at-1\",\"token_type\":\"Bearer\",\"expires_in\":300,\"scope\":\"openid profile email\","
                        + "\"id_token\":\"" + jwt.serialize() + "\"}")));
        String back = URI.create(q.get("redirect_uri")).getPath() + "?code=code-1&state="
                + PageClient.enc(q.get("state"));
        return c.get(back);
    }

    @Test
    void theSignInPageOffersTheCity() {
        String page = new PageClient(service, "nl").get("/login").body();
        assertTrue(page.contains("href=\"/oauth2/authorization/city\"") && page.contains("Aanmelden met uw account bij de stad"),
                page);
    }

    @Test
    void aPersonWithABuurtstemAccountGetsItsRolesByVerifiedEmail() throws Exception {
        PageClient fatima = new PageClient(service, "en");
        PageClient.Page back = signInAtTheCity(fatima, Map.of("email", "Fatima@stad.brussels", "email_verified", true,
                "preferred_username", "fsaidi"));
        assertEquals("/", back.redirect(), back.body());
        assertTrue(fatima.get("/").body().contains("Welcome, fatima@stad.brussels"));
        assertTrue(fatima.get("/organiser/x").status() != 403);
        assertEquals(403, fatima.get("/analyst/x").status(), "the roles of the Buurtstem account, no more");
        assertEquals(403, fatima.get("/admin/accounts").status());
        assertNotNull(service.context.getBean(Accounts.class).lastSignIns().get("fatima@stad.brussels"));

        PageClient jonas = new PageClient(service, "en");
        assertEquals("/", signInAtTheCity(jonas, Map.of("email", "jonas@stad.brussels", "email_verified", true))
                .redirect());
        assertTrue(jonas.get("/analyst/x").status() != 403);
        assertTrue(service.all("audit").stream().anyMatch(d -> d.getString("type").equals("sign_in")
                && "city".equals(d.get("details", org.bson.Document.class).getString("with"))));
    }

    @Test
    void withoutABuurtstemAccountThePersonIsRefusedPolitely() throws Exception {
        PageClient stranger = new PageClient(service, "nl");
        PageClient.Page back = signInAtTheCity(stranger, Map.of("email", "iemand@stad.brussels",
                "preferred_username", "iemand"));
        assertEquals("/login?cityRefused", back.redirect());
        String page = stranger.get(back.redirect()).body();
        assertTrue(page.contains("De stad kent u, maar u hebt nog geen account bij Buurtstem."), page);
        assertEquals("/login", stranger.get("/").redirect(), "not signed in");
        // an unverified e-mail address does not count, nor one the provider says nothing about
        PageClient unverified = new PageClient(service, "en");
        assertEquals("/login?cityRefused", signInAtTheCity(unverified, Map.of("email", "fatima@stad.brussels",
                "email_verified", false)).redirect());
        assertEquals("/login?cityRefused", signInAtTheCity(new PageClient(service, "en"),
                Map.of("email", "fatima@stad.brussels")).redirect());
        // a city user name is never a Buurtstem account: "Admin" at the city is not the built-in admin
        assertEquals("/login?cityRefused", signInAtTheCity(new PageClient(service, "en"),
                Map.of("preferred_username", "Admin")).redirect());
        // nor does a switched-off account
        var changes = service.context.getBean(be.buurtstem.bot.service.accounts.AccountChanges.class);
        changes.setEnabled("admin", "jonas@stad.brussels", false);
        try {
            assertEquals("/login?cityRefused", signInAtTheCity(new PageClient(service, "en"),
                    Map.of("email", "jonas@stad.brussels", "email_verified", true)).redirect());
        } finally {
            changes.setEnabled("admin", "jonas@stad.brussels", true);
        }
        assertFalse(service.all("audit").toString().contains("iemand"), "no unknown person's name in the audit");
    }
}
