package org.thesenforum.web;

/** Which requests belong to the JSON API: they get problem+json answers, pages get HTML ones. */
public final class ApiPaths {

    private ApiPaths() {
    }

    /** {@code /api} itself and everything below it. */
    public static boolean isApi(String path) {
        return path != null && (path.equals("/api") || path.startsWith("/api/"));
    }
}
