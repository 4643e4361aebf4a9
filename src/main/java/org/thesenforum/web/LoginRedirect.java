package org.thesenforum.web;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Where the login sends a reader back to after a request was refused for want of a session: the page itself for a
 * page request, and for a form post the page the form was on, never the form's POST address (which answers a GET
 * with 405 and would lose the reader's way back).
 */
public final class LoginRedirect {

    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD");
    private static final Pattern UNSAFE_IN_PATH = Pattern.compile("[\\x00-\\x20\\x7F\\\\]");
    /** The pages that answer a GET; a form's address is turned into the nearest of them. */
    private static final List<Pattern> PAGES = List.of(
            Pattern.compile("/"),
            Pattern.compile("/discussions/[^/]+"),
            Pattern.compile("/topics/\\d+"),
            Pattern.compile("/comments/\\d+"),
            Pattern.compile("/account"),
            Pattern.compile("/notifications"),
            Pattern.compile("/admin"),
            Pattern.compile("/admin/papers"));

    private LoginRedirect() {
    }

    /** {@code /login?next=…} for a request refused because nobody (or nobody any more) is signed in. */
    public static URI login(String method, URI request, String referer, String host) {
        return URI.create("/login?next=" + URLEncoder.encode(next(method, request, referer, host),
                StandardCharsets.UTF_8));
    }

    /**
     * The path to return to: a page request's own path and query; for a form post the same-origin Referer (the
     * page the form was on, with its query), else the page the form belongs to (its topic or comment), else "/".
     */
    static String next(String method, URI request, String referer, String host) {
        String path = request.getRawPath() == null || request.getRawPath().isEmpty() ? "/" : request.getRawPath();
        if (SAFE_METHODS.contains(method)) {
            return request.getRawQuery() == null ? path : path + "?" + request.getRawQuery();
        }
        URI from = sameOrigin(referer, host);
        if (from != null && from.getRawPath() != null && !from.getRawPath().isEmpty()) {
            String page = nearestPage(from.getRawPath());
            if (page.equals(from.getRawPath()) && from.getRawQuery() != null) {
                return page + "?" + from.getRawQuery();
            }
            if (!page.equals("/") || from.getRawPath().equals("/")) {
                return page;
            }
        }
        return nearestPage(path);
    }

    /** The path itself when it is a page, else its nearest parent that is one ("/topics/7/comments" → "/topics/7"). */
    static String nearestPage(String path) {
        String candidate = path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        while (!candidate.isEmpty()) {
            String current = candidate;
            if (PAGES.stream().anyMatch(p -> p.matcher(current).matches())) {
                return current;
            }
            candidate = candidate.substring(0, candidate.lastIndexOf('/'));
        }
        return "/";
    }

    /**
     * {@code next} when it is a path on this site ({@code /topics/7?frage=2}), else "/": a full or protocol-relative
     * address ({@code //evil.example}), a backslash that browsers read as a slash, or control characters could lead
     * the reader to another site or split the Location header.
     */
    public static String safeNext(String next) {
        if (next == null || next.length() > 2000 || !next.startsWith("/") || next.startsWith("//")
                || UNSAFE_IN_PATH.matcher(next).find()) {
            return "/";
        }
        try {
            URI uri = new URI(next);
            return uri.getScheme() == null && uri.getRawAuthority() == null ? next : "/";
        } catch (URISyntaxException e) {
            return "/";
        }
    }

    /** The Origin or Referer as a URI when it names this host, else null. */
    static URI sameOrigin(String referer, String host) {
        if (referer == null || host == null) {
            return null;
        }
        try {
            URI uri = new URI(referer);
            return uri.getRawAuthority() != null && uri.getRawAuthority().equalsIgnoreCase(host) ? uri : null;
        } catch (URISyntaxException e) {
            return null;
        }
    }
}
