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
                .authorities(a.roles().contains(Role.ADMIN)
                        ? java.util.Arrays.stream(Role.values()).map(r -> new SimpleGrantedAuthority(r.authority())).toList()
                        : a.roles().stream().map(r -> new SimpleGrantedAuthority(r.authority())).toList())
                .build();
    }
}
