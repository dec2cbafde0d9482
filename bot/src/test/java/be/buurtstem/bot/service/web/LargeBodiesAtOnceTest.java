package be.buurtstem.bot.service.web;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Large bodies (photos) are held in memory up to their limit, so only a few are handled at once; the rest wait. */
class LargeBodiesAtOnceTest {
    static MockHttpServletRequest photo() {
        MockHttpServletRequest r = new MockHttpServletRequest("POST", "/chat/buurt/api/photo");
        r.setContent(new byte[4096]);
        return r;
    }

    @Test
    void beyondTheLimitOfUploadsAtOnceAFriendly429ComesBeforeAnyByteIsRead() throws Exception {
        RequestBodyLimitFilter filter = new RequestBodyLimitFilter(
                new WebLimitsSettings(null, null, null, null, null, null, null, null));
        CountDownLatch inside = new CountDownLatch(RequestBodyLimitFilter.LARGE_AT_ONCE);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(RequestBodyLimitFilter.LARGE_AT_ONCE);
        try {
            List<Future<Integer>> uploads = new ArrayList<>();
            for (int i = 0; i < RequestBodyLimitFilter.LARGE_AT_ONCE; i++) {
                uploads.add(pool.submit(() -> {
                    MockHttpServletResponse res = new MockHttpServletResponse();
                    filter.doFilter(photo(), res, (rq, rs) -> {
                        inside.countDown();
                        try {
                            release.await(30, TimeUnit.SECONDS);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                    });
                    return res.getStatus();
                }));
            }
            assertTrue(inside.await(30, TimeUnit.SECONDS), "the first uploads are handled");

            MockHttpServletResponse refused = new MockHttpServletResponse();
            MockHttpServletRequest one = photo();
            filter.doFilter(one, refused, (rq, rs) -> { throw new AssertionError("must not be handled"); });
            assertEquals(429, refused.getStatus());
            assertEquals("2", refused.getHeader("Retry-After"));
            assertTrue(refused.getContentAsString().contains("too_many"), refused.getContentAsString());

            // a small body (a chat message) is never held up by the uploads
            MockHttpServletResponse chat = new MockHttpServletResponse();
            MockHttpServletRequest message = new MockHttpServletRequest("POST", "/chat/buurt/api/send");
            message.setContent("{}".getBytes());
            filter.doFilter(message, chat, (rq, rs) -> ((jakarta.servlet.http.HttpServletResponse) rs).setStatus(200));
            assertEquals(200, chat.getStatus());

            release.countDown();
            for (Future<Integer> u : uploads) {
                assertEquals(200, u.get(30, TimeUnit.SECONDS));
            }
            MockHttpServletResponse after = new MockHttpServletResponse();
            filter.doFilter(photo(), after, (rq, rs) -> ((jakarta.servlet.http.HttpServletResponse) rs).setStatus(201));
            assertEquals(201, after.getStatus(), "a place is free again");
        } finally {
            release.countDown();
            pool.shutdownNow();
        }
    }
}
