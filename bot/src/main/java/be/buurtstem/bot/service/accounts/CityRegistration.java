package be.buurtstem.bot.service.accounts;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.ClientRegistrations;

/**
 * The city's OpenID Connect provider (BUURTSTEM_OIDC_ISSUER, _CLIENT_ID, _CLIENT_SECRET), registered as {@code city}.
 * Its discovery document is read at the first sign-in through it, not at start: a provider that is down must not
 * keep the service (and the residents' bot) from starting. A failed read is tried again at the next sign-in.
 */
public final class CityRegistration implements ClientRegistrationRepository {
    public static final String ID = "city";
    private static final Logger log = LoggerFactory.getLogger(CityRegistration.class);
    private final String issuer;
    private final String clientId;
    private final String clientSecret;
    private volatile ClientRegistration registration;

    public CityRegistration(String issuer, String clientId, String clientSecret) {
        this.issuer = issuer.strip();
        this.clientId = clientId.strip();
        this.clientSecret = clientSecret == null ? "" : clientSecret.strip();
    }

    @Override
    public ClientRegistration findByRegistrationId(String registrationId) {
        if (!ID.equals(registrationId)) {
            return null;
        }
        ClientRegistration r = registration;
        if (r == null) {
            synchronized (this) {
                if (registration == null) {
                    try {
                        registration = ClientRegistrations.fromIssuerLocation(issuer).registrationId(ID)
                                .clientId(clientId).clientSecret(clientSecret).scope("openid", "profile", "email")
                                .redirectUri("{baseUrl}/login/oauth2/code/{registrationId}").clientName("city")
                                .build();
                    } catch (RuntimeException e) {
                        log.warn("the city's sign-in provider at {} could not be read: {}", issuer, e.toString());
                        return null;
                    }
                }
                r = registration;
            }
        }
        return r;
    }
}
