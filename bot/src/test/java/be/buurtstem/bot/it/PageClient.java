package be.buurtstem.bot.it;

import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A browser without a browser for page tests: keeps its cookies, follows no redirect (the test looks at each one),
 * and sends the CSRF token of the last page it read with every form it posts, as a real form would.
 */
final class PageClient {
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    /** What Chromium sends for a page. */
    static final String BROWSER_ACCEPT = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";
    final CookieManager cookies = new CookieManager();
    private final HttpClient http;
    private final String base;
    private final String lang;
    private String csrf;

    PageClient(Harness service, String lang) {
        this.base = service.baseUrl();
        this.lang = lang;
        this.http = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    record Page(int status, String body, java.net.http.HttpHeaders headers) {
        String location() {
            return headers.firstValue("Location").orElse("");
        }

        /** Where a redirect leads, without scheme and host. */
        String redirect() {
            String l = location();
            return l.replaceFirst("^https?://[^/]+", "");
        }
    }

    Page get(String path) {
        return get(path, Map.of());
    }

    Page get(String path, Map<String, String> headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).header("Accept-Language", lang).header("Accept", BROWSER_ACCEPT);
        headers.forEach(b::header);
        return remember(send(b.GET().build()));
    }

    /** Posts a form with the CSRF token of the last page read (fetched from the start page if none yet). */
    Page post(String path, Map<String, String> form) {
        if (csrf == null) {
            get("/login");
        }
        Map<String, String> all = new LinkedHashMap<>(form);
        all.putIfAbsent("_csrf", csrf);
        return postRaw(path, all);
    }

    /** Posts exactly these fields (no CSRF token unless given). */
    Page postRaw(String path, Map<String, String> form) {
        String body = form.entrySet().stream().map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
                .collect(Collectors.joining("&"));
        return postBody(path, body);
    }

    /** Posts an already encoded body (for repeated fields such as roles=a&roles=b), with the CSRF token. */
    Page postEncoded(String path, String encoded) {
        if (csrf == null) {
            get("/login");
        }
        return postBody(path, encoded + (encoded.isEmpty() ? "" : "&") + "_csrf=" + enc(csrf));
    }

    /**
     * Posts JSON as the pages' scripts do: the CSRF token of the last page read in the {@code X-CSRF-TOKEN} header
     * ({@code withToken}), asking for JSON back.
     */
    Page postJson(String path, String json, boolean withToken) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).header("Accept-Language", lang)
                .header("Accept", "application/json").header("Content-Type", "application/json");
        if (withToken) {
            b.header("X-CSRF-TOKEN", csrf);
        }
        return send(b.POST(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    private Page postBody(String path, String body) {
        return remember(send(HttpRequest.newBuilder(URI.create(base + path)).header("Accept-Language", lang).header("Accept", BROWSER_ACCEPT)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build()));
    }

    /**
     * Signs in with the form; returns the answer to the form (a redirect), after reading the page it leads to (the
     * CSRF token changes at a sign-in, so the next form needs the new one).
     */
    Page signIn(String username, String password) {
        get("/login");
        Page answer = post("/login", Map.of("username", username, "password", password));
        if (answer.status() / 100 == 3) {
            get(answer.redirect());
        }
        return answer;
    }

    /** Follows a redirect chain within the service. */
    Page follow(Page p) {
        for (int i = 0; i < 5 && p.status() / 100 == 3; i++) {
            p = get(p.redirect());
        }
        return p;
    }

    String session() {
        return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("BUURTSTEM_SESSION"))
                .map(HttpCookie::getValue).findFirst().orElse(null);
    }

    private Page remember(Page p) {
        Matcher m = CSRF.matcher(p.body());
        if (m.find()) {
            csrf = m.group(1);
        }
        return p;
    }

    private Page send(HttpRequest r) {
        try {
            HttpResponse<String> res = http.send(r, HttpResponse.BodyHandlers.ofString());
            return new Page(res.statusCode(), res.body(), res.headers());
        } catch (IOException | InterruptedException e) {
            throw new AssertionError(e);
        }
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
