package dev.sofia.clinic.system.security;

import dev.sofia.clinic.system.FieldProblem;
import dev.sofia.clinic.system.InvalidInputException;
import dev.sofia.clinic.system.NotFoundException;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Managing staff users, for the admin pages: list, add, change role, deactivate and reactivate,
 * set a new password. Passwords are checked (12 to 72 bytes: bcrypt reads only 72) and stored only
 * as the {@link PasswordEncoder}'s hash; they are never logged or returned. Two rules keep the
 * console administrable: nobody deactivates or demotes themselves, and the last active admin stays
 * an active admin. Changes to admins are serialised with an advisory lock, so two admins demoting
 * each other at the same moment cannot leave none.
 */
@Service
public class StaffDirectory {

    public static final int MIN_PASSWORD_BYTES = 12;
    public static final int MAX_PASSWORD_BYTES = 72;

    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s.]+(\\.[^@\\s.]+)+");
    private static final String ADMIN_LOCK = "sofia-staff-admins";

    private final StaffUsers users;
    private final JdbcClient jdbc;
    private final PasswordEncoder encoder;

    StaffDirectory(StaffUsers users, JdbcClient jdbc, PasswordEncoder encoder) {
        this.users = users;
        this.jdbc = jdbc;
        this.encoder = encoder;
    }

    /** What a user may do; {@code ADMIN} includes everything {@code STAFF} may. */
    public enum Role {
        ADMIN,
        STAFF
    }

    /** A staff user as the admin pages show them (never the password hash). */
    public record Member(
            UUID id,
            String email,
            String displayName,
            Role role,
            boolean active,
            Instant createdAt,
            @Nullable Instant lastLoginAt) {}

    /** Every user: active ones first, then by e-mail. */
    public List<Member> list() {
        return jdbc.sql(SELECT + " order by active desc, email")
                .query(StaffDirectory::row)
                .list();
    }

    public Optional<Member> find(UUID id) {
        return jdbc.sql(SELECT + " where id = ?")
                .param(id)
                .query(StaffDirectory::row)
                .optional();
    }

    /** Adds an active user; 400 naming the field for a bad e-mail, name or password or a taken e-mail. */
    @Transactional
    public Member add(@Nullable String email, @Nullable String displayName, Role role, @Nullable String password) {
        List<FieldProblem> problems = new ArrayList<>();
        String address = email == null ? "" : StaffUsers.normalize(email);
        if (address.length() > 254 || !EMAIL.matcher(address).matches()) {
            problems.add(new FieldProblem("email", "must be an e-mail address such as praxis@example.de"));
        } else if (users.findByEmail(address).isPresent()) {
            problems.add(new FieldProblem("email", "is already used by another user"));
        }
        String name = displayName == null ? "" : displayName.strip();
        if (name.isEmpty() || name.length() > 200) {
            problems.add(new FieldProblem("displayName", "must be 1 to 200 characters"));
        }
        checkPassword(password, problems);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        try {
            return member(users.add(address, name, encoder.encode(password), StaffRole.valueOf(role.name())));
        } catch (DuplicateKeyException e) {
            throw new InvalidInputException("email", "is already used by another user");
        }
    }

    /** Gives a user another role; {@code actingEmail} is the admin asking. */
    @Transactional
    public Member changeRole(UUID id, Role role, String actingEmail) {
        users.lock(ADMIN_LOCK);
        Member member = existing(id);
        if (member.role() == Role.ADMIN && role != Role.ADMIN) {
            keepAnAdmin(member, actingEmail, "you cannot take the admin role from yourself");
        }
        jdbc.sql("update staff_users set role = ? where id = ?")
                .params(StaffRole.valueOf(role.name()).column(), id)
                .update();
        return existing(id);
    }

    /** Lets a user sign in again, or no longer; {@code actingEmail} is the admin asking. */
    @Transactional
    public Member setActive(UUID id, boolean active, String actingEmail) {
        users.lock(ADMIN_LOCK);
        Member member = existing(id);
        if (!active && member.active()) {
            keepAnAdmin(member, actingEmail, "you cannot deactivate yourself");
        }
        jdbc.sql("update staff_users set active = ? where id = ?")
                .params(active, id)
                .update();
        return existing(id);
    }

    /** Replaces a user's password (12 to 72 bytes). */
    @Transactional
    public void setPassword(UUID id, @Nullable String password) {
        existing(id);
        List<FieldProblem> problems = new ArrayList<>();
        checkPassword(password, problems);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        jdbc.sql("update staff_users set password_hash = ? where id = ?")
                .params(encoder.encode(password), id)
                .update();
    }

    /** Refuses a change that would take {@code member}'s admin rights (role or sign-in) if it must keep them. */
    private void keepAnAdmin(Member member, String actingEmail, String selfReason) {
        if (member.email().equals(StaffUsers.normalize(actingEmail))) {
            throw new InvalidInputException("user", selfReason);
        }
        if (member.role() == Role.ADMIN && member.active()) {
            int others = jdbc.sql("select count(*) from staff_users where role = 'admin' and active and id <> ?")
                    .param(member.id())
                    .query(Integer.class)
                    .single();
            if (others == 0) {
                throw new InvalidInputException("user", "the last active admin must stay an active admin");
            }
        }
    }

    private Member existing(UUID id) {
        return find(id).orElseThrow(() -> new NotFoundException("staff user", id));
    }

    private static void checkPassword(@Nullable String password, List<FieldProblem> problems) {
        int bytes = password == null ? 0 : password.getBytes(StandardCharsets.UTF_8).length;
        if (bytes < MIN_PASSWORD_BYTES || bytes > MAX_PASSWORD_BYTES) {
            problems.add(new FieldProblem(
                    "password", "must be " + MIN_PASSWORD_BYTES + " to " + MAX_PASSWORD_BYTES + " bytes"));
        }
    }

    private static final String SELECT =
            "select id, email, display_name, role, active, created_at, last_login_at from staff_users";

    private static Member row(ResultSet rs, int n) throws SQLException {
        Timestamp lastLogin = rs.getTimestamp("last_login_at");
        return new Member(
                rs.getObject("id", UUID.class),
                rs.getString("email"),
                rs.getString("display_name"),
                Role.valueOf(StaffRole.ofColumn(rs.getString("role")).name()),
                rs.getBoolean("active"),
                rs.getTimestamp("created_at").toInstant(),
                lastLogin == null ? null : lastLogin.toInstant());
    }

    private static Member member(StaffUser user) {
        return new Member(
                user.id(),
                user.email(),
                user.displayName(),
                Role.valueOf(user.role().name()),
                user.active(),
                user.createdAt(),
                user.lastLoginAt());
    }
}
