package dev.sofia.clinic.system.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sofia.clinic.support.Api;
import dev.sofia.clinic.support.CalendarFixtures;
import dev.sofia.clinic.support.ClinicIntegrationTest;
import dev.sofia.clinic.support.StaffAccounts;
import dev.sofia.clinic.system.InvalidInputException;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * {@link StaffDirectory}'s rules, which the admin pages rely on: the last active admin keeps the
 * role and can sign in, whoever asks; nobody demotes or deactivates themselves; passwords are
 * stored only as hashes the app's encoder accepts.
 */
@ClinicIntegrationTest
class StaffDirectoryIntegrationTests {

    @Autowired
    StaffDirectory directory;

    @Autowired
    CalendarFixtures fixtures;

    @Autowired
    PasswordEncoder encoder;

    private UUID admin;

    @BeforeEach
    void onlyTheTestAdmin() {
        new StaffAccounts(fixtures.jdbc()).onlyTheTestAdmin();
        admin = directory.list().getFirst().id();
    }

    @Test
    void theLastActiveAdminStaysAnActiveAdminWhoeverAsks() {
        assertThatThrownBy(() -> directory.changeRole(admin, StaffDirectory.Role.STAFF, "someone@praxis.test"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("last active admin");
        assertThatThrownBy(() -> directory.setActive(admin, false, "someone@praxis.test"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("last active admin");

        // an inactive second admin does not count
        StaffDirectory.Member second =
                directory.add("zweite@praxis.test", "Zweite", StaffDirectory.Role.ADMIN, "zweites-passwort-12");
        directory.setActive(second.id(), false, Api.ADMIN_EMAIL);
        assertThatThrownBy(() -> directory.setActive(admin, false, "zweite@praxis.test"))
                .isInstanceOf(InvalidInputException.class);

        // with another active admin, the first may be demoted and deactivated by them
        directory.setActive(second.id(), true, Api.ADMIN_EMAIL);
        assertThat(directory
                        .changeRole(admin, StaffDirectory.Role.STAFF, "zweite@praxis.test")
                        .role())
                .isEqualTo(StaffDirectory.Role.STAFF);
        assertThat(directory.setActive(admin, false, "zweite@praxis.test").active())
                .isFalse();
        // and now the second is the last one
        assertThatThrownBy(() -> directory.changeRole(second.id(), StaffDirectory.Role.STAFF, Api.ADMIN_EMAIL))
                .isInstanceOf(InvalidInputException.class);
    }

    @Test
    void nobodyDemotesOrDeactivatesThemselvesEvenWithOtherAdmins() {
        directory.add("zweite@praxis.test", "Zweite", StaffDirectory.Role.ADMIN, "zweites-passwort-12");
        assertThatThrownBy(() -> directory.changeRole(admin, StaffDirectory.Role.STAFF, Api.ADMIN_EMAIL.toUpperCase()))
                .hasMessageContaining("yourself");
        assertThatThrownBy(() -> directory.setActive(admin, false, Api.ADMIN_EMAIL))
                .hasMessageContaining("yourself");
        assertThat(directory.find(admin).orElseThrow().active()).isTrue();
    }

    @Test
    void passwordsAre12To72BytesAndStoredAsHashes() {
        StaffDirectory.Member helga =
                directory.add(" Helga@Praxis.TEST ", "Helga", StaffDirectory.Role.STAFF, "helgas-passwort");
        assertThat(helga.email()).isEqualTo("helga@praxis.test");
        assertThatThrownBy(() -> directory.setPassword(helga.id(), "elf-zeichen"))
                .hasMessageContaining("12 to 72 bytes");
        assertThatThrownBy(() -> directory.setPassword(helga.id(), "ü".repeat(37)))
                .hasMessageContaining("12 to 72 bytes");
        directory.setPassword(helga.id(), "ü".repeat(36));
        String hash = fixtures.jdbc()
                .sql("select password_hash from staff_users where id = ?")
                .param(helga.id())
                .query(String.class)
                .single();
        assertThat(encoder.matches("ü".repeat(36), hash)).isTrue();
        assertThat(directory.toString()).doesNotContain(hash);
    }
}
