package org.thesenforum.live;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

import org.thesenforum.web.Inputs;

/** The query of a live connection: {@code since} (last seq the client has) and {@code topic} (the page it shows). */
record LiveQuery(Long since, Long topicId) {

    static LiveQuery parse(String query) {
        Long since = null;
        Long topic = null;
        if (query != null) {
            for (String pair : query.split("&")) {
                int eq = pair.indexOf('=');
                String key = eq < 0 ? pair : pair.substring(0, eq);
                String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                if (key.equals("since")) {
                    since = number(value);
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
