package org.thesenforum.web;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/** An RFC 9457 problem body; {@code field} names the offending input where there is one. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail, String field, List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";

    /** One invalid input value. */
    public record FieldError(String field, String message) {
    }

    public static Problem of(int status, String title, String detail, String field) {
        List<FieldError> errors = field == null ? null : List.of(new FieldError(field, detail));
        return new Problem("about:blank", title, status, detail, field, errors);
    }
}
