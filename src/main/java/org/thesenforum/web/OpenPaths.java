package org.thesenforum.web;

/**
 * An outlet for features that serve people without an account even when reading is for members only
 * ({@code forum.read-access=members}): registering for an event, say, or the page a QR code leads to. Implemented as
 * a CDI bean by the feature that owns the paths; {@link AccessFilters} asks every one of them.
 */
public interface OpenPaths {

    /** Whether {@code method} on {@code path} (as JAX-RS reports it: absolute, without the query) needs no account. */
    boolean isOpen(String method, String path);
}
