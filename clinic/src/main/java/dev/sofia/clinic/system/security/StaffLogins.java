package dev.sofia.clinic.system.security;

import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.InteractiveAuthenticationSuccessEvent;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;

/**
 * Staff users as Spring Security sees them (the e-mail is the user name; an inactive user cannot
 * sign in), and the time of each form login. HTTP Basic requests are not counted as logins: a
 * script authenticates on every request.
 */
@Component
class StaffLogins implements UserDetailsService {

    private final StaffUsers users;

    StaffLogins(StaffUsers users) {
        this.users = users;
    }

    @Override
    public UserDetails loadUserByUsername(String email) {
        return users.findByEmail(email)
                .map(user -> User.withUsername(user.email())
                        .password(user.passwordHash())
                        .roles(user.role().name())
                        .disabled(!user.active())
                        .build())
                .orElseThrow(() -> new UsernameNotFoundException("No such staff user"));
    }

    @EventListener
    void onLogin(InteractiveAuthenticationSuccessEvent event) {
        users.recordLogin(event.getAuthentication().getName());
    }
}
