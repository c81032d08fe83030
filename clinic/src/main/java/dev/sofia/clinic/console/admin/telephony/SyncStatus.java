package dev.sofia.clinic.console.admin.telephony;

import dev.sofia.clinic.telephony.CallRoutes;
import dev.sofia.clinic.telephony.DriftReport;
import dev.sofia.clinic.telephony.PhoneNumberEntry;
import dev.sofia.clinic.telephony.SyncReport;
import dev.sofia.clinic.telephony.TelephonyConnection;
import dev.sofia.clinic.telephony.TelephonySync;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The telephony page's view of {@link TelephonySync}: runs a sync without letting a failure
 * become an error page (the database change before it stands either way, as in the API), and
 * reads the drift report with LiveKit's object names ({@code sofia:number:<id>}) turned into what
 * staff know: the number, the connection's name.
 */
@Component
class SyncStatus {

    private static final Logger log = LoggerFactory.getLogger(SyncStatus.class);

    private final TelephonySync sync;

    SyncStatus(TelephonySync sync) {
        this.sync = sync;
    }

    /** A sync's outcome as the page shows it. */
    record Outcome(
            boolean synced,
            Instant startedAt,
            List<SyncReport.Change> changes,
            List<SyncReport.Failure> failures,
            @Nullable String error) {}

    /** Syncs now; never throws (an unexpected failure is logged and shown as a failed sync). */
    Outcome syncNow() {
        try {
            SyncReport report = sync.sync();
            return new Outcome(
                    report.status().equals("synced"),
                    report.startedAt(),
                    report.changes(),
                    report.failures(),
                    report.error());
        } catch (RuntimeException e) {
            log.error("Telephony sync from the console failed unexpectedly", e);
            return new Outcome(
                    false, Instant.now(), List.of(), List.of(), "The sync failed unexpectedly; see the server log");
        }
    }

    /** The drift report; a failure to read it is shown as LiveKit's error. */
    DriftReport drift() {
        try {
            return sync.drift();
        } catch (RuntimeException e) {
            log.error("Reading the telephony drift failed unexpectedly", e);
            return new DriftReport(
                    false, Instant.now(), "The check failed unexpectedly; see the server log", List.of(), List.of());
        }
    }

    /** Readable names for LiveKit's {@code sofia:…} object names. */
    static Map<String, String> labels(
            List<TelephonyConnection> connections, List<PhoneNumberEntry> numbers, List<CallRoutes.CallRoute> routes) {
        Map<String, String> labels = new HashMap<>();
        connections.forEach(c -> labels.put("sofia:connection:" + c.id(), c.name()));
        numbers.forEach(n -> labels.put("sofia:number:" + n.id(), n.number()));
        routes.forEach(r -> labels.put("sofia:route:" + r.id(), r.number()));
        return labels;
    }
}
