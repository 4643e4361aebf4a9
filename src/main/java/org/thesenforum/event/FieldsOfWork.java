package org.thesenforum.event;

import java.util.List;
import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;

/** The configured fields of work (Praxis, Verwaltung, ...) people register with, and their labels. */
@ApplicationScoped
public class FieldsOfWork {

    /** A field of work as a form offers it. */
    public record Field(String key, String label) {
    }

    private final EventConfig config;

    FieldsOfWork(EventConfig config) {
        this.config = config;
    }

    public List<String> keys() {
        return config.fieldsOfWork().stream().map(String::trim).filter(k -> !k.isEmpty()).toList();
    }

    public boolean contains(String key) {
        return key != null && keys().contains(key);
    }

    /** The label of {@code key} in the reader's language; the key itself when none is configured. */
    public String label(String key, Locale locale) {
        EventConfig.Label label = config.fieldLabels().get(key);
        if (label == null) {
            return key;
        }
        return "en".equals(locale.getLanguage()) ? label.en() : label.de();
    }

    public List<Field> fields(Locale locale) {
        return keys().stream().map(k -> new Field(k, label(k, locale))).toList();
    }
}
