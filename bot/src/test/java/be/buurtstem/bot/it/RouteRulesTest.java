package be.buurtstem.bot.it;

import be.buurtstem.bot.service.accounts.Role;
import org.apache.catalina.Context;
import org.apache.catalina.Session;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.tomcat.TomcatWebServer;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.JsonNode;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The role rules on every route the app maps (read from Spring's handler mapping, so a page added later without a
 * rule here fails): anonymous and wrong-role requests are refused (pages: to the sign-in page or a 403 page; the
 * token API: 403 with a JSON reason). Also CSRF, sign-out by POST only, a new session id at sign-in, the session
 * that expires, the security headers, the OpenAPI document and residents' text kept from organisers.
 */
class RouteRulesTest {
    static final String ANALYST_TOKEN = "analyst-token-route-rules-0123456789";
    static final String ORGANISER_TOKEN = "organiser-token-route-rules-0123456789";
    static final String PW = "a long password for tests";
    /** A resident's words that organisers must never see. */
    static final String RESIDENT_TEXT = "Mijn buurman parkeert elke nacht op de stoep (rr-1729).";
    static Path dataDir;
    static Harness service;

    /** Who may open a page route: by its first path segment, as SecurityConfiguration says. */
    static Set<Role> pageRule(String path) {
        if (path.startsWith("/admin/")) {
            return Set.of(Role.ADMIN);
        }
        if (path.startsWith("/organiser/")) {
            return Set.of(Role.ORGANISER, Role.ADMIN);
        }
        if (path.startsWith("/analyst/")) {
            return Set.of(Role.ANALYST, Role.ADMIN);
        }
        if (path.equals("/") || path.startsWith("/account/")) {
            return Set.of(Role.ORGANISER, Role.ANALYST, Role.ADMIN);
        }
        return null;
    }

    /** Routes with their own rules, tested elsewhere (the chat's cookie, the webhook's secret) or public. */
    static boolean ownRules(String path) {
        return path.startsWith("/chat/") || path.startsWith("/telegram/") || path.startsWith("/whatsapp/")
                || path.equals("/login")
                || path.equals("/error") || path.startsWith("/api/openapi.json");
    }

    record Route(String method, String pattern) {
        String path() {
            return pattern.replace("{questionnaire}", "buurt").replace("{id}", "buurt").replaceAll("\\{[^}]+}", "x");
        }

        /** Whether the path names only the questionnaire, so that the page exists for the test's questionnaire. */
        boolean onlyQuestionnaire() {
            return (pattern.contains("{questionnaire}") || pattern.contains("{id}"))
                    && pattern.replace("{questionnaire}", "").replace("{id}", "").indexOf('{') < 0;
        }
    }

    @BeforeAll
    static void start() throws Exception {
        dataDir = Files.createTempDirectory("buurtstem-routes");
        Map<String, Object> p = Harness.properties(dataDir, null);
        p.put("buurtstem.analyst-token", ANALYST_TOKEN);
        p.put("buurtstem.organiser-token", ORGANISER_TOKEN);
        p.put("buurtstem.admin-password", PW);
        service = Harness.start(p);
        PageUsers.create(service, "olga", PW, Role.ORGANISER);
        PageUsers.create(service, "anna", PW, Role.ANALYST);
        Api.simulate(service, "sim-rr", "buurt", RESIDENT_TEXT, "noord", Instant.now());
    }

    @AfterAll
    static void stop() {
        if (service != null) {
            service.close();
        }
    }

    static List<Route> routes() {
        RequestMappingHandlerMapping mapping = service.context.getBean("requestMappingHandlerMapping",
                RequestMappingHandlerMapping.class);
        Set<Route> out = new java.util.LinkedHashSet<>();
        for (RequestMappingInfo info : mapping.getHandlerMethods().keySet()) {
            Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
            for (String pattern : info.getPatternValues()) {
                if (methods.isEmpty()) {
                    out.add(new Route("GET", pattern));
                }
                for (RequestMethod m : methods) {
                    out.add(new Route(m.name(), pattern));
                }
            }
        }
        assertTrue(out.size() > 15, "the handler mapping was read: " + out);
        return new ArrayList<>(out);
    }

    PageClient as(String user) {
        PageClient c = new PageClient(service, "en");
        assertEquals("/", c.signIn(user, PW).redirect(), user + " signed in");
        return c;
    }

