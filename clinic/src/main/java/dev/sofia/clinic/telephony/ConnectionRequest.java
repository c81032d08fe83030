package dev.sofia.clinic.telephony;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A connection as staff enter it (create, or replace on update). On update a password left out
 * (null) keeps the stored one; an empty password removes it.
 */
public record ConnectionRequest(
        @Nullable String name,
        @Nullable String carrier,
        @Nullable Inbound inbound,
        @Nullable Outbound outbound) {

    /**
     * @param allowedAddresses the carrier's source IPs or CIDRs
     * @param username digest username the carrier authenticates with
     * @param password its password (write-only)
     */
    public record Inbound(
            @Nullable List<String> allowedAddresses,
            @Nullable String username,
            @Nullable String password) {
        @Override
        public String toString() {
            return "Inbound[allowedAddresses=" + allowedAddresses + ", username=" + username + ", password="
                    + (password == null ? "null" : "***") + "]";
        }
    }

    /**
     * @param address {@code host[:port]} of the carrier's SIP endpoint
     * @param transport udp (default), tcp or tls
     */
    public record Outbound(
            @Nullable String address,
            @Nullable String transport,
            @Nullable String username,
            @Nullable String password) {
        @Override
        public String toString() {
            return "Outbound[address=" + address + ", transport=" + transport + ", username=" + username + ", password="
                    + (password == null ? "null" : "***") + "]";
        }
    }
}
