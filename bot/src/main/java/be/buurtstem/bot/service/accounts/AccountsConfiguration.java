package be.buurtstem.bot.service.accounts;

import be.buurtstem.bot.service.store.Store;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

import java.time.Duration;
import java.util.Map;

/** Accounts, their password hashes and the first admin. */
@Configuration(proxyBeanMethods = false)
public class AccountsConfiguration {

    @Bean
    Accounts accounts(Store store) {
        return new Accounts(store);
    }

    /** Argon2id for every new hash; the stored prefix ({@code {argon2}}) lets a later algorithm take over. */
    @Bean
    PasswordEncoder passwordEncoder() {
        Map<String, PasswordEncoder> encoders = Map.of(
                "argon2", Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8(),
                "bcrypt", new BCryptPasswordEncoder());
        return new DelegatingPasswordEncoder("argon2", encoders);
    }

    @Bean
    AccountDetails accountDetails(Accounts accounts) {
        return new AccountDetails(accounts);
    }

    @Bean
    AuditLog accountAudit(Store store) {
        return new AuditLog(store);
    }

    @Bean
    AccountChanges accountChanges(Accounts accounts, PasswordEncoder encoder, AuditLog audit) {
        return new AccountChanges(accounts, encoder, audit);
    }

    /** Failed sign-ins allowed per name and per client address before a wait; one more try comes back per refill. */
    @Bean
    SignInLimiter signInLimiter(@Value("${buurtstem.sign-in.failures-per-name:5}") int perName,
                                @Value("${buurtstem.sign-in.failures-per-address:20}") int perAddress,
                                @Value("${buurtstem.sign-in.refill:3m}") Duration refill) {
        return new SignInLimiter(perName, perAddress, refill);
    }

    @Bean
    SignIns signIns(Accounts accounts, SignInLimiter limiter, AuditLog audit) {
        return new SignIns(accounts, limiter, audit);
    }

    @Bean
    CityAccounts cityAccounts(Accounts accounts, AuditLog audit) {
        return new CityAccounts(accounts, audit);
    }

    /** Sign-in through the city's OpenID Connect provider, only when its issuer and client id are set. */
    @Bean
    @ConditionalOnExpression("'${buurtstem.oidc.issuer:}' != '' && '${buurtstem.oidc.client-id:}' != ''")
    CityRegistration cityRegistration(@Value("${buurtstem.oidc.issuer}") String issuer,
                                      @Value("${buurtstem.oidc.client-id}") String clientId,
                                      @Value("${buurtstem.oidc.client-secret:}") String clientSecret) {
        return new CityRegistration(issuer, clientId, clientSecret);
    }

    @Bean
    ApplicationRunner firstAdmin(Accounts accounts, PasswordEncoder encoder,
                                 @Value("${buurtstem.admin-password:}") String adminPassword) {
        return args -> FirstAdmin.ensure(accounts, encoder, adminPassword, System.out);
    }
}
