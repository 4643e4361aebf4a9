package org.thesenforum.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.apache.lucene.index.Term;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.thesenforum.search.SearchDocument.Kind;

/** The index on its own, in a temporary folder: German word forms, snippets, its state, and starting afresh. */
class SearchIndexTest {

    private static final long DISCUSSION = 7;

    @TempDir
    Path folder;

    @Test
    void germanWordFormsFindEachOther() {
        try (SearchIndex index = SearchIndex.open(folder)) {
            index.apply(DISCUSSION, List.of(comment(1, "Im Quartier fehlt ein Treffpunkt."),
                    comment(2, "Die Flüchtlinge brauchen Beratung."),
                    comment(3, "Der Quartiersfonds hat geholfen."),
                    comment(4, "Über Sportvereine reden wir später.")), List.of(), new SearchIndex.State(4, 1));
            assertEquals(Set.of(1L, 3L), ids(index, "Quartiere"));
            assertEquals(Set.of(2L), ids(index, "Flüchtling"));
            assertEquals(Set.of(2L), ids(index, "fluechtlingen"));
            assertEquals(Set.of(3L), ids(index, "Quartiersfonds"));
            assertEquals(Set.of(4L), ids(index, "sportverein"));
            assertEquals(Set.of(), ids(index, "die der"));
            assertEquals(Set.of(1L), ids(index, "\"fehlt ein Treffpunkt\""));
            assertEquals(Set.of(), ids(index, "\"Treffpunkt fehlt\""));
        }
    }

    @Test
    void snippetsMarkTheHitsAndEscapeTheRest() {
        try (SearchIndex index = SearchIndex.open(folder)) {
            index.apply(DISCUSSION, List.of(comment(1, "<script>alert('x')</script> Das Quartier & die Leute")),
                    List.of(), new SearchIndex.State(1, 1));
            SearchIndex.Page page = search(index, "Quartiere");
            String snippet = page.hits().get(0).snippet();
            assertTrue(snippet.contains("<mark>Quartier</mark>"), snippet);
            assertFalse(snippet.contains("<script"), snippet);
            assertTrue(snippet.contains("&lt;script&gt;"), snippet);
            assertTrue(snippet.contains("&amp;"), snippet);
        }
    }

    @Test
    void withdrawnHitsLeaveThePageAndTheTotal() {
        try (SearchIndex index = SearchIndex.open(folder)) {
            index.apply(DISCUSSION, List.of(comment(1, "Quartier eins"), comment(2, "Quartier zwei")), List.of(),
                    new SearchIndex.State(2, 1));
            SearchIndex.Page page = index.search(new SearchQueries(index.analyzer()).match("Quartier"),
                    inDiscussion(), 0, 10, hits -> Set.of(SearchDocument.key(Kind.COMMENT, 2)));
            assertEquals(1, page.total());
            assertEquals(List.of(1L), page.hits().stream().map(SearchIndex.Hit::id).toList());
        }
    }

    @Test
    void theStateSurvivesReopening() {
        try (SearchIndex index = SearchIndex.open(folder)) {
            assertTrue(index.fresh());
            index.apply(DISCUSSION, List.of(comment(1, "Quartier")), List.of(), new SearchIndex.State(12, 99));
        }
        try (SearchIndex index = SearchIndex.open(folder)) {
            assertFalse(index.fresh());
            assertEquals(Map.of(DISCUSSION, new SearchIndex.State(12, 99)), index.states());
            assertEquals(Set.of(1L), ids(index, "Quartier"));
            index.apply(DISCUSSION, List.of(), List.of(SearchDocument.key(Kind.COMMENT, 1)),
                    new SearchIndex.State(13, 99));
            assertEquals(Set.of(), ids(index, "Quartier"));
        }
    }

    @Test
    void anUnreadableFolderStartsAfresh() throws IOException {
        try (SearchIndex index = SearchIndex.open(folder)) {
            index.apply(DISCUSSION, List.of(comment(1, "Quartier")), List.of(), new SearchIndex.State(3, 1));
        }
        try (Stream<Path> files = Files.list(folder)) {
            for (Path f : files.toList()) {
                if (!f.getFileName().toString().equals("write.lock")) {
                    Files.writeString(f, "kaputt");
                }
            }
        }
        try (SearchIndex index = SearchIndex.open(folder)) {
            assertTrue(index.fresh());
            assertEquals(Map.of(), index.states());
            assertEquals(Set.of(), ids(index, "Quartier"));
        }
    }

    @Test
    void aMissingFolderStartsAfresh() throws IOException {
        Path gone = folder.resolve("search-index");
        try (SearchIndex index = SearchIndex.open(gone)) {
            assertTrue(index.fresh());
        }
        assertTrue(Files.isDirectory(gone));
    }

    private static SearchDocument comment(long id, String text) {
        return new SearchDocument(Kind.COMMENT, id, DISCUSSION, List.of(100L), 5L, null, Instant.now(), "", text);
    }

    private static Query inDiscussion() {
        return new TermQuery(new Term(SearchIndex.DISCUSSION, Long.toString(DISCUSSION)));
    }

    private static SearchIndex.Page search(SearchIndex index, String text) {
        return index.search(new SearchQueries(index.analyzer()).match(text), inDiscussion(), 0, 10, h -> Set.of());
    }

    private static Set<Long> ids(SearchIndex index, String text) {
        return Set.copyOf(search(index, text).hits().stream().map(SearchIndex.Hit::id).toList());
    }
}
