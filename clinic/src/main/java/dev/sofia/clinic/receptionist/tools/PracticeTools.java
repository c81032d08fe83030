package dev.sofia.clinic.receptionist.tools;

import dev.sofia.agents.tools.Tool;
import dev.sofia.clinic.calls.CallOutcome;
import dev.sofia.clinic.practice.AppointmentType;
import dev.sofia.clinic.practice.Doctor;
import dev.sofia.clinic.practice.Practice;
import dev.sofia.clinic.receptionist.ReceptionistCall;
import dev.sofia.clinic.receptionist.ReceptionistServices;
import dev.sofia.clinic.receptionist.ReceptionistTexts;
import java.time.format.TextStyle;
import java.util.stream.Collectors;

/**
 * What the practice is like: opening hours, address, parking, insurance, treatments and team — from
 * the practice's settings and texts only. Prices are never quoted: they depend on the findings.
 */
public final class PracticeTools {

    /** What a caller may ask about the practice. */
    public enum Topic {
        HOURS,
        ADDRESS,
        PARKING,
        INSURANCE,
        SERVICES,
        TEAM,
        PRICES
    }

    private final ReceptionistServices services;
    private final ReceptionistCall call;
    private final Outcomes outcomes;

    public PracticeTools(ReceptionistServices services, ReceptionistCall call) {
        this.services = services;
        this.call = call;
        this.outcomes = new Outcomes(services, call);
    }

    @Tool("Tells facts about the practice: opening hours, address, parking, insurance, services (treatments), "
            + "team, prices. Answer such questions only from this.")
    public ToolReplies.Answer practiceInfo(Topic topic) {
        String language = call.language();
        Practice practice = services.catalog().practice();
        String text = switch (topic) {
            case HOURS -> hours(practice, language);
            case ADDRESS ->
                practice.name() + ", " + practice.address().street() + ", "
                        + practice.address().postalCode() + " "
                        + practice.address().city()
                        + services.texts()
                                .text(ReceptionistTexts.Topic.DIRECTIONS, language)
                                .map(d -> ". " + d)
                                .orElse("");
            case PARKING ->
                services.texts().text(ReceptionistTexts.Topic.PARKING, language).orElse(unknown(language));
            case INSURANCE ->
                services.texts()
                        .text(ReceptionistTexts.Topic.INSURANCE, language)
                        .orElse(unknown(language));
            case SERVICES ->
                services.catalog().appointmentTypes().stream()
                        .filter(AppointmentType::active)
                        .map(t -> t.name().in(language))
                        .collect(Collectors.joining(", "));
            case TEAM ->
                services.catalog().doctors().stream()
                        .filter(Doctor::active)
                        .map(Doctor::displayName)
                        .collect(Collectors.joining(", "));
            case PRICES ->
                switch (language) {
                    case "en" ->
                        "Costs depend on the findings; the practice explains them at the appointment. "
                                + "Sofia gives no prices.";
                    case "ru" ->
                        "Стоимость зависит от результатов осмотра; её объяснят на приёме. Цены по телефону не называются.";
                    default ->
                        "Die Kosten hängen vom Befund ab und werden in der Praxis besprochen. "
                                + "Sofia nennt keine Preise.";
                };
        };
        outcomes.record(CallOutcome.INFO, "Auskunft: " + topic.name().toLowerCase(java.util.Locale.ROOT));
        return new ToolReplies.Answer(topic.name().toLowerCase(java.util.Locale.ROOT), text);
    }

    private static String hours(Practice practice, String language) {
        if (practice.openingHours().isEmpty()) {
            return unknown(language);
        }
        return practice.openingHours().stream()
                .map(h -> h.day().getDisplayName(TextStyle.FULL, Spoken.locale(language)) + " "
                        + Spoken.time(h.opens(), language) + "–" + Spoken.time(h.closes(), language))
                .collect(Collectors.joining("; "));
    }

    private static String unknown(String language) {
        return switch (language) {
            case "en" -> "Sofia has no information on that; the practice team can tell.";
            case "ru" -> "У Софьи нет этой информации; сотрудники клиники подскажут.";
            default -> "Dazu liegt Sofia keine Information vor; das Praxisteam kann Auskunft geben.";
        };
    }
}
