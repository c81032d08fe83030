package dev.sofia.clinic.telephony;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TransfersUnderWayTests {

    private final TransfersUnderWay transfers = new TransfersUnderWay();

    @Test
    void aCallIsTransferredOnceAndAgainOnlyAfterAFailure() {
        assertThat(transfers.start("call-a")).isTrue();
        assertThat(transfers.start("call-a"))
                .as("second REFER for the same call")
                .isFalse();
        assertThat(transfers.start("call-b")).as("another call").isTrue();

        transfers.failed("call-a");
        assertThat(transfers.start("call-a")).as("after a failed transfer").isTrue();
    }
}
