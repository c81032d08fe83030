package dev.sofia.clinic.receptionist;

import dev.sofia.clinic.practice.PracticeCatalog;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The practice's own words for what Sofia says beyond the calendar (table {@code receptionist_texts}):
 * greeting, consent notice, parking, insurance, directions — per language, falling back to German.
 */
@Service
public class ReceptionistTexts {

    /** The texts a practice can set. */
    public enum Topic {
        GREETING,
        CONSENT_NOTICE,
        PARKING,
        INSURANCE,
        DIRECTIONS;

        String dbValue() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private final JdbcClient jdbc;
    private final PracticeCatalog catalog;

    ReceptionistTexts(JdbcClient jdbc, PracticeCatalog catalog) {
        this.jdbc = jdbc;
        this.catalog = catalog;
    }

    /** The practice's text on a topic in this language, else in German, else none. */
    public Optional<String> text(Topic topic, String language) {
        Optional<String> exact = find(topic, language);
        return exact.isPresent() || language.equals("de") ? exact : find(topic, "de");
    }

    /** One text as stored. */
    public record Text(String topic, String language, String text) {}

    /** Every text the practice set, by topic and language. */
    public List<Text> all() {
        return jdbc.sql("select topic, language, text from receptionist_texts order by topic, language")
                .query((rs, n) -> new Text(rs.getString(1), rs.getString(2), rs.getString(3)))
                .list();
    }

    /** Sets (or, with a blank text, removes) one text; {@code language} is de, en or ru. */
    public void save(Topic topic, String language, String text) {
        String lang = language;
        if (text.isBlank()) {
            jdbc.sql("delete from receptionist_texts where topic = ? and language = ?")
                    .params(topic.dbValue(), lang)
                    .update();
            return;
        }
        jdbc.sql("""
                        insert into receptionist_texts (topic, language, text) values (?, ?, ?)
                        on conflict (topic, language) do update set text = excluded.text
                        """).params(topic.dbValue(), lang, text.strip()).update();
    }

    /** The greeting: the practice's own, or "Praxis …, guten Tag! …" in the caller's language. */
    public String greeting(String language) {
        Optional<String> own = find(Topic.GREETING, language);
        if (own.isPresent()) {
            return own.get();
        }
        String practice = catalog.practice().name();
        return switch (language) {
            case "en" -> practice + ", hello! This is Sofia, the practice's digital assistant. How can I help you?";
            case "ru" -> practice + ", здравствуйте! Это Софья, цифровой ассистент клиники. Чем могу помочь?";
            default ->
                practice + ", guten Tag! Hier ist Sofia, die digitale Assistentin der Praxis. "
                        + "Wie kann ich Ihnen helfen?";
        };
    }

    private Optional<String> find(Topic topic, String language) {
        return jdbc.sql("select text from receptionist_texts where topic = ? and language = ?")
                .params(topic.dbValue(), language)
                .query(String.class)
                .optional();
    }
}
