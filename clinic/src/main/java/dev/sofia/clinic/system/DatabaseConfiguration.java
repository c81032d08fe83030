package dev.sofia.clinic.system;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;

/**
 * The one {@link javax.sql.DataSource}: an external PostgreSQL when {@code DATABASE_URL} is set,
 * otherwise an embedded PostgreSQL (zonky) whose files live under {@code sofia.data-dir}/postgres so
 * the calendar survives restarts (an empty data dir means a throw-away database, as tests use). The
 * {@code prod} profile never starts the embedded database.
 */
@Configuration(proxyBeanMethods = false)
class DatabaseConfiguration {

    private static final Logger log = LoggerFactory.getLogger(DatabaseConfiguration.class);
    static final String DATABASE_NAME = "sofia";

    @Bean
    @ConfigurationProperties("spring.datasource.hikari")
    HikariDataSource dataSource(
            Environment env,
            @Value("${DATABASE_URL:}") String databaseUrl,
            @Value("${DATABASE_USER:}") String user,
            @Value("${DATABASE_PASSWORD:}") String password,
            @Value("${sofia.data-dir}") String dataDir)
            throws IOException, SQLException {
        if (!databaseUrl.isBlank()) {
            HikariDataSource ds = new HikariDataSource();
            DatabaseUrl url = DatabaseUrl.parse(databaseUrl);
            ds.setJdbcUrl(url.jdbcUrl());
            ds.setUsername(user.isBlank() ? url.user().orElse(null) : user);
            ds.setPassword(password.isBlank() ? url.password().orElse(null) : password);
            log.info("Using external PostgreSQL at {} (sslmode={})", url.jdbcUrl(), url.sslMode());
            return ds;
        }
        if (env.acceptsProfiles(Profiles.of("prod"))) {
            throw new IllegalStateException("The prod profile needs DATABASE_URL; the embedded database is refused");
        }
        EmbeddedPostgres postgres = startEmbedded(dataDir.isBlank() ? null : Path.of(dataDir, "postgres"));
        HikariDataSource ds = new EmbeddedBackedDataSource(postgres);
        ds.setJdbcUrl(postgres.getJdbcUrl("postgres", DATABASE_NAME));
        ds.setUsername("postgres");
        ds.setPassword("postgres");
        return ds;
    }

    /** Starts PostgreSQL keeping its files in {@code dir}, or in a throw-away directory when null (tests). */
    private static EmbeddedPostgres startEmbedded(Path dir) throws IOException, SQLException {
        // No shutdown hook of its own: it would stop the database at the first signal, while the app
        // still drains its calls and serves webhooks; the data source stops it after the app (see
        // EmbeddedBackedDataSource), as Spring closes the context from its own shutdown hook.
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setServerConfig("max_connections", "200")
                .setRegisterShutdownHook(false);
        if (dir != null) {
            Files.createDirectories(dir);
            builder.setDataDirectory(dir).setCleanDataDirectory(false);
        }
        EmbeddedPostgres postgres = builder.start();
        try (Connection c = postgres.getPostgresDatabase().getConnection();
                Statement s = c.createStatement()) {
            var rs = s.executeQuery("select 1 from pg_database where datname = '" + DATABASE_NAME + "'");
            if (!rs.next()) {
                s.execute("create database " + DATABASE_NAME);
            }
        }
        log.info(
                "Embedded PostgreSQL running on port {} with data in {}",
                postgres.getPort(),
                dir == null ? "a temporary directory" : dir);
        return postgres;
    }
}
