package be.buurtstem.bot.service.pages.reach;

/**
 * @param publicUrl    the web chat's public address for links and QR codes ({@code BUURTSTEM_PUBLIC_URL}, e.g.
 *                     {@code https://buurtstem.example.be}); null: the address the organiser's page was opened on
 * @param organisation the organisation's name on posters ({@code BUURTSTEM_ORGANISATION}); may be changed per print
 */
public record ReachSettings(String publicUrl, String organisation) {
    public ReachSettings {
        publicUrl = publicUrl == null || publicUrl.isBlank() ? null : publicUrl.strip().replaceAll("/+$", "");
        organisation = organisation == null ? "" : organisation.strip();
    }
}
