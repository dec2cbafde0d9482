package be.buurtstem.bot.service.accounts;

import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;

/** Spring Security's view of {@link Accounts}: an admin gets every role's authority. */
public class AccountDetails implements UserDetailsService {
    private final Accounts accounts;

    public AccountDetails(Accounts accounts) {
        this.accounts = accounts;
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        Account a = accounts.find(username).orElseThrow(() -> new UsernameNotFoundException("no such account"));
        return User.withUsername(a.username()).password(a.passwordHash()).disabled(!a.enabled())
                .authorities(authorities(a))
                .build();
    }

    /** The authorities an account gives: its roles', and every role's for an admin. */
    public static java.util.List<SimpleGrantedAuthority> authorities(Account a) {
        return (a.roles().contains(Role.ADMIN) ? java.util.Arrays.stream(Role.values()) : a.roles().stream().sorted())
                .map(r -> new SimpleGrantedAuthority(r.authority())).toList();
    }
}
