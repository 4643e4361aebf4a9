package org.thesenforum.web;

import java.util.Collection;
import java.util.Map;

/**
 * Which {@code @Name} mentions name a person: an outlet for {@link MarkdownRenderer}, implemented by the accounts,
 * so that web/ renders mentions without knowing accounts. Names compare as display names do: ignoring case, runs of
 * spaces, invisible characters and look-alike letters.
 */
public interface MentionNames {

    /** A person a mention names. */
    record Person(long accountId, String displayName) {
    }

    /** Of the candidate names, those that name an active account, keyed by the candidate as given. */
    Map<String, Person> resolve(Collection<String> candidates);
}
