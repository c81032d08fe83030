package dev.sofia.clinic.console.people;

import dev.sofia.clinic.calls.CallChannel;
import dev.sofia.clinic.calls.CallOutcome;
import dev.sofia.clinic.calls.CallRecords;
import dev.sofia.clinic.calls.CallSession;
import dev.sofia.clinic.calls.CallSessions;
import dev.sofia.clinic.calls.TranscriptLine;
import dev.sofia.clinic.system.ProblemException;
import dev.sofia.clinic.telephony.CallControl;
import dev.sofia.clinic.telephony.TransferTargets;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The calls in progress, refreshed in place by htmx, and what staff can do with one: take a phone
 * call over (transfer it to the practice's main line), hang it up, or end a web call. Each action
 * is asked for on a page of its own first, so nothing is ended by a stray click or key press.
 *
 * <p>The actions use {@link CallControl}, the service behind {@code /api/telephony/calls}. That API
 * is for admins (it takes any room name and any configured target); here front-desk staff may act
 * only on a call the console lists as in progress, and transfer only to the main line.
 */
@Controller
@RequestMapping("/console/live")
class LivePages {

    /** How many of the latest transcript lines a live call shows. */
    static final int LATEST_LINES = 6;

    /** The most calls in progress the page lists (a practice has a handful of lines). */
    private static final int MAX_LIVE = 100;

    private static final Logger log = LoggerFactory.getLogger(LivePages.class);

    private final CallSessions sessions;
    private final CallRecords records;
    private final CallControl control;
    private final TransferTargets targets;
    private final CallRows rows;
    private final PeopleFormat format;
    private final PeopleTexts texts;

    LivePages(
            CallSessions sessions,
            CallRecords records,
            CallControl control,
            TransferTargets targets,
            CallRows rows,
            PeopleFormat format,
            PeopleTexts texts) {
        this.sessions = sessions;
        this.records = records;
        this.control = control;
        this.targets = targets;
        this.rows = rows;
        this.format = format;
        this.texts = texts;
    }

    /** A call in progress with the latest of its transcript. */
    record LiveCall(CallRow call, String since, List<CallPages.Line> latest, boolean phone) {}

    /** What staff may do with a live call; {@code path} is its part of the address. */
    enum Action {
        TAKE_OVER("take-over", CallChannel.PHONE),
        HANG_UP("hang-up", CallChannel.PHONE),
        END("end", CallChannel.WEB);

        final String path;
        final CallChannel channel;

        Action(String path, CallChannel channel) {
            this.path = path;
            this.channel = channel;
        }

        static Action of(String path) {
            for (Action a : values()) {
                if (a.path.equals(path)) {
                    return a;
                }
            }
            throw new PageNotFound();
        }
    }

    @GetMapping
    String live(Model model) {
        List<CallSession> open = sessions.inProgress(MAX_LIVE);
        List<CallRow> callRows = rows.of(open);
        List<LiveCall> live = new ArrayList<>();
        for (int i = 0; i < open.size(); i++) {
            CallSession s = open.get(i);
            List<TranscriptLine> lines = records.transcript(s.id());
            live.add(new LiveCall(
                    callRows.get(i),
                    format.time(s.answeredAt() != null ? s.answeredAt() : s.createdAt()),
                    lines.subList(Math.max(0, lines.size() - LATEST_LINES), lines.size()).stream()
                            .map(l -> new CallPages.Line(l.speaker().dbValue(), format.time(l.spokenAt()), l.text()))
                            .toList(),
                    s.channel() == CallChannel.PHONE));
        }
        model.addAttribute("live", live);
        model.addAttribute("mainLine", targets.ofKind("main").orElse(null));
        model.addAttribute("checked", format.time(format.now()));
        return "console/people/live";
    }

    /** Asks before acting: the page names the call and the action, with a button and a way back. */
    @GetMapping("/{id}/{action}")
    String confirm(@PathVariable String id, @PathVariable String action, Model model) {
        Action what = Action.of(action);
        CallSession call = liveCall(id, what);
        model.addAttribute("call", rows.of(call));
        model.addAttribute("action", what.path);
        model.addAttribute("mainLine", targets.ofKind("main").orElse(null));
        return "console/people/live-confirm";
    }

    @PostMapping("/{id}/{action}")
    String act(@PathVariable String id, @PathVariable String action, RedirectAttributes flash) {
        Action what = Action.of(action);
        CallSession call = liveCall(id, what);
        if (call.status().terminal()) {
            flash.addFlashAttribute("problem", texts.get("people.live.problem.ended"));
            return "redirect:/console/live";
        }
        try {
            switch (what) {
                case TAKE_OVER -> {
                    CallControl.Transfer transfer = control.transfer(call.roomName(), "main");
                    // As the receptionist's own transfer does: the call's outcome says a person took it.
                    records.recordOutcome(call.id(), CallOutcome.TRANSFERRED, null);
                    flash.addFlashAttribute("notice", texts.get("people.live.done.take-over", transfer.label()));
                }
                case HANG_UP -> {
                    control.hangUp(call.roomName());
                    flash.addFlashAttribute("notice", texts.get("people.live.done.hang-up"));
                }
                case END -> {
                    control.endCall(call.roomName());
                    flash.addFlashAttribute("notice", texts.get("people.live.done.end"));
                }
            }
        } catch (ProblemException e) {
            log.info("Console {} of call {} refused: {}", what.path, call.id(), e.type());
            flash.addFlashAttribute("problem", texts.problem(e));
        }
        return "redirect:/console/live";
    }

    /** The call, if it exists and the action fits its channel; an ended one is reported by {@link #act}. */
    private CallSession liveCall(String id, Action what) {
        CallSession call = PageNotFound.orNotFound(sessions.find(PageNotFound.id(id)));
        if (call.channel() != what.channel) {
            throw new PageNotFound();
        }
        return call;
    }
}
