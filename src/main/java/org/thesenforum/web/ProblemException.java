package org.thesenforum.web;

import java.util.Map;

/** A refusal with an HTTP status, a German message for people and optionally the field at fault. */
public class ProblemException extends RuntimeException {

    private final int status;
    private final String field;
    private final Map<String, String> headers;

    public ProblemException(int status, String field, String message) {
        this(status, field, message, Map.of());
    }

    public ProblemException(int status, String field, String message, Map<String, String> headers) {
        super(message, null, false, false);
        this.status = status;
        this.field = field;
        this.headers = headers;
    }

    public static ProblemException notFound(String what) {
        return new ProblemException(404, null, what + " wurde nicht gefunden.");
    }

    public static ProblemException invalid(String field, String message) {
        return new ProblemException(422, field, message);
    }

    public static ProblemException conflict(String field, String message) {
        return new ProblemException(409, field, message);
    }

    public static ProblemException forbidden(String message) {
        return new ProblemException(403, null, message);
    }

    /** A JSON request body, or 400 when the request came without one. */
    public static <T> T requireBody(T body) {
        if (body == null) {
            throw new ProblemException(400, null, "Die Anfrage braucht einen JSON-Körper.");
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
}
