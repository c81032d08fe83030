package dev.sofia.clinic.migrations;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sofia.clinic.calls.CallMessage;
import dev.sofia.clinic.calls.CallOutcome;
import dev.sofia.clinic.calls.TranscriptLine;
import dev.sofia.clinic.scheduling.AppointmentStatus;
import dev.sofia.clinic.scheduling.BookingSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What the applied changelog leaves in the catalogue: the tables, the constraints that forbid double
 * booking, the foreign keys and the indexes the calendar's queries rely on. Indexes are checked by
 * their columns, so a renamed index still passes and a changed one does not.
 */
class SchemaIntegrationTests {

    private static final Pattern TEXT_LITERAL = Pattern.compile("'([^']*)'::text");

    static EmbeddedPostgres postgres;
    static Changelog changelog;

    @BeforeAll
    static void applyChangelog() throws IOException {
        postgres = EmbeddedPostgres.start();
        changelog = new Changelog(postgres.getPostgresDatabase());
        changelog.update();
    }

    @AfterAll
    static void stopDatabase() throws IOException {
        postgres.close();
    }

    @Test
    void everyApplicationTableExists() {
        assertThat(changelog.tables())
                .containsAll(Changelog.APPLICATION_TABLES)
                .hasSize(Changelog.APPLICATION_TABLES.size() + Changelog.LIQUIBASE_TABLES.size());
    }

    @Test
    void btreeGistIsInstalledForTheExclusionConstraints() {
        assertThat(changelog.extensionInstalled("btree_gist")).isTrue();
    }

    @Test
    void exclusionConstraintsForbidOverlappingAppointmentsAndHolds() {
        Map<String, String> exclusions = changelog
                .jdbc()
                .sql("select conname, conrelid::regclass::text as tbl from pg_constraint where contype = 'x'")
                .query((rs, row) -> Map.entry(rs.getString("conname"), rs.getString("tbl")))
                .list()
                .stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));

        assertThat(exclusions)
                .containsEntry("appointments_no_doctor_overlap", "appointments")
                .containsEntry("appointments_no_chair_overlap", "appointments")
                .containsEntry("slot_holds_no_doctor_overlap", "slot_holds")
                .containsEntry("slot_holds_no_chair_overlap", "slot_holds");
        assertThat(constraintDefinition("appointments_no_doctor_overlap"))
                .contains("gist", "doctor_id WITH =", "WITH &&", "status <> 'cancelled'");
    }

    @Test
    void appointmentsReferenceTheirPatientDoctorAndType() {
        assertThat(foreignKeys("appointments"))
                .containsEntry("patient_id", "patients")
                .containsEntry("doctor_id", "doctors")
                .containsEntry("type_id", "appointment_types")
                .containsEntry("chair_id", "chairs")
                .containsEntry("rescheduled_from", "appointments");
    }

    @Test
    void appointmentsAreIndexedForTheCalendarQueries() {
        assertThat(indexedColumns("appointments"))
                .contains(List.of("starts_at"), List.of("patient_id"), List.of("doctor_id", "starts_at"));
    }

    @Test
    void patientsAreIndexedByPhoneForCallerLookup() {
        assertThat(indexedColumns("patients")).contains(List.of("phone"));
    }

    @Test
    void statusAndSourceChecksAllowExactlyTheApplicationsValues() {
        assertThat(checkedValues("appointments", "status")).isEqualTo(dbValues(AppointmentStatus.values()));
        assertThat(checkedValues("appointments", "source")).isEqualTo(dbValues(BookingSource.values()));
    }

    @Test
    void callRecordChecksAllowExactlyTheApplicationsValues() {
        assertThat(checkedValues("call_sessions", "outcome")).isEqualTo(dbValues(CallOutcome.values()));
        assertThat(checkedValues("call_transcript_lines", "speaker"))
                .isEqualTo(dbValues(TranscriptLine.Speaker.values()));
        assertThat(checkedValues("call_messages", "kind")).isEqualTo(dbValues(CallMessage.Kind.values()));
        assertThat(checkedValues("call_messages", "status")).isEqualTo(dbValues(CallMessage.Status.values()));
    }

    @Test
    void callRecordsReferenceTheirSessionAndPatient() {
        assertThat(foreignKeys("call_sessions")).containsEntry("patient_id", "patients");
        assertThat(foreignKeys("call_transcript_lines")).containsEntry("call_session_id", "call_sessions");
        assertThat(foreignKeys("call_messages"))
                .containsEntry("call_session_id", "call_sessions")
                .containsEntry("patient_id", "patients");
        assertThat(indexedColumns("call_transcript_lines")).contains(List.of("call_session_id", "seq"));
        assertThat(indexedColumns("call_messages")).contains(List.of("status", "created_at"));
    }

    private static String constraintDefinition(String name) {
        return changelog
                .jdbc()
                .sql("select pg_get_constraintdef(oid) from pg_constraint where conname = ?")
                .param(name)
                .query(String.class)
                .single();
    }

    /** Single-column foreign keys of {@code table}: column name to referenced table. */
    private static Map<String, String> foreignKeys(String table) {
        return changelog
                .jdbc()
                .sql("""
                        select a.attname as col, c.confrelid::regclass::text as target
                        from pg_constraint c
                        join pg_attribute a on a.attrelid = c.conrelid and a.attnum = c.conkey[1]
                        where c.contype = 'f' and c.conrelid = ?::regclass and cardinality(c.conkey) = 1
                        """)
                .param(table)
                .query((rs, row) -> Map.entry(rs.getString("col"), rs.getString("target")))
                .list()
                .stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    /** The key columns of every plain-column index on {@code table}, each in index order. */
    private static List<List<String>> indexedColumns(String table) {
        return changelog.jdbc().sql("""
                        select string_agg(a.attname, ',' order by k.ord) as cols
                        from pg_index i
                        cross join lateral unnest(i.indkey::smallint[]) with ordinality as k(attnum, ord)
                        join pg_attribute a on a.attrelid = i.indrelid and a.attnum = k.attnum
                        where i.indrelid = ?::regclass and i.indexprs is null
                        group by i.indexrelid
                        """).param(table).query(String.class).list().stream()
                .map(cols -> List.of(cols.split(",")))
                .toList();
    }

    /** The text literals in the check constraint(s) on {@code table} that mention {@code column}. */
    private static Set<String> checkedValues(String table, String column) {
        List<String> definitions = changelog
                .jdbc()
                .sql("""
                        select pg_get_constraintdef(c.oid) from pg_constraint c
                        join pg_attribute a on a.attrelid = c.conrelid and a.attnum = any (c.conkey)
                        where c.contype = 'c' and c.conrelid = ?::regclass and a.attname = ?
                          and cardinality(c.conkey) = 1
                        """)
                .params(table, column)
                .query(String.class)
                .list();
        assertThat(definitions).as("check constraints on %s.%s", table, column).hasSize(1);
        Matcher literals = TEXT_LITERAL.matcher(definitions.getFirst());
        return literals.results().map(m -> m.group(1)).collect(Collectors.toSet());
    }

    private static Set<String> dbValues(Enum<?>[] values) {
        return Arrays.stream(values).map(v -> v.name().toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
    }
}
