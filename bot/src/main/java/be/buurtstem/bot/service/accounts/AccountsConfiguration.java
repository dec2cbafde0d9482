package be.buurtstem.bot.service.accounts;

import be.buurtstem.bot.service.store.Store;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

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
    ApplicationRunner firstAdmin(Accounts accounts, PasswordEncoder encoder,
                                 @Value("${buurtstem.admin-password:}") String adminPassword) {
        return args -> FirstAdmin.ensure(accounts, encoder, adminPassword, System.out);
    }
}
