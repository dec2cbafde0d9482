package be.buurtstem.bot.service.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * A bound on the body of every request, on every route, before anything reads it: a declared length above the
 * route's limit is refused at once with 413 and a JSON reason; a body without a declared length (chunked) is read
 * up to the limit and refused as soon as it passes it, so no request ever holds more than its limit in memory.
 * (Tomcat's {@code max-swallow-size} then bounds what it reads of a refused body before closing the connection.)
 */
public class RequestBodyLimitFilter extends OncePerRequestFilter {
    /** A route whose limit is above this (the web chat's photos) is a large-body route. */
    static final long LARGE = 1024 * 1024;
    /**
     * Large bodies handled at once, all routes together: each may be held in memory up to its limit (8 MB for a
     * photo), so 200 parallel uploads (Tomcat's threads) would hold 1.6 GB; beyond this many, a friendly 429 asks
     * the page to send again in a moment (it does), before any byte of the body is read.
     */
    static final int LARGE_AT_ONCE = 8;
    /**
     * The organisers' questionnaire editor posts a whole file (up to 1 MB, YamlLimits) as a form field; URL-encoded,
     * a byte outside ASCII takes three, so its posts may be up to 4 MB. (Tomcat's form limit,
     * {@code server.tomcat.max-http-form-post-size}, is as large; this filter keeps every other route at its own.)
     */
    static final String QUESTIONNAIRE_PAGES = "/organiser/questionnaires/";
    static final long QUESTIONNAIRE_BODY = 4L * 1024 * 1024;

    private final WebLimitsSettings limits;
    private final java.util.concurrent.Semaphore largeBodies = new java.util.concurrent.Semaphore(LARGE_AT_ONCE);

    public RequestBodyLimitFilter(WebLimitsSettings limits) {
        this.limits = limits;
    }

    /** The limit of a route, in bytes. */
    long limitOf(String path) {
        if (path.startsWith("/chat/") && path.endsWith("/api/photo")) {
            return limits.photoBody().toBytes();
        }
        if (path.startsWith("/chat/")) {
            return limits.chatBody().toBytes();
        }
        if (path.startsWith("/telegram/") || path.startsWith("/whatsapp/")) {
            return limits.webhookBody().toBytes();
        }
        if (path.startsWith("/api/")) {
            return limits.apiBody().toBytes();
        }
        if (path.startsWith(QUESTIONNAIRE_PAGES)) {
            return QUESTIONNAIRE_BODY;
        }
        return limits.otherBody().toBytes();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long limit = limitOf(request.getRequestURI());
        long declared = request.getContentLengthLong();
        if (declared > limit) {
            refuse(response, limit);
            return;
        }
        boolean large = limit > LARGE && (declared > 0 || hasBody(request));
        if (large && !largeBodies.tryAcquire()) {
            busy(response);
            return;
        }
        try {
            bounded(request, response, chain, limit, declared);
        } finally {
            if (large) {
                largeBodies.release();
            }
        }
    }

    private void bounded(HttpServletRequest request, HttpServletResponse response, FilterChain chain, long limit,
                         long declared) throws ServletException, IOException {
        if (declared >= 0 || !hasBody(request)) {
            // Tomcat never hands out more than the declared length
            chain.doFilter(request, response);
            return;
        }
        byte[] body = request.getInputStream().readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limit + 1));
        if (body.length > limit) {
            refuse(response, limit);
            return;
        }
        chain.doFilter(new BufferedBody(request, body), response);
    }

    private static boolean hasBody(HttpServletRequest request) {
        String te = request.getHeader("Transfer-Encoding");
        return te != null && !te.isBlank();
    }

    static void busy(HttpServletResponse response) throws IOException {
        response.setStatus(429);
        response.setHeader("Retry-After", "2");
        response.setHeader("Connection", "close");
        response.setContentType("application/json;charset=UTF-8");
        response.getOutputStream().write(("{\"error\":\"too_many\",\"reason\":\"too many uploads at once; send it "
                + "again in a moment\",\"retryAfter\":2}").getBytes(StandardCharsets.UTF_8));
    }

    static void refuse(HttpServletResponse response, long limit) throws IOException {
        response.setStatus(413);
        response.setHeader("Connection", "close");
        response.setContentType("application/json;charset=UTF-8");
        response.getOutputStream().write(("{\"error\":\"too_large\",\"reason\":\"the request body is larger than "
                + limit + " bytes\",\"limit\":" + limit + "}").getBytes(StandardCharsets.UTF_8));
    }

    /** A request whose (already bounded) body was read ahead. */
    private static final class BufferedBody extends HttpServletRequestWrapper {
        private final byte[] body;

        BufferedBody(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }

        @Override
        public ServletInputStream getInputStream() {
            InputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public boolean isFinished() {
                    try {
                        return in.available() == 0;
                    } catch (IOException e) {
                        return true;
                    }
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException("blocking reads only");
                }

                @Override
                public int read() throws IOException {
                    return in.read();
                }

                @Override
                public int read(byte[] b, int off, int len) throws IOException {
                    return in.read(b, off, len);
                }
            };
        }

        @Override
        public java.io.BufferedReader getReader() {
            return new java.io.BufferedReader(new java.io.InputStreamReader(getInputStream(),
                    getCharacterEncoding() == null ? StandardCharsets.UTF_8
                            : java.nio.charset.Charset.forName(getCharacterEncoding())));
        }
    }
}