    static PageClient.Page call(PageClient c, Route r) {
        return r.method().equals("GET") ? c.get(r.path()) : c.post(r.path(), Map.of());
    }

    @Test
    void everyRouteHasARuleAndRefusesTheWrongCaller() {
        PageClient anonymous = new PageClient(service, "en");
        Map<Role, PageClient> signedIn = Map.of(Role.ORGANISER, as("olga"), Role.ANALYST, as("anna"),
                Role.ADMIN, as("admin"));
        Api api = new Api(service);
        Set<String> checked = new TreeSet<>();
        for (Route r : routes()) {
            String path = r.path();
            if (ownRules(r.pattern())) {
                continue;
            }
            if (r.pattern().startsWith("/api/")) {
                boolean analystApi = r.pattern().startsWith("/api/analyst/");
                assertTrue(analystApi || r.pattern().startsWith("/api/organiser/"),
                        "an API route outside /api/analyst and /api/organiser has no role rule: " + r);
                for (String token : new String[]{null, "not-a-token", analystApi ? ORGANISER_TOKEN : null}) {
                    if (token == null && analystApi && checked.contains(r + " none")) {
                        continue;
                    }
                    Api.Reply reply = r.method().equals("GET") ? api.get(path, token) : api.post(path, token, "{}");
                    assertEquals(403, reply.status(), r + " with " + token);
                    assertTrue(reply.headers().firstValue("Content-Type").orElse("").startsWith("application/json"),
                            r + ": a JSON reason");
                    assertFalse(reply.json().path("error").asText().isBlank(), r + ": " + reply.body());
                    checked.add(r + (token == null ? " none" : ""));
                }
                continue;
            }
            Set<Role> allowed = pageRule(r.pattern());
            if (allowed == null) {
                fail("the page route " + r + " has no role rule: add one to SecurityConfiguration and to this test");
            }
            // anonymous: a GET leads to the sign-in page; a POST without the form's token is refused outright
            PageClient.Page a = call(anonymous, r);
            if (r.method().equals("GET")) {
                assertEquals(302, a.status(), r + " anonymous");
                assertEquals("/login", a.redirect(), r + " anonymous");
            } else {
                assertTrue(a.status() == 403 || a.status() == 302 && a.redirect().equals("/login"),
                        r + " anonymous: " + a.status());
            }
            for (Role role : List.of(Role.ORGANISER, Role.ANALYST, Role.ADMIN)) {
                PageClient.Page p = call(signedIn.get(role), r);
                if (allowed.contains(role)) {
                    if (r.method().equals("GET")) {
                        assertNotEquals(403, p.status(), r + " as " + role);
                        assertFalse(p.redirect().startsWith("/login"), r + " as " + role);
                    }
                } else {
                    assertEquals(403, p.status(), r + " as " + role + " must be refused");
                    assertTrue(p.body().contains("You may not open this page with your role"), r + ": the 403 page: " + p.body());
                }
            }
            checked.add(r.toString());
        }
        assertTrue(checked.stream().anyMatch(s -> s.contains("/admin/accounts")), checked.toString());
        assertTrue(checked.stream().anyMatch(s -> s.contains("/api/analyst/answers")), checked.toString());
        // the exports (issue 13): the page, its download and the API are analysts' only
        for (String export : List.of("pattern=/analyst/exports]", "pattern=/analyst/exports/file]",
                "pattern=/api/analyst/export] none")) {
            assertTrue(checked.stream().anyMatch(s -> s.endsWith(export)), export + " checked: " + checked);
        }
        // issue 13's exports: the REFI-QDA project, the saturation report as JSON and its printable pages
        for (String route : List.of("pattern=/api/analyst/export/qdpx]", "pattern=/api/analyst/saturation/{questionnaire}.json]",
                "pattern=/organiser/saturation/{questionnaire}/print]", "pattern=/analyst/saturation/{questionnaire}/print]")) {
            assertTrue(checked.stream().anyMatch(s -> s.endsWith(route) || s.endsWith(route + " none")),
                    route + " among " + checked);
        }
        // the analysts' codebook page and its four forms (issue 13)
        for (String route : List.of("GET, pattern=/analyst/codebook]", "POST, pattern=/analyst/codebook/themes]",
                "POST, pattern=/analyst/codebook/themes/{theme}/texts]", "POST, pattern=/analyst/codebook/merge]",
                "POST, pattern=/analyst/codebook/themes/{theme}/split]")) {
            assertTrue(checked.stream().anyMatch(s -> s.endsWith(route)), route + " checked: " + checked);
        }
        assertEquals(200, signedIn.get(Role.ANALYST).get("/analyst/codebook").status(), "analysts open it");
        assertEquals(200, signedIn.get(Role.ADMIN).get("/analyst/codebook").status(), "admins open it");
        for (String analystPage : List.of("GET /analyst/answers", "GET /analyst/review", "GET /analyst/review/queue",
                "POST /analyst/review/decisions", "POST /analyst/review/undo", "GET /analyst/models",
                "POST /analyst/models/{version}/promote")) {
            String[] mp = analystPage.split(" ");
            assertTrue(checked.contains(new Route(mp[0], mp[1]).toString()), analystPage + " checked: " + checked);
        }
    }

