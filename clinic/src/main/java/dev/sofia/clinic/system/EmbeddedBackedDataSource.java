package dev.sofia.clinic.system;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;

/** A pool over the embedded PostgreSQL that stops the database after the pool is closed. */
final class EmbeddedBackedDataSource extends HikariDataSource {

    private final transient EmbeddedPostgres postgres;

    EmbeddedBackedDataSource(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    @Override
    public void close() {
        super.close();
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
