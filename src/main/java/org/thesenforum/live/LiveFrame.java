package org.thesenforum.live;

import java.nio.charset.StandardCharsets;

import io.vertx.core.buffer.Buffer;

/**
 * One text frame, encoded to UTF-8 once: every connection of an audience is handed the same bytes, so a frame
 * costs one encoding per audience and event rather than one per connection. {@code text} stays for the fallback
 * through WebSockets Next's {@code sendText} and for tests.
 */
final class LiveFrame {

    private final String text;
    private final Buffer bytes;

    private LiveFrame(String text, Buffer bytes) {
        this.text = text;
        this.bytes = bytes;
    }

    static LiveFrame of(String json) {
        return new LiveFrame(json, Buffer.buffer(json.getBytes(StandardCharsets.UTF_8)));
    }

    String text() {
        return text;
    }

    /** The UTF-8 bytes, shared: writers take slices of them and never change them. */
    Buffer bytes() {
        return bytes;
    }

    /** The size in bytes, which the slow-consumer bound counts. */
    int size() {
        return bytes.length();
    }

    @Override
    public String toString() {
        return text;
    }
}
