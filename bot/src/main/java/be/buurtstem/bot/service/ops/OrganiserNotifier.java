package be.buurtstem.bot.service.ops;

/**
 * Sends a short plain-text message to the organisers (saturation alerts, issue 6). With
 * {@code TELEGRAM_ORGANISER_CHAT_ID} set it goes to that Telegram chat through the outbox (same limits and retries);
 * otherwise it is only logged.
 */
public interface OrganiserNotifier {
    void notifyOrganisers(String text);
}
