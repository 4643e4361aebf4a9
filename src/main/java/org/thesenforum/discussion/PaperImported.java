package org.thesenforum.discussion;

import java.util.List;

/**
 * Fired inside the transaction that stores a paper, and on every start for the shipped paper's discussion, so that
 * features above can store what the paper announces (the events of its invitation) once; observers must be
 * idempotent.
 *
 * @param discussion the discussion the paper became (or already is)
 * @param events     the events its invitation announces, in the order written
 */
public record PaperImported(Discussion discussion, List<ParsedEvent> events) {
}
