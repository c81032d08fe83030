package dev.sofia.clinic.telephony;

import dev.sofia.clinic.practice.CallLimitsChanged;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Syncs LiveKit once a change of the practice's call limits is committed: every inbound trunk
 * carries the longest call (plus a minute) as its maximum call duration. Like the telephony
 * endpoints, the change stands whatever LiveKit says; a failure leaves the connections
 * {@code pending} for the next sync.
 */
@Component
class CallLimitsSync {

    private final TelephonySync sync;

    CallLimitsSync(TelephonySync sync) {
        this.sync = sync;
    }

    // After the commit, outside any transaction (as after an API change): the sync's own status
    // writes must commit on their own, not join the finished transaction's connection.
    @TransactionalEventListener
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    void callLimitsChanged(CallLimitsChanged event) {
        sync.syncAfterChange();
    }
}
