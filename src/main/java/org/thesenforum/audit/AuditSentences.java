package org.thesenforum.audit;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * An outlet for the features that record audit entries: each describes its own actions in sentences, naming the
 * people, topics and comments involved, so the audit log itself needs to know no feature. Implemented as a CDI bean in
 * the feature's package; the words are in this package's {@link AuditMessages}.
 */
public interface AuditSentences {

    /** The actions this feature records, each with its name in words for the filter (e.g. "Beitrag ausgeblendet"). */
    Map<String, String> actions(Locale locale);

    /** Sentences for those {@code entries} whose action this feature records, by entry id; others are left out. */
    Map<Long, AuditSentence> describe(List<AuditLog.AuditView> entries, Locale locale);
}
