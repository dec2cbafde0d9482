package be.buurtstem.bot.service.pages.analyst;

/**
 * A request the analysts' JSON endpoints refuse: its status (4xx) and a reason for the page's script to show. Never
 * a stack trace, never the answer's text.
 */
final class PageError extends RuntimeException {
    final int status;

    PageError(int status, String reason) {
        super(reason, null, false, false);
        this.status = status;
    }
}
