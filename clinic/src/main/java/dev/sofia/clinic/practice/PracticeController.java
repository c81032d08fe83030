package dev.sofia.clinic.practice;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The practice, its doctors, chairs and appointment types over HTTP. */
@RestController
@RequestMapping("/api")
@Tag(name = "Practice")
class PracticeController {

    private final PracticeCatalog catalog;
    private final PracticeSettings settings;

    PracticeController(PracticeCatalog catalog, PracticeSettings settings) {
        this.catalog = catalog;
        this.settings = settings;
    }

    @GetMapping("/practice")
    @Operation(
            summary = "The practice: address, time zone, opening hours, languages, transfer numbers, call limits",
            description = "Always includes maxCallMinutes (the longest a call with Sofia may last) and"
                    + " maxConcurrentCalls (how many calls Sofia answers at once for the practice).")
    PracticeView practice() {
        return PracticeView.of(catalog.practice());
    }

    @PutMapping("/practice")
    @Operation(
            summary = "Replace the practice settings",
            description = "Replaces the settings whole, except maxCallMinutes (1-120) and maxConcurrentCalls"
                    + " (1-500): either may be left out to keep its current value (15 and 10 until set)."
                    + " A changed maxCallMinutes is synced to the practice's inbound SIP trunks at once"
                    + " (as their maximum call duration, plus one minute of grace).")
    PracticeView updatePractice(@Valid @RequestBody PracticeView body) {
        settings.save(body.toPractice(catalog.callLimits()));
        return PracticeView.of(catalog.practice());
    }

    @GetMapping("/doctors")
    @Operation(summary = "Dentists and hygienists")
    List<Doctor> doctors() {
        return catalog.doctors();
    }

    @GetMapping("/chairs")
    @Operation(summary = "Chairs and treatment rooms")
    List<Chair> chairs() {
        return catalog.chairs();
    }

    @GetMapping("/appointment-types")
    @Operation(summary = "Appointment types with durations, rules and who performs them")
    List<TypeView> appointmentTypes() {
        return catalog.appointmentTypes().stream().map(TypeView::of).toList();
    }

    record PracticeView(
            @NotBlank @Size(max = 200) String name,
            @NotNull @Valid AddressView address,
            @NotBlank @Size(max = 40) String phone,
            @NotBlank @Size(max = 64) String timeZone,

            @NotNull @Size(min = 1, max = 3)
            List<@Pattern(regexp = "de|en|ru", message = "must be de, en or ru") String> languages,

            @Size(max = 40) String transferMain,
            @Size(max = 40) String transferEmergency,
            @NotNull @Min(5) @Max(120) Integer slotIntervalMinutes,
            @NotNull @Min(30) @Max(3600) Integer holdTtlSeconds,

            @Schema(description = "The longest a call with Sofia may last, in minutes; left out on PUT: unchanged")
            @Min(CallLimits.MIN_CALL_MINUTES)
            @Max(CallLimits.MAX_CALL_MINUTES)
            Integer maxCallMinutes,

            @Schema(description = "How many calls Sofia answers at once for the practice; left out on PUT: unchanged")
            @Min(CallLimits.MIN_CONCURRENT_CALLS)
            @Max(CallLimits.MAX_CONCURRENT_CALLS)
            Integer maxConcurrentCalls,

            @NotNull @Size(max = 21) List<@Valid @NotNull HoursView> openingHours) {

        static PracticeView of(Practice p) {
            return new PracticeView(
                    p.name(),
                    new AddressView(
                            p.address().street(),
                            p.address().postalCode(),
                            p.address().city(),
                            p.address().country()),
                    p.phone(),
                    p.timeZone().getId(),
                    p.languages(),
                    p.transferNumbers().main(),
                    p.transferNumbers().emergency(),
                    (int) p.slotInterval().toMinutes(),
                    (int) p.holdTtl().toSeconds(),
                    p.callLimits().maxCallMinutes(),
                    p.callLimits().maxConcurrentCalls(),
                    p.openingHours().stream()
                            .map(h -> new HoursView(h.day(), h.opens(), h.closes()))
                            .toList());
        }

        /** The practice as sent; a call limit left out keeps its value in {@code current}. */
        Practice toPractice(CallLimits current) {
            return new Practice(
                    name,
                    new Practice.Address(address.street(), address.postalCode(), address.city(), address.country()),
                    phone,
                    PracticeSettings.zone(timeZone, "timeZone"),
                    languages,
                    new Practice.TransferNumbers(transferMain, transferEmergency),
                    Duration.ofMinutes(slotIntervalMinutes),
                    Duration.ofSeconds(holdTtlSeconds),
                    CallLimits.of(
                            maxCallMinutes != null ? maxCallMinutes : current.maxCallMinutes(),
                            maxConcurrentCalls != null ? maxConcurrentCalls : current.maxConcurrentCalls()),
                    openingHours.stream()
                            .map(h -> new OpeningHours(h.day(), h.opens(), h.closes()))
                            .toList());
        }
    }

    record AddressView(
            @NotNull @Size(max = 200) String street,
            @NotNull @Size(max = 20) String postalCode,
            @NotNull @Size(max = 100) String city,

            @NotNull @Pattern(regexp = "[A-Z]{2}", message = "must be an ISO 3166 country code such as DE")
            String country) {}

    record HoursView(
            @NotNull DayOfWeek day,
            @NotNull LocalTime opens,
            @NotNull LocalTime closes) {}

    record TypeView(
            UUID id,
            String code,
            AppointmentType.LocalizedName name,
            long durationMinutes,
            long bufferMinutes,
            boolean newPatientsAllowed,
            boolean emergency,
            long minimumNoticeMinutes,
            int horizonDays,
            List<UUID> doctorIds,
            List<UUID> chairIds) {

        static TypeView of(AppointmentType t) {
            return new TypeView(
                    t.id().value(),
                    t.code(),
                    t.name(),
                    t.duration().toMinutes(),
                    t.buffer().toMinutes(),
                    t.newPatientsAllowed(),
                    t.emergency(),
                    t.minimumNotice().toMinutes(),
                    t.horizonDays(),
                    t.doctors().stream().map(DoctorId::value).sorted().toList(),
                    t.chairs().stream().map(ChairId::value).sorted().toList());
        }
    }
}
