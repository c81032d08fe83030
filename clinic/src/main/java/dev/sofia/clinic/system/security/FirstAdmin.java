package dev.sofia.clinic.system.security;

import java.security.SecureRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Makes the first admin at start-up, once: only while no admin exists. From {@code
 * SOFIA_ADMIN_EMAIL} and {@code SOFIA_ADMIN_PASSWORD} when they are set (required in {@code prod});
 * otherwise {@value #DEFAULT_EMAIL} with a random password that is logged once, at WARN, for the
 * person starting a development instance. Only its bcrypt hash is stored; the password from the
 * environment is never logged.
 */
@Component
class FirstAdmin implements ApplicationRunner {

    static final String DEFAULT_EMAIL = "admin@sofia.local";

    private static final Logger log = LoggerFactory.getLogger(FirstAdmin.class);

    // Letters and digits without look-alikes (0/O, 1/l/I): read off a terminal and typed by hand.
    private static final String ALPHABET = "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    private static final int GENERATED_LENGTH = 20;

    private final StaffUsers users;
    private final PasswordEncoder encoder;
    private final StaffSecurityProperties properties;
    private final TransactionTemplate tx;
    private final SecureRandom random = new SecureRandom();

    FirstAdmin(StaffUsers users, PasswordEncoder encoder, StaffSecurityProperties properties, TransactionTemplate tx) {
        this.users = users;
        this.encoder = encoder;
        this.properties = properties;
        this.tx = tx;
    }

    @Override
    public void run(ApplicationArguments args) {
        ensure();
    }

    /** Creates the first admin if there is none; true when it did. */
    boolean ensure() {
        Boolean created = tx.execute(status -> {
            // Serializes concurrent start-ups of several app instances against one database.
            users.lock("sofia-first-admin");
            if (users.anyAdmin()) {
                return false;
            }
            if (properties.adminFromEnvironment()) {
                String email = StaffUsers.normalize(properties.adminEmail());
                users.add(email, "Admin", encoder.encode(properties.adminPassword()), StaffRole.ADMIN);
                log.info("Created the first admin {} from SOFIA_ADMIN_EMAIL and SOFIA_ADMIN_PASSWORD", email);
                return true;
            }
            String generated = generate();
            users.add(DEFAULT_EMAIL, "Admin", encoder.encode(generated), StaffRole.ADMIN);
            // Deliberately not phrased "password: …" or "password=…": the log redactor would mask it.
            log.warn(
                    "No admin existed, so one was made: sign in at /login as {} with the generated password {}"
                            + " (shown only this once and stored only as a hash; set SOFIA_ADMIN_EMAIL and"
                            + " SOFIA_ADMIN_PASSWORD before the first start to choose your own)",
                    DEFAULT_EMAIL,
                    generated);
            return true;
        });
        return Boolean.TRUE.equals(created);
    }

    private String generate() {
        StringBuilder password = new StringBuilder(GENERATED_LENGTH);
        for (int i = 0; i < GENERATED_LENGTH; i++) {
            password.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return password.toString();
    }
}