    /**
     * The analysts' pages show residents' words to analysts only, their JSON endpoints need the page's CSRF token,
     * refuse bad input with a reason (never a stack trace), store each decision with the signed-in account, let only
     * that account take it back, and read decisions stored before they named anyone as the shared "analyst".
     */
    @Test
    void theAnalystsPagesShowTextToAnalystsAndStoreWhoDecided() {
        Harness.await("the resident's answer coded", java.time.Duration.ofSeconds(30),
                () -> Api.coded(service, "sim-rr:buurt:1:wish:0"));
        PageClient anna = as("anna");
        PageClient.Page answers = anna.get("/analyst/answers?questionnaire=buurt");
        assertEquals(200, answers.status());
        assertTrue(answers.body().contains("rr-1729"), "the analyst reads the resident's words");
        PageClient.Page refused = anna.get("/analyst/answers?min=abc&reviewed=maybe");
        assertEquals(400, refused.status());
        assertTrue(refused.body().contains("“abc” is not a certainty") && refused.body().contains("“maybe” is not a choice"),
                refused.body());
        assertFalse(refused.body().contains("Exception"), "no stack trace");
        assertEquals(403, as("olga").get("/analyst/answers").status(), "organisers do not read residents' words");

        PageClient.Page queue = anna.get("/analyst/review/queue?questionnaire=buurt");
        assertEquals(200, queue.status(), queue.body());
        JsonNode first = Api.JSON.readTree(queue.body()).path("answers").path(0);
        assertTrue(first.path("text").asText().contains("rr-1729"), queue.body());
        String ref = first.path("ref").asText();
        assertFalse(queue.body().contains("sim-rr"), "the queue shows references, never the respondent's id");

        anna.get("/analyst/review"); // its CSRF token, as the script sends it
        String body = "{\"answer\":\"" + ref + "\",\"themes\":[\"housing\"]}";
        assertEquals(403, anna.postJson("/analyst/review/decisions", body, false).status(), "no CSRF token: refused");
        PageClient.Page notJson = anna.postJson("/analyst/review/decisions", "{not json", true);
        assertEquals(400, notJson.status());
        assertTrue(notJson.body().contains("\"error\""), notJson.body());
        PageClient.Page unknown = anna.postJson("/analyst/review/decisions",
                "{\"answer\":\"" + ref + "\",\"themes\":[\"<script>\"]}", true);
        assertEquals(400, unknown.status());
        assertTrue(unknown.body().contains("is not a theme of the codebook"), unknown.body());
        PageClient.Page forged = anna.postJson("/analyst/review/decisions",
                "{\"answer\":\"" + (ref.charAt(0) == 'A' ? 'B' : 'A') + ref.substring(1) + "\",\"themes\":[]}", true);
        assertEquals(404, forged.status(), forged.body());
        PageClient.Page stored = anna.postJson("/analyst/review/decisions", body, true);
        assertEquals(201, stored.status(), stored.body());
        List<String> decisionIds = new ArrayList<>();
        Api.JSON.readTree(stored.body()).path("decisions").forEach(n -> decisionIds.add(n.asText()));
        assertFalse(decisionIds.isEmpty(), stored.body());
        var codings = service.db().getCollection("codings");
        for (String id : decisionIds) {
            assertEquals("anna", codings.find(com.mongodb.client.model.Filters.eq("_id", id)).first().getString("analyst"));
        }
        String undo = "{\"decisions\":" + Api.JSON.writeValueAsString(decisionIds) + "}";
        PageClient admin = as("admin");
        admin.get("/analyst/review");
        assertEquals(404, admin.postJson("/analyst/review/undo", undo, true).status(), "only anna takes back anna's");
        assertEquals(200, anna.postJson("/analyst/review/undo", undo, true).status());
        assertEquals(0, codings.countDocuments(com.mongodb.client.model.Filters.in("_id", decisionIds)));

        // a decision stored before decisions named the account (no analyst field) reads as the shared "analyst"
        org.bson.Document old = new org.bson.Document("_id", "old-decision").append("answer", "sim-rr:buurt:1:wish:0")
                .append("respondent", "sim-rr").append("questionnaire", "buurt").append("question", "wish")
                .append("theme", "housing").append("action", "add").append("at", new java.util.Date());
        codings.insertOne(old);
        try {
            PageClient.Page reviewed = anna.get("/analyst/answers?questionnaire=buurt&reviewed=yes");
            assertEquals(200, reviewed.status());
            assertTrue(reviewed.body().contains("(analyst)"), reviewed.body());
        } finally {
            codings.deleteOne(com.mongodb.client.model.Filters.eq("_id", "old-decision"));
        }
    }

