package org.thesenforum.web;

import java.nio.charset.StandardCharsets;
import java.util.function.Function;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Rendered HTML by the exact inputs it was rendered from, bounded in size ({@code forum.fragment-cache.size}).
 *
 * <p>A key is an immutable value (a record) that holds exactly what its template reads and nothing else, so equal
 * keys give equal HTML and nothing is ever invalidated: an edit, a new reply, a rename, another language or another
 * role makes another key, and the old entry ages out. Keys of different record types never equal each other, so the
 * features share one cache and one bound. What carries per-request secrets (CSRF tokens, typed text) is never put in.
 *
 * <p>The bound counts the characters of the HTML and of the key's large texts ({@link Weighed}), about one byte each
 * for the Latin-1 text of the forum's pages, and larger HTML twice, as it is also kept in UTF-8 for the page bodies
 * ({@link #utf8}, {@link PageBodies}); with a size of 0 nothing is kept.
 */
@ApplicationScoped
public class FragmentCache {

    /** A key that holds large texts of its own (a comment's HTML), counted against the bound with the HTML. */
    public interface Weighed {

        /** About how many characters the key holds. */
        int weight();
    }

    /** Pieces shorter than this are encoded as they come; looking them up would cost more. */
    static final int ENCODED_FROM = 256;

    private final Cache<Object, String> cache;
    /** The UTF-8 of the kept HTML, by the very string kept (weak keys compare by identity): gone with it. */
    private final Cache<String, byte[]> encoded;
    private final long bound;

    @Inject
    FragmentCache(ForumConfig config) {
        this(config.fragmentCache().size().asLongValue());
    }

    /** A cache of at most {@code bound} characters (keys' large texts included). */
    public FragmentCache(long bound) {
        this.bound = Math.max(0, bound);
        this.cache = Caffeine.newBuilder().maximumWeight(this.bound)
                .weigher((Object key, String html) -> weight(key, html))
                // Evicts on the caller's thread, so the bound holds right after each put.
                .executor(Runnable::run).build();
        this.encoded = Caffeine.newBuilder().weakKeys().executor(Runnable::run).build();
    }

    /** The HTML for {@code key}, rendered by {@code render} when it is not kept. */
    public <K> String get(K key, Function<? super K, String> render) {
        if (bound == 0) {
            return render.apply(key);
        }
        String html = cache.getIfPresent(key);
        if (html == null) {
            html = render.apply(key);
            cache.put(key, html);
            if (html.length() >= ENCODED_FROM) {
                encoded.put(html, html.getBytes(StandardCharsets.UTF_8));
            }
        }
        return html;
    }

    /**
     * A piece of a page in UTF-8: for HTML kept here the bytes encoded when it was kept (found by the identity of
     * the string, so they are always its own), otherwise encoded now.
     */
    public byte[] utf8(String piece) {
        if (piece.length() >= ENCODED_FROM) {
            byte[] bytes = encoded.getIfPresent(piece);
            if (bytes != null) {
                return bytes;
            }
        }
        return piece.getBytes(StandardCharsets.UTF_8);
    }

    /** How many characters the kept entries weigh now (for tests and diagnostics). */
    public long weight() {
        cache.cleanUp();
        return cache.policy().eviction().map(e -> e.weightedSize().orElse(0)).orElse(0L);
    }

    /** The bound in characters. */
    public long bound() {
        return bound;
    }

    /** Forgets everything (for tests). */
    public void clear() {
        cache.invalidateAll();
        cache.cleanUp();
        encoded.invalidateAll();
    }

    private static int weight(Object key, String html) {
        // The HTML is kept twice from ENCODED_FROM on: as text and as UTF-8.
        long w = 64L + (html.length() >= ENCODED_FROM ? 2L : 1L) * html.length()
                + (key instanceof Weighed weighed ? weighed.weight() : 0);
        return (int) Math.min(w, Integer.MAX_VALUE);
    }
}
