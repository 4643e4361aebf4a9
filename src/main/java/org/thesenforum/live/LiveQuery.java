package org.thesenforum.live;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

import org.thesenforum.web.Inputs;

/**
 * The query of a live connection: {@code since} (last seq the client has) and {@code topic} (the page it shows). A
 * {@code since} that is no seq (negative, not a whole number, too large) is {@link #NO_SEQ}: the client cannot know
 * what it has, so it gets a reset, as for a seq beyond the log.
 */
record LiveQuery(Long since, Long topicId) {

    /** The {@code since} of a value that is no seq: beyond any log, so it is answered with a reset. */
    static final long NO_SEQ = Long.MAX_VALUE;

    static LiveQuery parse(String query) {
        Long since = null;
        Long topic = null;
        if (query != null) {
            for (String pair : query.split("&")) {
                int eq = pair.indexOf('=');
                String key = eq < 0 ? pair : pair.substring(0, eq);
                String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                if (key.equals("since")) {
                    Long n = number(value);
                    since = value.isBlank() ? null : n == null ? NO_SEQ : n;
                } else if (key.equals("topic")) {
                    topic = number(value);
                }
            }
        }
        return new LiveQuery(since, topic);
    }

    /** A non-negative number, or null for anything else. */
    static Long number(String value) {
        Long n = Inputs.number(value);
        return n == null || n < 0 ? null : n;
    }
}
