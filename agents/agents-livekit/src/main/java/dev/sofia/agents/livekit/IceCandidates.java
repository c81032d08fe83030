package dev.sofia.agents.livekit;

import dev.onvoid.webrtc.RTCIceCandidate;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * LiveKit's trickle message carries each candidate as the JSON of a browser's
 * {@code RTCIceCandidateInit}: {@code candidate}, {@code sdpMid}, {@code sdpMLineIndex},
 * {@code usernameFragment}. This converts between that JSON and webrtc-java's candidate.
 */
final class IceCandidates {

    private IceCandidates() {}

    static String toJson(RTCIceCandidate candidate) {
        Map<String, Object> init = new LinkedHashMap<>();
        init.put("candidate", candidate.sdp);
        init.put("sdpMid", candidate.sdpMid);
        init.put("sdpMLineIndex", candidate.sdpMLineIndex);
        // libwebrtc does not expose the ufrag per candidate here; null is what browsers send too.
        init.put("usernameFragment", null);
        return JsonMapper.shared().writeValueAsString(init);
    }

    static RTCIceCandidate fromJson(String json) {
        JsonNode init = JsonMapper.shared().readTree(json);
        String candidate = init.path("candidate").asString("");
        JsonNode mid = init.path("sdpMid");
        String sdpMid = mid.isNull() || mid.isMissingNode() ? "" : mid.asString();
        int sdpMLineIndex = init.path("sdpMLineIndex").asInt(0);
        return new RTCIceCandidate(sdpMid, sdpMLineIndex, candidate);
    }
}
