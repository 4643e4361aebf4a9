package org.thesenforum.web;

import java.util.ArrayList;
import java.util.List;

import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.core.Response;

/**
 * Large pages rendered straight into their UTF-8 body. Rendering a template into a string grows a buffer by copying
 * it again and again, and a page of a megabyte is then copied into a string and encoded once more; here each piece
 * the template gives is encoded as it comes (or taken as kept encoded, {@link FragmentCache#utf8}) and the pieces are
 * joined once, into a body of the exact size.
 */
public final class PageBodies {

    /** The content type of the bodies made here. */
    public static final String HTML = "text/html;charset=UTF-8";

    private PageBodies() {
    }

    /**
     * The rendered template as a 200 response with an HTML body; pieces kept in {@code kept} (the cards of comments)
     * come already encoded.
     */
    public static Response ok(TemplateInstance page, FragmentCache kept) {
        return Response.ok(utf8(page, kept), HTML).build();
    }

    /** The rendered template as UTF-8. */
    public static byte[] utf8(TemplateInstance page, FragmentCache kept) {
        List<byte[]> parts = new ArrayList<>(1024);
        int[] total = { 0 };
        page.consume(piece -> {
            byte[] bytes = kept.utf8(piece);
            parts.add(bytes);
            total[0] += bytes.length;
        }).toCompletableFuture().join();
        byte[] body = new byte[total[0]];
        int at = 0;
        for (byte[] part : parts) {
            System.arraycopy(part, 0, body, at, part.length);
            at += part.length;
        }
        return body;
    }
}
