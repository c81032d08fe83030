package dev.sofia.clinic.support;

import java.util.Locale;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/**
 * Staff users for tests, written straight into {@code staff_users} (cheap bcrypt, cost 4: the
 * app checks any cost). Each call replaces a user with the same e-mail, so tests may re-run.
 */
public final class StaffAccounts {

    private static final BCryptPasswordEncoder CHEAP = new BCryptPasswordEncoder(4);

    private final JdbcClient jdbc;

    public StaffAccounts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A front-desk user (role staff) who may use the console but not the admin pages. */
    public void staff(String email, String password) {
        create(email, password, "staff");
    }

    public void admin(String email, String password) {
        create(email, password, "admin");
    }

    /** Deletes every other user and makes the test admin ({@link Api#ADMIN_EMAIL}) an active admin. */
    public void onlyTheTestAdmin() {
        jdbc.sql("delete from staff_users where email <> ?")
                .param(Api.ADMIN_EMAIL)
                .update();
        jdbc.sql("update staff_users set role = 'admin', active = true where email = ?")
                .param(Api.ADMIN_EMAIL)
                .update();
    }

    private void create(String email, String password, String role) {
        String normalized = email.toLowerCase(Locale.ROOT);
        jdbc.sql("delete from staff_users where email = ?").param(normalized).update();
        jdbc.sql("""
                        insert into staff_users (id, email, display_name, password_hash, role, active)
                        values (gen_random_uuid(), ?, ?, ?, ?, true)
                        """)
                .params(normalized, normalized.substring(0, normalized.indexOf('@')), CHEAP.encode(password), role)
                .update();
    }
}
