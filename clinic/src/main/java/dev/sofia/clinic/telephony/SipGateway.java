package dev.sofia.clinic.telephony;

import dev.sofia.clinic.livekit.LiveKitCallException;
import dev.sofia.clinic.livekit.LiveKitClients;
import dev.sofia.clinic.livekit.SipTrunkClient;
import io.livekit.server.CreateSipDispatchRuleOptions;
import io.livekit.server.CreateSipOutboundTrunkOptions;
import io.livekit.server.SipDispatchRuleIndividual;
import io.livekit.server.SipServiceClient;
import io.livekit.server.UpdateSipDispatchRuleOptions;
import io.livekit.server.UpdateSipOutboundTrunkOptions;
import java.util.List;
import livekit.LivekitSip.SIPDispatchRuleInfo;
import livekit.LivekitSip.SIPInboundTrunkInfo;
import livekit.LivekitSip.SIPOutboundTrunkInfo;
import org.springframework.stereotype.Component;

/**
 * LiveKit's SIP trunks and dispatch rules, through the SDK's {@link SipServiceClient}, and its
 * {@link SipTrunkClient} for inbound trunks (written whole, with their maximum call duration). Every
 * failure is a {@link LiveKitCallException}. A dispatch rule is never created or updated without
 * trunk ids: a rule without them answers calls arriving on every trunk, including ones Sofia does
 * not manage.
 */
@Component
class SipGateway {

    private final LiveKitClients clients;
    private final SipTrunkClient trunks;

    SipGateway(LiveKitClients clients, SipTrunkClient trunks) {
        this.clients = clients;
        this.trunks = trunks;
    }

    private SipServiceClient sip() {
        return clients.sip();
    }

    /** Everything LiveKit holds, managed or not. */
    Listing list() {
        return new Listing(
                LiveKitClients.require("list SIP inbound trunks", sip().listSipInboundTrunk()),
                LiveKitClients.require("list SIP outbound trunks", sip().listSipOutboundTrunk()),
                LiveKitClients.require("list SIP dispatch rules", sip().listSipDispatchRule()));
    }

    record Listing(
            List<SIPInboundTrunkInfo> inbound, List<SIPOutboundTrunkInfo> outbound, List<SIPDispatchRuleInfo> rules) {}

    /** Creates the trunk whole: the SDK's options cannot carry its maximum call duration. */
    SIPInboundTrunkInfo createInbound(SipSpecs.InboundTrunkSpec spec) {
        return LiveKitClients.require("create SIP inbound trunk", trunks.createInboundTrunk(spec.info()));
    }

    /**
     * Replaces the trunk with itself with Sofia's fields as the spec wants them, keeping its id (and
     * so the dispatch rules that name it). Whole, because the SDK's update can neither set the
     * maximum call duration nor empty a list.
     */
    SIPInboundTrunkInfo updateInbound(SIPInboundTrunkInfo existing, SipSpecs.InboundTrunkSpec spec) {
        return LiveKitClients.require(
                "update SIP inbound trunk",
                trunks.replaceInboundTrunk(existing.getSipTrunkId(), spec.replacing(existing)));
    }

    SIPOutboundTrunkInfo createOutbound(SipSpecs.OutboundTrunkSpec spec) {
        CreateSipOutboundTrunkOptions options = new CreateSipOutboundTrunkOptions();
        options.setMetadata(spec.metadata());
        options.setTransport(spec.transport());
        if (!spec.username().isEmpty()) {
            options.setAuthUsername(spec.username());
            options.setAuthPassword(spec.password());
        }
        return LiveKitClients.require(
                "create SIP outbound trunk",
                sip().createSipOutboundTrunk(spec.name(), spec.address(), spec.numbers(), options));
    }

    SIPOutboundTrunkInfo updateOutbound(
            String trunkId, SipSpecs.OutboundTrunkSpec spec, List<SipSpecs.FieldDiff> diffs) {
        UpdateSipOutboundTrunkOptions options = new UpdateSipOutboundTrunkOptions();
        for (SipSpecs.FieldDiff diff : diffs) {
            switch (diff.field()) {
                case "address" -> options.setAddress(spec.address());
                case "transport" -> options.setTransport(spec.transport());
                case "numbers" -> options.setNumbers(spec.numbers());
                case "authUsername" -> options.setAuthUsername(spec.username());
                case "authPassword" -> options.setAuthPassword(spec.password());
                case "metadata" -> options.setMetadata(spec.metadata());
                default ->
                    throw new IllegalStateException("outbound trunk field " + diff.field() + " is not updatable");
            }
        }
        return LiveKitClients.require("update SIP outbound trunk", sip().updateSipOutboundTrunk(trunkId, options));
    }

    void deleteTrunk(String trunkId) {
        try {
            LiveKitClients.execute("delete SIP trunk", sip().deleteSipTrunk(trunkId));
        } catch (LiveKitCallException e) {
            if (!e.notFound()) {
                throw e;
            }
        }
    }

    /**
     * Creates the rule, scoped to {@code trunkIds}.
     *
     * @throws IllegalArgumentException when {@code trunkIds} is empty or has a blank id
     */
    SIPDispatchRuleInfo createRule(SipSpecs.DispatchRuleSpec spec, List<String> trunkIds) {
        requireTrunkIds(trunkIds);
        CreateSipDispatchRuleOptions options = new CreateSipDispatchRuleOptions();
        options.setName(spec.name());
        options.setMetadata(spec.metadata());
        options.setTrunkIds(List.copyOf(trunkIds));
        options.setHidePhoneNumber(false);
        options.setAttributes(spec.attributes());
        options.setRoomConfig(spec.roomConfig());
        return LiveKitClients.require(
                "create SIP dispatch rule",
                sip().createSipDispatchRule(new SipDispatchRuleIndividual(SipSpecs.ROOM_PREFIX, null), options));
    }

    SIPDispatchRuleInfo updateRule(
            String ruleId, SipSpecs.DispatchRuleSpec spec, List<String> trunkIds, List<SipSpecs.FieldDiff> diffs) {
        requireTrunkIds(trunkIds);
        UpdateSipDispatchRuleOptions options = new UpdateSipDispatchRuleOptions();
        for (SipSpecs.FieldDiff diff : diffs) {
            switch (diff.field()) {
                case "rule" -> options.setRule(new SipDispatchRuleIndividual(SipSpecs.ROOM_PREFIX, null));
                case "trunkIds" -> options.setTrunkIds(List.copyOf(trunkIds));
                case "metadata" -> options.setMetadata(spec.metadata());
                default -> throw new IllegalStateException("dispatch rule field " + diff.field() + " is not updatable");
            }
        }
        return LiveKitClients.require("update SIP dispatch rule", sip().updateSipDispatchRule(ruleId, options));
    }

    void deleteRule(String ruleId) {
        try {
            LiveKitClients.execute("delete SIP dispatch rule", sip().deleteSipDispatchRule(ruleId));
        } catch (LiveKitCallException e) {
            if (!e.notFound()) {
                throw e;
            }
        }
    }

    private static void requireTrunkIds(List<String> trunkIds) {
        if (trunkIds.isEmpty() || trunkIds.stream().anyMatch(id -> id == null || id.isBlank())) {
            throw new IllegalArgumentException("Refusing a SIP dispatch rule without trunk ids: it would answer calls"
                    + " on every trunk in LiveKit, including trunks Sofia does not manage");
        }
    }
}
