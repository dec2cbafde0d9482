package be.buurtstem.bot.service.web;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * {@code BUURTSTEM_WEB_*} limits of the public HTTP routes (relaxed binding: {@code BUURTSTEM_WEB_CHAT_BODY} is
 * {@code buurtstem.web.chat-body}). Every route is anonymous or reachable by anyone, so every request body and every
 * client has a bound; the defaults are far above what a resident ever sends.
 *
 * @param chatBody           largest JSON body of a web chat call (a typed answer is at most 4,000 characters)
 * @param photoBody          largest photo upload in the web chat
 * @param webhookBody        largest Telegram webhook update
 * @param apiBody            largest body of the analyst and organiser API ({@code /api/**})
 * @param otherBody          largest body of any other route
 * @param chatPerMinute      messages one web chat (cookie) may send per minute
 * @param ipPerMinute        web chat calls one IP address may make per minute (a shared wifi has many residents)
 * @param newChatsPerHour    new web chat conversations one IP address may start per hour
 */
@ConfigurationProperties("buurtstem.web")
public record WebLimitsSettings(DataSize chatBody, DataSize photoBody, DataSize webhookBody, DataSize apiBody,
                                DataSize otherBody, Integer chatPerMinute, Integer ipPerMinute,
                                Integer newChatsPerHour) {
    public WebLimitsSettings {
        chatBody = chatBody == null ? DataSize.ofKilobytes(32) : chatBody;
        photoBody = photoBody == null ? DataSize.ofMegabytes(8) : photoBody;
        webhookBody = webhookBody == null ? DataSize.ofMegabytes(1) : webhookBody;
        apiBody = apiBody == null ? DataSize.ofKilobytes(256) : apiBody;
        otherBody = otherBody == null ? DataSize.ofKilobytes(64) : otherBody;
        chatPerMinute = chatPerMinute == null || chatPerMinute < 1 ? 30 : chatPerMinute;
        ipPerMinute = ipPerMinute == null || ipPerMinute < 1 ? 300 : ipPerMinute;
        newChatsPerHour = newChatsPerHour == null || newChatsPerHour < 1 ? 60 : newChatsPerHour;
    }
}
