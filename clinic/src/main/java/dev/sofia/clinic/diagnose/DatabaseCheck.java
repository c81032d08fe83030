package dev.sofia.clinic.diagnose;

import dev.sofia.clinic.system.DatabaseUrl;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import liquibase.changelog.ChangeLogParameters;
import liquibase.changelog.ChangeSet;
import liquibase.changelog.DatabaseChangeLog;
import liquibase.parser.ChangeLogParserFactory;
import liquibase.resource.ClassLoaderResourceAccessor;

/**
 * {@code DATABASE_URL} answers and carries every changeset of the app's changelog. Read only: the
 * applied changesets are read from {@code databasechangelog} and compared with the changelog the
 * jar holds, so the diagnosis never migrates or locks anything.
 */
final class DatabaseCheck implements Check {

    static final String NAME = "database";
    static final String CHANGELOG = "db/changelog/db.changelog-master.yaml";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String hint() {
        return "check DATABASE_URL: host, port, database name, credentials, sslmode";
    }

    @Override
    public List<Outcome> run(DiagnoseSettings settings) throws Exception {
        if (!settings.has("database.url")) {
            return List.of(Outcome.skip(
                    NAME,
                    "DATABASE_URL unset: embedded PostgreSQL under SOFIA_DATA_DIR, started by" + " the app itself"));
        }
        DatabaseUrl url;
        try {
            url = DatabaseUrl.parse(settings.get("database.url"));
        } catch (IllegalArgumentException e) {
            return List.of(Outcome.fail(
                    NAME,
                    "DATABASE_URL " + e.getMessage(),
                    "use postgres://user:pass@host:5432/db?sslmode=verify-full or jdbc:postgresql://host:5432/db"));
        }
        String where = url.jdbcUrl().replaceFirst("\\?.*", "");
        try (Connection connection = open(url, settings)) {
            Set<String> applied = applied(connection);
            List<ChangeSet> changeSets = changeSets();
            List<String> unrun = changeSets.stream()
                    .filter(c -> !applied.contains(c.getId() + "::" + c.getAuthor()))
                    .map(c -> c.getId())
                    .toList();
            if (!unrun.isEmpty()) {
                return List.of(Outcome.fail(
                        NAME,
                        where + ": " + unrun.size() + " of " + changeSets.size()
                                + " changesets not applied ("
                                + String.join(", ", unrun.subList(0, Math.min(3, unrun.size())))
                                + (unrun.size() > 3 ? ", …" : "") + ")",
                        "start the app once against this database (it migrates at start-up, one instance at a"
                                + " time), or run the deploy's migration step"));
            }
            return List.of(Outcome.ok(NAME, where + ": connected, all " + changeSets.size() + " changesets applied"));
        } catch (SQLException e) {
            return List.of(Outcome.fail(NAME, where + ": " + sqlState(e), hint(e)));
        }
    }

    /** A read-only connection with short timeouts, credentials from the URL or DATABASE_USER/PASSWORD. */
    static Connection open(DatabaseUrl url, DiagnoseSettings settings) throws SQLException {
        Properties properties = new Properties();
        url.user().or(() -> optional(settings.get("database.user"))).ifPresent(u -> properties.setProperty("user", u));
        url.password()
                .or(() -> optional(settings.get("database.password")))
                .ifPresent(p -> properties.setProperty("password", p));
        properties.setProperty("connectTimeout", "4");
        properties.setProperty("socketTimeout", "6");
        Connection connection = DriverManager.getConnection(url.jdbcUrl(), properties);
        connection.setReadOnly(true);
        return connection;
    }

    private static Set<String> applied(Connection connection) throws SQLException {
        Set<String> applied = new HashSet<>();
        try (var statement = connection.createStatement()) {
            ResultSet exists = statement.executeQuery("select to_regclass('databasechangelog') is not null");
            exists.next();
            if (!exists.getBoolean(1)) {
                return applied;
            }
            try (ResultSet rows = statement.executeQuery("select id, author from databasechangelog")) {
                while (rows.next()) {
                    applied.add(rows.getString(1) + "::" + rows.getString(2));
                }
            }
        }
        return applied;
    }

    private static List<ChangeSet> changeSets() throws Exception {
        var accessor = new ClassLoaderResourceAccessor(DatabaseCheck.class.getClassLoader());
        DatabaseChangeLog log = ChangeLogParserFactory.getInstance()
                .getParser(CHANGELOG, accessor)
                .parse(CHANGELOG, new ChangeLogParameters(), accessor);
        return log.getChangeSets();
    }

    private static java.util.Optional<String> optional(String value) {
        return value.isEmpty() ? java.util.Optional.empty() : java.util.Optional.of(value);
    }

    private static String sqlState(SQLException e) {
        // PostgreSQL's messages name the user and database, never the password.
        return LiveKitHttpCheck.shorten(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage())
                + (e.getSQLState() == null ? "" : " [" + e.getSQLState() + "]");
    }

    private static String hint(SQLException e) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        return switch (state) {
            case "28P01", "28000" ->
                "the server refused the user or password; check DATABASE_URL's credentials"
                        + " (or DATABASE_USER/DATABASE_PASSWORD)";
            case "3D000" -> "the database named in DATABASE_URL does not exist: create it (createdb) first";
            case "08001", "08006" ->
                "PostgreSQL is not reachable at that host and port: is it running, does the name"
                        + " resolve (inside compose: the service name), and does sslmode match the server?";
            default -> "see PostgreSQL's message; check DATABASE_URL";
        };
    }
}
