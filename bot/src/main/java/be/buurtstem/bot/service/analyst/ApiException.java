package be.buurtstem.bot.service.analyst;

/** A bad call to the analyst or organiser API: answered with its status and reason as JSON. */
public final class ApiException extends RuntimeException {
    private final int status;

    public ApiException(int status, String reason) {
        super(reason, null, false, false);
        this.status = status;
    }

    public int status() {
        return status;
    }
}
