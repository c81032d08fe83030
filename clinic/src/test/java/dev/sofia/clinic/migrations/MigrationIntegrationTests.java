package dev.sofia.clinic.migrations;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The real master changelog on a fresh PostgreSQL, without Spring: it applies, every changeset's
 * rollback undoes it completely, and it applies again on the emptied database.
 */
class MigrationIntegrationTests {

    static EmbeddedPostgres postgres;
    static Changelog changelog;

    @BeforeAll
    static void startDatabase() throws IOException {
        postgres = EmbeddedPostgres.start();
        changelog = new Changelog(postgres.getPostgresDatabase());
    }

    @AfterAll
    static void stopDatabase() throws IOException {
        postgres.close();
    }

    @Test
    void theChangelogAppliesRollsBackCompletelyAndAppliesAgain() {
        changelog.update();
        assertThat(changelog.tables()).containsExactlyInAnyOrderElementsOf(allTables());
        assertThat(changelog.extensionInstalled("btree_gist")).isTrue();
        int applied = changelog.appliedChangesets();
        assertThat(applied).isPositive();

        changelog.rollbackAll();
        assertThat(changelog.tables()).containsExactlyInAnyOrderElementsOf(Changelog.LIQUIBASE_TABLES);
        assertThat(changelog.appliedChangesets()).isZero();
        assertThat(changelog.extensionInstalled("btree_gist")).isFalse();
        assertThat(leftoverRelations()).isEmpty();

        changelog.update();
        assertThat(changelog.tables()).containsExactlyInAnyOrderElementsOf(allTables());
        assertThat(changelog.extensionInstalled("btree_gist")).isTrue();
        assertThat(changelog.appliedChangesets()).isEqualTo(applied);
    }

    @Test
    void applyingAnUpToDateDatabaseChangesNothing() {
        changelog.update();
        int applied = changelog.appliedChangesets();
        List<String> tables = changelog.tables();

        changelog.update();

        assertThat(changelog.appliedChangesets()).isEqualTo(applied);
        assertThat(changelog.tables()).isEqualTo(tables);
    }

    private static List<String> allTables() {
        List<String> all = new ArrayList<>(Changelog.APPLICATION_TABLES);
        all.addAll(Changelog.LIQUIBASE_TABLES);
        return all;
    }

    /** Sequences, views and types a rollback might have forgotten (tables are checked by name). */
    private static List<String> leftoverRelations() {
        return changelog.jdbc().sql("""
                        select c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace
                        where n.nspname = 'public' and c.relkind in ('S', 'v', 'm', 'c')
                        union all
                        select t.typname from pg_type t join pg_namespace n on n.oid = t.typnamespace
                        where n.nspname = 'public' and t.typtype in ('e', 'd', 'r')
                        """).query(String.class).list();
    }
}
