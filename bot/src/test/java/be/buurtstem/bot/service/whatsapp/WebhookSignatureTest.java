package be.buurtstem.bot.service.whatsapp;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WebhookSignatureTest {
    @Test
    void matchesMetasExampleAndRefusesAnythingElse() {
        byte[] body = "{\"object\":\"whatsapp_business_account\"}".getBytes(StandardCharsets.UTF_8);
        String good = WebhookSignature.sign("secret", body);
        // HMAC-SHA256 as computed by: printf '%s' BODY | openssl dgst -sha256 -hmac secret
        assertEquals("sha256=03f6dd944ecab4ddac0e3dbc3923b2da4e12b03df679ae23a52efd78ca6056e0", good);
        assertTrue(WebhookSignature.valid("secret", body, good));
        assertTrue(WebhookSignature.valid("secret", body, good.toUpperCase().replace("SHA256=", "sha256=")));
        assertFalse(WebhookSignature.valid("other", body, good));
        assertFalse(WebhookSignature.valid("secret", "{}".getBytes(StandardCharsets.UTF_8), good));
        assertFalse(WebhookSignature.valid("secret", body, null));
        assertFalse(WebhookSignature.valid("secret", body, good.substring(7)));
        assertFalse(WebhookSignature.valid("secret", body, "sha1=" + good.substring(7)));
    }
}