    @Test
    void formsWithoutTheirTokenAreRefused() {
        PageClient admin = as("admin");
        PageClient.Page without = admin.postRaw("/admin/accounts", Map.of("username", "csrf-victim", "roles", "admin"));
        assertEquals(403, without.status());
        assertTrue(service.context.getBean(be.buurtstem.bot.service.accounts.Accounts.class).find("csrf-victim")
                .isEmpty(), "no account made by a forged form");
        PageClient.Page with = admin.postEncoded("/admin/accounts", "username=csrf-ok&roles=organiser");
        assertEquals(302, with.status(), with.body());
        // signing in without the form's token is refused too (no sign-in from another site's form)
        PageClient fresh = new PageClient(service, "en");
        PageClient.Page forged = fresh.postRaw("/login", Map.of("username", "olga", "password", PW));
        // refused: without a session it is taken for a sign-in form left open too long ("your session expired")
        assertTrue(forged.status() == 403 || forged.redirect().equals("/login?expired"), forged.status() + " " + forged.redirect());
        assertEquals("/login", fresh.get("/").redirect(), "not signed in");
    }

    @Test
    void signOutOnlyByPostAndANewSessionAtSignIn() {
        PageClient c = new PageClient(service, "en");
        c.get("/login");
        String before = c.session();
        assertNotNull(before, "the sign-in page keeps its form token in a session");
        c.signIn("olga", PW);
        assertNotEquals(before, c.session(), "a new session id at sign-in");
        c.get("/logout");
        assertEquals(200, c.get("/").status(), "a GET does not sign out (a link or image cannot sign someone out)");
        PageClient.Page out = c.post("/logout", Map.of());
        assertEquals("/login?signedOut", out.redirect());
        assertTrue(c.get("/login?signedOut").body().contains("You are signed out."));
        assertEquals("/login", c.get("/").redirect());
    }

    @Test
    void anIdleSessionExpiresAndTheSignInPageSaysSo() throws Exception {
        PageClient c = as("olga");
        Context context = (Context) ((TomcatWebServer) ((WebServerApplicationContext) service.context).getWebServer())
                .getTomcat().getHost().findChildren()[0];
        Session session = context.getManager().findSession(c.session());
        assertNotNull(session);
        assertEquals(30 * 60, session.getMaxInactiveInterval(), "30 minutes idle (application.properties)");
        session.expire(); // what Tomcat does after 30 idle minutes
        PageClient.Page p = c.get("/organiser/x");
        assertEquals("/login?expired", p.redirect());
        assertTrue(c.get(p.redirect()).body().contains("Your session has expired"));
    }

