package dev.sofia.clinic.system.security;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code sofia.security}: the first admin ({@code SOFIA_ADMIN_EMAIL}, {@code SOFIA_ADMIN_PASSWORD},
 * both checked at start-up by the configuration check) and the bcrypt cost. The cost is no
 * environment variable: 12 is the setting; only the tests lower it, since they sign in with HTTP
 * Basic on every request.
 */
@ConfigurationProperties("sofia.security")
record StaffSecurityProperties(
        @Nullable String adminEmail,
        @Nullable String adminPassword,
        @DefaultValue("12") int bcryptStrength) {

    boolean adminFromEnvironment() {
        return adminEmail != null && !adminEmail.isBlank() && adminPassword != null && !adminPassword.isBlank();
    }

    @Override
    public String toString() {
        return "StaffSecurityProperties[adminEmail=" + adminEmail + ", adminPassword="
                + (adminPassword == null || adminPassword.isEmpty() ? "(unset)" : "(hidden)") + ", bcryptStrength="
                + bcryptStrength + "]";
    }
}
