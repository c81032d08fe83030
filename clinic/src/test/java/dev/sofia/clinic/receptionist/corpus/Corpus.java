package dev.sofia.clinic.receptionist.corpus;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Every scenario of the conversation corpus, by topic. */
public final class Corpus {

    private Corpus() {}

    public static List<Scenario> all() {
        List<Scenario> all = new ArrayList<>();
        all.addAll(BookingScenarios.all());
        all.addAll(RescheduleScenarios.all());
        all.addAll(EmergencyScenarios.all());
        all.addAll(SafetyScenarios.all());
        all.addAll(InfoScenarios.all());
        all.addAll(RussianScenarios.all());
        Set<String> names = new HashSet<>();
        for (Scenario scenario : all) {
            if (!names.add(scenario.name())) {
                throw new IllegalStateException("two scenarios are called " + scenario.name());
            }
        }
        return List.copyOf(all);
    }
}
