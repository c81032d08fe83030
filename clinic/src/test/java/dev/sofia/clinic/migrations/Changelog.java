package dev.sofia.clinic.migrations;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import javax.sql.DataSource;
import liquibase.Scope;
import liquibase.command.CommandScope;
import liquibase.command.core.RollbackCountCommandStep;
import liquibase.command.core.UpdateCommandStep;
import liquibase.command.core.helpers.DatabaseChangelogCommandStep;
import liquibase.command.core.helpers.DbUrlConnectionArgumentsCommandStep;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.resource.ClassLoaderResourceAccessor;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The app's real master changelog, driven through Liquibase's command API against one database,
 * plus the catalogue queries the migration tests share.
 */
final class Changelog {

    /** The same file the app runs ({@code spring.liquibase.change-log}). */
    static final String MASTER = "db/changelog/db.changelog-master.yaml";

    static final List<String> APPLICATION_TABLES = List.of(
            "appointment_type_chairs",
            "appointment_type_doctors",
            "appointment_types",
            "appointments",
            "blockouts",
            "call_events",
            "call_messages",
            "call_routes",
            "call_sessions",
            "call_transcript_lines",
            "chairs",
            "doctors",
            "opening_hours",
            "patients",
            "phone_numbers",
            "practice",
            "receptionist_texts",
            "schedule_overrides",
            "shift_breaks",
            "shifts",
            "slot_holds",
            "staff_users",
            "telephony_connections",
            "transfer_targets");

    static final List<String> LIQUIBASE_TABLES = List.of("databasechangelog", "databasechangeloglock");

    private final DataSource dataSource;
    private final JdbcClient jdbc;

    Changelog(DataSource dataSource) {
        this.dataSource = dataSource;
        this.jdbc = JdbcClient.create(dataSource);
    }

    JdbcClient jdbc() {
        return jdbc;
    }

    /** Applies every pending changeset. */
    void update() {
        run(UpdateCommandStep.COMMAND_NAME, scope -> {});
    }

    /** Rolls back every applied changeset, newest first, using each changeset's own rollback. */
    void rollbackAll() {
        int applied = appliedChangesets();
        run(
                RollbackCountCommandStep.COMMAND_NAME,
                scope -> scope.addArgumentValue(RollbackCountCommandStep.COUNT_ARG, applied));
    }

    int appliedChangesets() {
        return jdbc.sql("select count(*) from databasechangelog")
                .query(Integer.class)
                .single();
    }

    /** Ordinary tables in the public schema, sorted by name. */
    List<String> tables() {
        return jdbc.sql("""
                        select table_name from information_schema.tables
                        where table_schema = 'public' and table_type = 'BASE TABLE'
                        order by table_name
                        """).query(String.class).list();
    }

    boolean extensionInstalled(String name) {
        return jdbc.sql("select exists (select 1 from pg_extension where extname = ?)")
                .param(name)
                .query(Boolean.class)
                .single();
    }

    private void run(String[] command, Consumer<CommandScope> arguments) {
        try (Connection connection = dataSource.getConnection()) {
            Database database =
                    DatabaseFactory.getInstance().findCorrectDatabaseImplementation(new JdbcConnection(connection));
            // No anonymous usage reporting from a test run; the changelog is read from the test classpath.
            Map<String, Object> scope = Map.of(
                    Scope.Attr.resourceAccessor.name(),
                    new ClassLoaderResourceAccessor(Changelog.class.getClassLoader()),
                    "liquibase.analytics.enabled",
                    false);
            Scope.child(scope, () -> {
                CommandScope commandScope = new CommandScope(command)
                        .addArgumentValue(DbUrlConnectionArgumentsCommandStep.DATABASE_ARG, database)
                        .addArgumentValue(DatabaseChangelogCommandStep.CHANGELOG_FILE_ARG, MASTER);
                arguments.accept(commandScope);
                commandScope.execute();
            });
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot reach the test database", e);
        } catch (Exception e) {
            throw new IllegalStateException("Liquibase " + String.join(" ", command) + " failed", e);
        }
    }
}
