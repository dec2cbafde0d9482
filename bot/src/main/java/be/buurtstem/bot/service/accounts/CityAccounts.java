package be.buurtstem.bot.service.accounts;

import be.buurtstem.bot.service.store.Audit;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

import java.util.Optional;

/**
 * A person who signs in through the city's OpenID Connect provider gets the roles of the Buurtstem account with
 * the same name: their e-mail address (when the provider does not say it is unverified) or their user name there.
 * The city only says who someone is, never what they may do here: without such an account (an admin adds it
 * first), or with a disabled one, the sign-in is refused politely.
 */
public final class CityAccounts extends OidcUserService {
    public static final String NO_ACCOUNT = "no_buurtstem_account";
    private final Accounts accounts;
    private final AuditLog audit;

    public CityAccounts(Accounts accounts, AuditLog audit) {
        this.accounts = accounts;
        this.audit = audit;
    }

    @Override
    public OidcUser loadUser(OidcUserRequest request) throws OAuth2AuthenticationException {
        OidcUser city = super.loadUser(request);
        Optional<Account> account = match(city);
        if (account.isEmpty()) {
            audit.record("sign_in_refused", "(city account without a Buurtstem account)", null,
                    Audit.details("with", "city"));
            throw new OAuth2AuthenticationException(new OAuth2Error(NO_ACCOUNT,
                    "no enabled Buurtstem account for this person", null));
        }
        return new CityUser(city, account.get());
    }

    /**
     * The enabled account this person of the city is, if any: only an account named by the person's e-mail address,
     * and only when the provider says it verified that address ({@code email_verified: true}; some providers leave
     * the claim out, and an e-mail claim they did not verify may be set by the person). A provider's user name is
     * never used: it is not unique or stable (OpenID Connect Core 5.7), and a city user called "Admin" would
     * otherwise become the built-in admin.
     */
    Optional<Account> match(OidcUser city) {
        String email = city.getEmail();
        if (email == null || !email.contains("@") || !Boolean.TRUE.equals(city.getEmailVerified())) {
            return Optional.empty();
        }
        return accounts.find(email).filter(Account::enabled);
    }

    /** The city's person under their Buurtstem name, with the Buurtstem account's authorities. */
    static final class CityUser extends DefaultOidcUser {
        private final String name;

        CityUser(OidcUser city, Account account) {
            super(AccountDetails.authorities(account), city.getIdToken(), city.getUserInfo(), "sub");
            this.name = account.username();
        }

        @Override
        public String getName() {
            return name;
        }
    }
}
