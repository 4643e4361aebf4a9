package org.thesenforum.web;

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
 * for the Latin-1 text of the forum's pages; with a size of 0 nothing is kept.
 */
@ApplicationScoped
public class FragmentCache {

    /** A key that holds large texts of its own (a comment's HTML), counted against the bound with the HTML. */
    public interface Weighed {

        /** About how many characters the key holds. */
        int weight();
    }

    private final Cache<Object, String> cache;
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
        }
        return html;
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
    }

    private static int weight(Object key, String html) {
        long w = 64L + html.length() + (key instanceof Weighed weighed ? weighed.weight() : 0);
        return (int) Math.min(w, Integer.MAX_VALUE);
    }
}