    @Test
    void pagesCarryTheSecurityHeaders() {
        PageClient c = new PageClient(service, "en");
        for (PageClient.Page p : List.of(c.get("/login"), as("admin").get("/admin/accounts"))) {
            String csp = p.headers().firstValue("Content-Security-Policy").orElse("");
            assertTrue(csp.contains("default-src 'self'") && csp.contains("frame-ancestors 'none'"), csp);
            assertEquals("nosniff", p.headers().firstValue("X-Content-Type-Options").orElse(""));
            assertEquals("same-origin", p.headers().firstValue("Referrer-Policy").orElse(""));
            assertEquals("DENY", p.headers().firstValue("X-Frame-Options").orElse(""));
            assertTrue(p.headers().firstValue("Cache-Control").orElse("").contains("no-store"));
            assertTrue(p.headers().firstValue("Strict-Transport-Security").isEmpty(), "no HSTS over plain HTTP");
        }
        // behind the TLS proxy (X-Forwarded-Proto from a local address): HSTS
        PageClient.Page tls = c.get("/login", Map.of("X-Forwarded-Proto", "https"));
        assertTrue(tls.headers().firstValue("Strict-Transport-Security").orElse("").contains("max-age=31536000"),
                tls.headers().map().toString());
    }

    @Test
    void theOpenApiDocumentIsPublicAndListsEveryApiRoute() {
        Api.Reply doc = new Api(service).get("/api/openapi.json", null);
        assertEquals(200, doc.status(), doc.body());
        JsonNode json = doc.json();
        assertEquals("bearer", json.path("components").path("securitySchemes").path("bearerToken").path("scheme")
                .asText(), doc.body());
        JsonNode paths = json.path("paths");
        for (Route r : routes()) {
            if (r.pattern().startsWith("/api/analyst/") || r.pattern().startsWith("/api/organiser/")) {
                JsonNode entry = paths.path(r.pattern());
                assertFalse(entry.isMissingNode(), r + " is in the OpenAPI document: " + paths.propertyNames());
                assertFalse(entry.path(r.method().toLowerCase(java.util.Locale.ROOT)).isMissingNode(), r.toString());
            }
        }
        assertFalse(doc.body().contains(ANALYST_TOKEN) || doc.body().contains(ORGANISER_TOKEN));
    }

    @Test
    void organisersNeverSeeResidentsText() {
        Api api = new Api(service);
        assertTrue(api.get("/api/analyst/answers?questionnaire=buurt", ANALYST_TOKEN).body().contains("rr-1729"),
                "the analyst sees the text (so the check below can fail)");
        PageClient organiser = as("olga");
        for (Route r : routes()) {
            if (!r.method().equals("GET")) {
                continue;
            }
            if (r.pattern().startsWith("/api/organiser/")) {
                Api.Reply reply = api.get(r.path(), ORGANISER_TOKEN);
                assertFalse(reply.body().contains("rr-1729"), r + " shows a resident's text to an organiser");
            }
            if (r.pattern().startsWith("/organiser/") || r.pattern().equals("/")) {
                PageClient.Page page = organiser.get(r.path());
                if (r.onlyQuestionnaire()) {
                    // the page itself, not a "does not exist" page: otherwise the check below could not fail
                    assertEquals(200, page.status(), r + " for the questionnaire of the resident's answer");
                }
                assertFalse(page.body().contains("rr-1729"), r + " shows a resident's text to an organiser");
            }
        }
    }

    /**
     * The buurtkaart's pictures (issue 16): the organisers' one behind the organiser role like its page (the loop
     * above checks the rule; here its answer is a picture, not a page), the resident's one under /chat opened by the
     * chat cookie alone, never by a page account.
     */
    @Test
    void buurtkaartPicturesOpenOnlyForTheirOwners() throws Exception {
        PageClient olga = as("olga");
        assertEquals(200, olga.get("/organiser/buurtkaart/buurt/map.png").status());
        assertEquals("image/png", olga.get("/organiser/buurtkaart/buurt/map.png").headers()
                .firstValue("Content-Type").orElse(""));
        assertEquals(403, as("anna").get("/organiser/buurtkaart/buurt/map.png").status());
        assertTrue(new PageClient(service, "en").get("/organiser/buurtkaart/buurt/map.png").redirect()
                .startsWith("/login"));
        // a page account is not a chat: without the chat cookie there is nobody whose map it could be
        assertEquals(400, olga.get("/chat/buurt/api/map.png").status());
        java.net.http.HttpResponse<String> stranger = java.net.http.HttpClient.newHttpClient().send(
                java.net.http.HttpRequest.newBuilder(java.net.URI.create(service.baseUrl() + "/chat/buurt/api/map.png"))
                        .header("Cookie", "buurtstem_chat=AAAAAAAAAAAAAAAAAAAAAAAA").build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertEquals(404, stranger.statusCode(), "a chat without map answers has no map");
        assertFalse(stranger.body().contains("Exception"));
    }
}
