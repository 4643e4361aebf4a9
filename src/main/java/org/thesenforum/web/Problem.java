package org.thesenforum.web;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * An RFC 9457 problem body; {@code field} names the offending input where there is one, and {@code extensions} are
 * further members written beside the standard ones (e.g. the fresh state after a conflict).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail, String field, List<FieldError> errors,
        @JsonIgnore Map<String, Object> extensions) {

    public static final String MEDIA_TYPE = "application/problem+json";

    /** One invalid input value. */
    public record FieldError(String field, String message) {
    }

    public static Problem of(int status, String title, String detail, String field) {
        return of(status, title, detail, field, Map.of());
    }

    public static Problem of(int status, String title, String detail, String field, Map<String, Object> extensions) {
        List<FieldError> errors = field == null ? null : List.of(new FieldError(field, detail));
        return new Problem("about:blank", title, status, detail, field, errors, Map.copyOf(extensions));
    }

    /** The extension members, written as top-level properties of the body. */
    @JsonAnyGetter
    public Map<String, Object> members() {
        return extensions;
    }
}
