package dev.sofia.clinic.system.security;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code staff_users} table. E-mail addresses are compared and stored in lower case. */
@Repository
class StaffUsers {

    private static final String COLUMNS =
            "id, email, display_name, password_hash, role, active, created_at, last_login_at";

    private final JdbcClient jdbc;
    private final Clock clock;

    StaffUsers(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    static String normalize(String email) {
        return email.strip().toLowerCase(Locale.ROOT);
    }

    Optional<StaffUser> findByEmail(String email) {
        return jdbc.sql("select " + COLUMNS + " from staff_users where email = ?")
                .param(normalize(email))
                .query(StaffUsers::row)
                .optional();
    }

    /** Adds a user; {@code passwordHash} is the encoder's output, never the password. */
    StaffUser add(String email, String displayName, String passwordHash, StaffRole role) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                        insert into staff_users (id, email, display_name, password_hash, role, active, created_at)
                        values (?, ?, ?, ?, ?, true, ?)
                        """)
                .params(id, normalize(email), displayName, passwordHash, role.column(), Timestamp.from(clock.instant()))
                .update();
        return findByEmail(email).orElseThrow();
    }

    boolean anyAdmin() {
        return jdbc.sql("select exists (select 1 from staff_users where role = 'admin')")
                .query(Boolean.class)
                .single();
    }

    /** A transaction-scoped advisory lock; call inside a transaction. */
    void lock(String name) {
        jdbc.sql("select pg_advisory_xact_lock(hashtextextended(?, 0))")
                .param(name)
                .query((rs, n) -> 1)
                .list();
    }

    void recordLogin(String email) {
        jdbc.sql("update staff_users set last_login_at = ? where email = ?")
                .params(Timestamp.from(clock.instant()), normalize(email))
                .update();
    }

    private static StaffUser row(ResultSet rs, int n) throws SQLException {
        Timestamp lastLogin = rs.getTimestamp("last_login_at");
        return new StaffUser(
                rs.getObject("id", UUID.class),
                rs.getString("email"),
                rs.getString("display_name"),
                rs.getString("password_hash"),
                StaffRole.ofColumn(rs.getString("role")),
                rs.getBoolean("active"),
                rs.getTimestamp("created_at").toInstant(),
                lastLogin == null ? null : lastLogin.toInstant());
    }
}
