package dev.sofia.clinic.livekit;

import io.livekit.server.SIPAdmin;
import io.livekit.server.ServiceClientBase;
import io.livekit.server.SipService;
import io.livekit.server.SipServiceClient;
import java.util.List;
import java.util.concurrent.TimeUnit;
import livekit.LivekitSip.CreateSIPInboundTrunkRequest;
import livekit.LivekitSip.SIPInboundTrunkInfo;
import livekit.LivekitSip.UpdateSIPInboundTrunkRequest;
import retrofit2.Call;

/**
 * Inbound SIP trunks written whole, through the SDK's own {@link SipService} and authorisation.
 * The SDK's {@link SipServiceClient} builds the trunk from a fixed set of options that leaves out
 * fields Sofia sets, such as the maximum call duration; LiveKit's API takes the whole trunk on
 * create, and a whole trunk replacing the stored one on update (same id).
 */
public final class SipTrunkClient extends ServiceClientBase {

    /** How long each call's token is valid, as the SDK's own clients use. */
    private static final long TOKEN_TTL_MILLIS = TimeUnit.MINUTES.toMillis(10);

    private final SipService service;

    SipTrunkClient(SipService service, String apiKey, String secret) {
        super(apiKey, secret, TOKEN_TTL_MILLIS);
        this.service = service;
    }

    /** Creates the trunk as given (its id left empty). */
    public Call<SIPInboundTrunkInfo> createInboundTrunk(SIPInboundTrunkInfo trunk) {
        return service.createSipInboundTrunk(
                CreateSIPInboundTrunkRequest.newBuilder().setTrunk(trunk).build(), auth());
    }

    /** Replaces every field of trunk {@code trunkId} with {@code trunk}'s; the id stays. */
    public Call<SIPInboundTrunkInfo> replaceInboundTrunk(String trunkId, SIPInboundTrunkInfo trunk) {
        return service.updateSipInboundTrunk(
                UpdateSIPInboundTrunkRequest.newBuilder()
                        .setSipTrunkId(trunkId)
                        .setReplace(trunk)
                        .build(),
                auth());
    }

    private String auth() {
        return authHeader(List.of(), List.of(new SIPAdmin(true)));
    }
}
