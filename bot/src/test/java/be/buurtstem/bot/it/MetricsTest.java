package be.buurtstem.bot.it;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code /actuator/prometheus} after a resident's conversation through the fake Telegram (long polling), a 429 and a
 * poison update: refused without a token (401) and with a wrong one (403), open with the metrics, organiser or
 * analyst token; the counters moved; and nothing the resident sent, nor their chat or respondent id, is in it.
 */
class MetricsTest {
    static final HttpClient http = HttpClient.newHttpClient();
    static final String MARKER = "Zwembad-Kwispel-4711";

    @Test
    void metricsBehindARoleCountTheConversationAndNameNoResident(@TempDir Path dataDir) throws Exception {
        try (FakeTelegram telegram = new FakeTelegram()) {
            Map<String, Object> p = Harness.properties(dataDir, telegram);
            p.put("buurtstem.metrics-token", "metrics-secret");
            p.put("buurtstem.organiser-token", "organiser-secret");
            p.put("buurtstem.analyst-token", "analyst-secret");
            try (Harness service = Harness.start(p)) {
                String before = scrape(service, "metrics-secret").body();
                long chat = 7_123_456;
                telegram.wiremock().stubFor(post(urlPathMatching("(?i)/bot.*/sendmessage"))
                        .withRequestBody(equalToJson("{\"chat_id\":\"" + chat + "\"}", true, true))
                        .inScenario("429").whenScenarioStateIs("Started").willSetStateTo("done").atPriority(1)
                        .willReturn(aResponse().withStatus(429).withHeader("Content-Type", "application/json")
                                .withBody("{\"ok\":false,\"error_code\":429,\"description\":\"Too Many Requests: "
                                        + "retry after 1\",\"parameters\":{\"retry_after\":1}}")));
                telegram.text(chat, "/start buurt", "nl");
                Harness.awaitTexts(telegram, chat, 1, Duration.ofSeconds(30));
                telegram.text(chat, "yes", "nl");
                Harness.awaitTexts(telegram, chat, 2, Duration.ofSeconds(30));
                telegram.text(chat, "BOOM", "nl"); // a poison update (the scripted survey throws): parked
                telegram.text(chat, "noord", "nl");
                Harness.awaitTexts(telegram, chat, 3, Duration.ofSeconds(30));
                telegram.text(chat, MARKER, "nl");
                Harness.awaitTexts(telegram, chat, 4, Duration.ofSeconds(30));
                Harness.await("poison update parked", Duration.ofSeconds(30),
                        () -> service.db().getCollection("parked_updates").countDocuments() == 1);
                Harness.await("outbox drained", Duration.ofSeconds(30),
                        () -> service.db().getCollection("outbox").countDocuments() == 0);

                assertEquals(401, scrape(service, null).statusCode(), "anonymous");
                assertEquals(403, scrape(service, "wrong").statusCode(), "wrong token");
                assertEquals(401, get(service, "/actuator/metrics", null).statusCode(), "other actuator endpoints too");
                assertEquals(200, get(service, "/actuator/health", null).statusCode(), "health stays open");
                assertEquals(200, scrape(service, "organiser-secret").statusCode(), "organiser");
                assertEquals(200, scrape(service, "analyst-secret").statusCode(), "analyst");
                HttpResponse<String> response = scrape(service, "metrics-secret");
                assertEquals(200, response.statusCode());
                String after = response.body();

                String polled = "buurtstem_inbound_updates_seconds_count{channel=\"telegram-polling\"";
                assertTrue(TwoInstancesTest.value(after, polled) - TwoInstancesTest.value(before, polled) >= 5,
                        "inbound updates counted:\n" + after);
                assertTrue(TwoInstancesTest.value(after, "buurtstem_inbound_updates_seconds_bucket{channel=\"telegram-polling\"")
                        >= 0, "latency histogram");
                String sends = "buurtstem_telegram_sends_total{type=\"send\"";
                assertTrue(TwoInstancesTest.value(after, sends) - TwoInstancesTest.value(before, sends) >= 4, "sends");
                assertEquals(1, TwoInstancesTest.value(after, "buurtstem_telegram_rate_limited_total"), "429s");
                assertEquals(1, TwoInstancesTest.value(after, "buurtstem_updates_parked_total{channel=\"telegram\""),
                        "parked");
                assertEquals(1, TwoInstancesTest.value(after, "buurtstem_updates_parked_stored"), "parked kept");
                assertTrue(TwoInstancesTest.value(after, "buurtstem_store_sync_seconds_count")
                        > TwoInstancesTest.value(before, "buurtstem_store_sync_seconds_count"), "store syncs timed");
                assertEquals(0, TwoInstancesTest.value(after, "buurtstem_outbox_depth"), "outbox depth");
                assertEquals(0, TwoInstancesTest.value(after, "buurtstem_outbox_oldest_age_seconds"), "outbox age");
                assertEquals(1, TwoInstancesTest.value(after, "buurtstem_telegram_poller_active"), "this one polls");
                assertTrue(TwoInstancesTest.value(after, "buurtstem_saturation_rebuilds_seconds_count") >= 1,
                        "saturation rebuilt at start");
                assertTrue(after.contains("buurtstem_coding_queue "), "coding queue");

                String rid = service.rid(chat);
                for (String secret : new String[] {MARKER, "Kwispel", String.valueOf(chat),
                        rid, rid.substring(0, 8), "resident" + chat, "Resident", "BOOM", "noord"}) {
                    assertFalse(after.contains(secret), "'" + secret + "' in the metrics");
                }
            }
        }
    }

    static HttpResponse<String> scrape(Harness service, String token) throws Exception {
        return get(service, "/actuator/prometheus", token);
    }

    static HttpResponse<String> get(Harness service, String path, String token) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(service.baseUrl() + path))
                .timeout(Duration.ofSeconds(20));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }
}
