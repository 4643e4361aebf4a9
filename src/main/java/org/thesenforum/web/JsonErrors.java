package org.thesenforum.web;

import java.util.Arrays;
import java.util.Collection;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.PropertyBindingException;

/** Says in German what is wrong with a refused JSON body, and names the field at fault where there is one. */
final class JsonErrors {

    private static final Pattern DUPLICATE = Pattern.compile("Duplicate field '([^']*)'");

    /** The offending field (or null) and a German sentence for people. */
    record Fault(String field, String detail) {
    }

    private JsonErrors() {
    }

    static Fault of(JsonProcessingException e) {
        String duplicate = duplicateField(e);
        if (duplicate != null) {
            return new Fault(duplicate, "Das Feld „" + duplicate + "“ kommt mehrfach vor.");
        }
        String field = path(e);
        if (field == null) {
            boolean trailing = e instanceof MismatchedInputException && e.getOriginalMessage() != null
                    && e.getOriginalMessage().startsWith("Trailing token");
            return new Fault(null, trailing ? "Nach dem JSON-Wert folgt weiterer Inhalt."
                    : "Das JSON der Anfrage ist fehlerhaft.");
        }
        if (e instanceof PropertyBindingException) {
            return new Fault(field, "Das Feld „" + field + "“ ist unbekannt.");
        }
        if (e instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
            return new Fault(field, "Das Feld „" + field + "“ erwartet " + expected(mismatch.getTargetType()) + ".");
        }
        return new Fault(field, "Das Feld „" + field + "“ hat einen ungültigen Wert.");
    }

    private static String path(JsonProcessingException e) {
        if (!(e instanceof JsonMappingException mapping) || mapping.getPath().isEmpty()) {
            return null;
        }
        return mapping.getPath().stream()
                .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                .collect(Collectors.joining("."));
    }

    /** The repeated key of a body refused by strict duplicate detection. */
    private static String duplicateField(JsonProcessingException e) {
        if (!(e instanceof JsonParseException) || e.getOriginalMessage() == null) {
            return null;
        }
        Matcher m = DUPLICATE.matcher(e.getOriginalMessage());
        if (!m.find()) {
            return null;
        }
        if (e.getProcessor() instanceof JsonParser parser && parser.getParsingContext() != null
                && parser.getParsingContext().getCurrentName() != null) {
            return parser.getParsingContext().getCurrentName();
        }
        return m.group(1);
    }

    private static String expected(Class<?> type) {
        if (type == String.class) {
            return "Text";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true oder false";
        }
        if (Number.class.isAssignableFrom(type) || (type.isPrimitive() && type != char.class)) {
            return type == Double.class || type == Float.class || type == double.class || type == float.class
                    ? "eine Zahl" : "eine ganze Zahl";
        }
        if (type.isEnum()) {
            return "einen dieser Werte: " + Arrays.stream(type.getEnumConstants()).map(Object::toString)
                    .collect(Collectors.joining(", "));
        }
        if (type.isArray() || Collection.class.isAssignableFrom(type)) {
            return "eine Liste";
        }
        if (Map.class.isAssignableFrom(type) || type.isRecord()) {
            return "ein Objekt";
        }
        return "einen anderen Wert";
    }
}
