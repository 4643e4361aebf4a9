package org.thesenforum.web;

import java.util.Locale;
import java.util.Map;

/**
 * A refusal with an HTTP status, a text for people in their language and optionally the field at fault.
 * {@link #getMessage()} is the German text, for logs; pages and problem bodies show {@link #message(Locale)}.
 */
public class ProblemException extends RuntimeException {

    private final int status;
    private final String field;
    private final Text text;
    private final Map<String, String> headers;
    private final Map<String, Object> extensions;

    public ProblemException(int status, String field, Text text) {
        this(status, field, text, Map.of());
    }

    public ProblemException(int status, String field, Text text, Map<String, String> headers) {
        this(status, field, text, headers, Map.of());
    }

    private ProblemException(int status, String field, Text text, Map<String, String> headers,
            Map<String, Object> extensions) {
        super(null, null, false, false);
        this.status = status;
        this.field = field;
        this.text = text;
        this.headers = headers;
        this.extensions = extensions;
    }

    /**
     * The same refusal with further members in its problem body (RFC 9457 extension members), such as the current
     * state a client needs after a conflict; pages ignore them.
     */
    public ProblemException with(Map<String, Object> members) {
        return new ProblemException(status, field, text, headers, Map.copyOf(members));
    }

    public static ProblemException notFound(Text text) {
        return new ProblemException(404, null, text);
    }

    public static ProblemException invalid(String field, Text text) {
        return new ProblemException(422, field, text);
    }

    public static ProblemException conflict(String field, Text text) {
        return new ProblemException(409, field, text);
    }

    public static ProblemException forbidden(Text text) {
        return new ProblemException(403, null, text);
    }

    /** 429 with a {@code Retry-After} of {@code seconds}. */
    public static ProblemException tooManyRequests(Text text, long seconds) {
        return new ProblemException(429, null, text, Map.of("Retry-After", String.valueOf(seconds)));
    }

    /** A JSON request body, or 400 when the request came without one. */
    public static <T> T requireBody(T body) {
        if (body == null) {
            throw new ProblemException(400, null, Text.of(Messages.class, Messages::problem_body_required));
        }
        return body;
    }

    public int status() {
        return status;
    }

    public String field() {
        return field;
    }

    public Map<String, String> headers() {
        return headers;
    }

    public Map<String, Object> extensions() {
        return extensions;
    }

    /** The text in the reader's language. */
    public String message(Locale locale) {
        return text.in(locale);
    }

    /** The German text. */
    @Override
    public String getMessage() {
        return text.in(Languages.DEFAULT);
    }
}
