package dev.sofia.clinic.system.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sofia.clinic.support.Api;
import dev.sofia.clinic.support.ClinicIntegrationTest;
import dev.sofia.clinic.support.FormSession;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The first admin: made once from the environment (here the test annotation's {@code
 * SOFIA_ADMIN_*}), or with a generated password logged once; stored only as a bcrypt hash; the
 * password never in the log.
 */
@ClinicIntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class FirstAdminIntegrationTests {

    private static final Pattern GENERATED = Pattern.compile("generated password ([A-Za-z0-9]{20}) ");

    @Autowired
    FirstAdmin firstAdmin;

    @Autowired
    StaffUsers users;

    @Autowired
    PasswordEncoder encoder;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate tx;

    @Autowired
    Api api;

    @AfterEach
    void theTestAdminIsBack() {
        if (users.findByEmail(Api.ADMIN_EMAIL).isEmpty()) {
            jdbc.sql("delete from staff_users where role = 'admin'").update();
            firstAdmin.ensure();
        }
        assertThat(api.get("/api/telephony/connections").status()).isEqualTo(200);
    }

    @Test
    void theAdminFromTheEnvironmentIsMadeOnceAndStoredAsABcryptHash() {
        List<StaffUser> admins = admins();
        assertThat(admins).singleElement().satisfies(admin -> {
            assertThat(admin.email()).isEqualTo(Api.ADMIN_EMAIL);
            assertThat(admin.role()).isEqualTo(StaffRole.ADMIN);
            assertThat(admin.active()).isTrue();
            assertThat(admin.passwordHash()).startsWith("$2a$04$").doesNotContain(Api.ADMIN_PASSWORD);
            assertThat(encoder.matches(Api.ADMIN_PASSWORD, admin.passwordHash()))
                    .isTrue();
        });

        assertThat(firstAdmin.ensure()).isFalse();
        assertThat(firstAdmin.ensure()).isFalse();

        assertThat(admins()).isEqualTo(admins);
        assertThat(jdbc.sql("select count(*) from staff_users where password_hash not like '$2_$%'")
                        .query(Integer.class)
                        .single())
                .isZero();
    }

    @Test
    void theProductionCostIs12() {
        PasswordEncoder production =
                new SecurityConfiguration().passwordEncoder(new StaffSecurityProperties(null, null, 12));

        assertThat(production).isInstanceOf(BCryptPasswordEncoder.class);
        assertThat(production.encode("correct-horse-battery")).startsWith("$2a$12$");
    }

    @Test
    void withoutTheEnvironmentAGeneratedPasswordIsLoggedOnceAtWarn(CapturedOutput output) {
        jdbc.sql("delete from staff_users where role = 'admin'").update();
        FirstAdmin generating = new FirstAdmin(users, encoder, new StaffSecurityProperties(null, null, 4), tx);

        assertThat(generating.ensure()).isTrue();
        assertThat(generating.ensure()).isFalse();

        Matcher logged = GENERATED.matcher(output.getOut());
        assertThat(logged.find()).as(output.getOut()).isTrue();
        String password = logged.group(1);
        assertThat(logged.find()).as("logged only once").isFalse();
        assertThat(output.getOut()).contains("\"WARN\"", FirstAdmin.DEFAULT_EMAIL);
        StaffUser admin = users.findByEmail(FirstAdmin.DEFAULT_EMAIL).orElseThrow();
        assertThat(admin.role()).isEqualTo(StaffRole.ADMIN);
        assertThat(admin.passwordHash()).doesNotContain(password);
        assertThat(api.as(FirstAdmin.DEFAULT_EMAIL, password)
                        .get("/api/telephony/connections")
                        .status())
                .isEqualTo(200);
    }

    @Test
    void thePasswordFromTheEnvironmentNeverReachesTheLog(CapturedOutput output) {
        String secret = "never-log-this-pw-4711";
        jdbc.sql("delete from staff_users where role = 'admin'").update();
        FirstAdmin fromEnvironment =
                new FirstAdmin(users, encoder, new StaffSecurityProperties("Chefin@Praxis.test", secret, 4), tx);

        assertThat(fromEnvironment.ensure()).isTrue();
        // Sign-ins, right and wrong, by form and by Basic, are not logged with their password either.
        assertThat(api.as("chefin@praxis.test", secret).get("/api/doctors").status())
                .isEqualTo(200);
        assertThat(api.as("chefin@praxis.test", secret + "x")
                        .get("/api/doctors")
                        .status())
                .isEqualTo(401);
        new FormSession(api).logIn("chefin@praxis.test", secret);
        new FormSession(api).logIn("chefin@praxis.test", secret + "x");

        assertThat(output.getOut()).contains("Created the first admin chefin@praxis.test");
        assertThat(output.getAll()).doesNotContain(secret).doesNotContain(Api.ADMIN_PASSWORD);
        jdbc.sql("delete from staff_users where email = 'chefin@praxis.test'").update();
    }

    private List<StaffUser> admins() {
        return jdbc
                .sql("select email from staff_users where role = 'admin' order by email")
                .query(String.class)
                .list()
                .stream()
                .map(email -> users.findByEmail(email).orElseThrow())
                .toList();
    }
}
