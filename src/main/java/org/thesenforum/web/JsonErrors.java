package org.thesenforum.web;

import java.util.Arrays;
import java.util.Collection;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.PropertyBindingException;

/** Says what is wrong with a refused JSON body, in the reader's language, and names the field at fault if any. */
final class JsonErrors {

    private static final Pattern DUPLICATE = Pattern.compile("Duplicate field '([^']*)'");

    /** The offending field (or null) and a sentence for people. */
    record Fault(String field, Text detail) {
    }

    private JsonErrors() {
    }

    static Fault of(JsonProcessingException e) {
        String duplicate = duplicateField(e);
        if (duplicate != null) {
            return new Fault(duplicate, text(m -> m.json_duplicate(duplicate)));
        }
        String field = path(e);
        if (field == null) {
            boolean trailing = e instanceof MismatchedInputException && e.getOriginalMessage() != null
                    && e.getOriginalMessage().startsWith("Trailing token");
            return new Fault(null, text(trailing ? Messages::json_trailing : Messages::json_malformed));
        }
        if (e instanceof PropertyBindingException) {
            return new Fault(field, text(m -> m.json_unknown(field)));
        }
        if (e instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
            return new Fault(field, expected(field, mismatch.getTargetType()));
        }
        return new Fault(field, text(m -> m.json_invalid(field)));
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

    private static Text expected(String field, Class<?> type) {
        if (type == String.class) {
            return text(m -> m.json_expects_text(field));
        }
        if (type == Boolean.class || type == boolean.class) {
            return text(m -> m.json_expects_boolean(field));
        }
        if (Number.class.isAssignableFrom(type) || (type.isPrimitive() && type != char.class)) {
            return type == Double.class || type == Float.class || type == double.class || type == float.class
                    ? text(m -> m.json_expects_number(field)) : text(m -> m.json_expects_integer(field));
        }
        if (type.isEnum()) {
            String values = Arrays.stream(type.getEnumConstants()).map(Object::toString)
                    .collect(Collectors.joining(", "));
            return text(m -> m.json_expects_one_of(field, values));
        }
        if (type.isArray() || Collection.class.isAssignableFrom(type)) {
            return text(m -> m.json_expects_list(field));
        }
        if (Map.class.isAssignableFrom(type) || type.isRecord()) {
            return text(m -> m.json_expects_object(field));
        }
        return text(m -> m.json_expects_other(field));
    }

    private static Text text(Function<Messages, String> message) {
        return Text.of(Messages.class, message);
    }
}
