package org.thesenforum.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Collection;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** {@code @Name} mentions in rendered comments: known names marked, the longest match winning, the rest inert. */
class MentionsTest {

    private final MarkdownRenderer renderer = new MarkdownRenderer();

    /** Knows "Anna" (1), "Anna Berg" (2) and "Jan <b>" (3), case-insensitively, like the accounts do. */
    private static final MentionNames NAMES = new MentionNames() {
        private final Map<String, Person> people = Map.of("anna", new Person(1, "Anna"),
                "anna berg", new Person(2, "Anna Berg"), "jan <b>", new Person(3, "Jan <b>"));

        @Override
        public Map<String, Person> resolve(Collection<String> candidates) {
            Map<String, Person> known = new HashMap<>();
            candidates.forEach(c -> {
                Person p = people.get(c.toLowerCase(Locale.ROOT));
                if (p != null) {
                    known.put(c, p);
                }
            });
            return known;
        }
    };

    /** The rendered HTML, with the sanitiser's {@code &#64;} read back as {@code @} for legibility. */
    private String render(String markdown) {
        return renderer.render(markdown, NAMES).replace("&#64;", "@");
    }

    @Test
    void aKnownNameBecomesAMention() {
        assertEquals("<p>Danke <span class=\"mention\">@Anna</span>!</p>", render("Danke @Anna!"));
    }

    @Test
    void theLongestKnownNameWins() {
        assertEquals("<p>Wie <span class=\"mention\">@Anna Berg</span> schreibt</p>", render("Wie @Anna Berg schreibt"));
        assertEquals(Set.of(2L), renderer.mentionedAccounts("Wie @Anna Berg schreibt", NAMES));
    }

    @Test
    void caseDoesNotMatterAndTheTextStaysAsTyped() {
        assertEquals("<p><span class=\"mention\">@anna berg</span></p>", render("@anna berg"));
    }

    @Test
    void anUnknownNameStaysText() {
        assertEquals("<p>Hallo @Bernd und @Annabell</p>", render("Hallo @Bernd und @Annabell"));
        assertTrue(renderer.mentionedAccounts("Hallo @Bernd", NAMES).isEmpty());
    }

    @Test
    void anAddressIsNoMention() {
        assertFalse(render("schreib an info@Anna").contains("mention"));
    }

    @Test
    void noMentionInCodeOrLinks() {
        assertFalse(render("`@Anna` und [@Anna](https://example.org)").contains("class=\"mention\""));
        assertTrue(renderer.mentionedAccounts("`@Anna`", NAMES).isEmpty());
    }

    @Test
    void hostileInputStaysInert() {
        String html = render("@Jan <b> <span class=\"mention\">@Anna</span> <script>alert(1)</script>");
        assertFalse(html.contains("<b>"), html);
        assertFalse(html.contains("<script"), html);
        // The typed span is escaped text; only the mention inside it is marked.
        assertTrue(html.contains("&lt;span class&#61;&#34;mention&#34;&gt;<span class=\"mention\">@Anna</span>"
                + "&lt;/span&gt;"), html);
        assertEquals(1, html.split("<span", -1).length - 1, html);
    }

    @Test
    void withoutNamesNothingIsMarked() {
        assertEquals("<p>Danke &#64;Anna!</p>", renderer.render("Danke @Anna!"));
    }

    @Test
    void aTextOfManyMentionsLooksUpABoundedNumberOfNames() {
        StringBuilder text = new StringBuilder("@Anna ");
        java.util.Random random = new java.util.Random(7);
        for (int i = 0; i < 3_000; i++) {
            text.append('@').append((char) ('a' + random.nextInt(26))).append(' ');
        }
        assertTrue(Mentions.candidates(text.toString()).size() <= Mentions.MAX_MENTIONS * Mentions.MAX_NAME);
        int[] asked = {0};
        MentionNames counting = candidates -> {
            asked[0] = Math.max(asked[0], candidates.size());
            return NAMES.resolve(candidates);
        };
        String html = renderer.render(text.toString(), counting);
        assertTrue(asked[0] > 0 && asked[0] <= Mentions.MAX_CANDIDATES, "looked up " + asked[0]);
        assertTrue(html.startsWith("<p><span class=\"mention\">@Anna</span>") || html.contains(">&#64;Anna</span>"), html);
        // Beyond the first fifty, an @ is looked up no more.
        assertFalse(Mentions.candidates("@x ".repeat(Mentions.MAX_MENTIONS) + "@Anna").contains("Anna"));
    }
}
