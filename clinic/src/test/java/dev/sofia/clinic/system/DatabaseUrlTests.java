package dev.sofia.clinic.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class DatabaseUrlTests {

    @Test
    void credentialsAreSplitOutOfThePostgresForm() {
        DatabaseUrl url = DatabaseUrl.parse("postgres://sofia:s3cr%40t@db.example:5433/clinic?sslmode=verify-full");

        assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://db.example:5433/clinic?sslmode=verify-full");
        assertThat(url.user()).contains("sofia");
        assertThat(url.password()).contains("s3cr@t");
        assertThat(url.requiresTls()).isTrue();
    }

    @Test
    void aJdbcUrlKeepsItsParametersButNotItsPassword() {
        DatabaseUrl url = DatabaseUrl.parse("jdbc:postgresql://localhost/sofia?user=app&password=pw&sslmode=disable");

        assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://localhost/sofia?sslmode=disable");
        assertThat(url.password()).contains("pw");
        assertThat(url.requiresTls()).isFalse();
    }

    @Test
    void errorsNeverEchoThePassword() {
        assertThatThrownBy(() -> DatabaseUrl.parse("postgres://u:pa%zzword@host/db"))
                .hasMessageNotContaining("pa%zzword")
                .hasMessageNotContaining("%zz");
        assertThatThrownBy(() -> DatabaseUrl.parse("mysql://u:hunter2@host/db")).hasMessageNotContaining("hunter2");
        assertThatThrownBy(() -> DatabaseUrl.parse("postgres://u:hunter2@host")).hasMessage("has no database name");
    }
}
