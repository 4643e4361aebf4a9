package org.thesenforum.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.BreakIterator;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Stream;

import io.quarkus.logging.Log;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.de.GermanAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopScoreDocCollectorManager;
import org.apache.lucene.search.uhighlight.LengthGoalBreakIterator;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;

/**
 * The Lucene index of topics, comments and demands in one folder: one writer, near-real-time searchers, and in the
 * commit's user data the schema version and, per discussion, the journal seq the index reflects. A folder that is
 * missing, unreadable or written by another schema version is started afresh (empty, with no discussion indexed),
 * which makes its follower rebuild every discussion from the database.
 */
final class SearchIndex implements AutoCloseable {

    /** Bumped whenever fields or analysis change: an index of another version is rebuilt. */
    static final String SCHEMA_VERSION = "1";

    static final String KEY = "key";
    static final String KIND = "kind";
    static final String ID = "id";
    static final String DISCUSSION = "discussion";
    static final String TOPIC = "topic";
    static final String TOPIC_ID = "topicId";
    static final String AUTHOR = "author";
    static final String QUESTION = "question";
    static final String CREATED = "created";
    static final String TITLE = "title";
    static final String TEXT = "text";

    private static final String SCHEMA_KEY = "schema";
    private static final String STATE_PREFIX = "discussion.";
    /** About this many characters around the hits: one or two short sentences on a phone. */
    private static final int SNIPPET_LENGTH = 160;
    private static final FieldType TEXT_TYPE = textType();

    /** Where the index stands for one discussion: the seq it reflects, and the discussion's creation stamp. */
    record State(long seq, long stamp) {

        static State parse(String value) {
            String[] parts = value.split(":");
            return new State(Long.parseLong(parts[0]), Long.parseLong(parts[1]));
        }

        String format() {
            return seq + ":" + stamp;
        }
    }

    /** A stored hit as the index has it; {@code snippet} is HTML with the hits in {@code <mark>}. */
    record Hit(SearchDocument.Kind kind, long id, Long topicId, Long authorId, Instant createdAt, String title,
            String snippet) {

        String key() {
            return SearchDocument.key(kind, id);
        }
    }

    /** One page of hits and how many match in all. */
    record Page(List<Hit> hits, long total) {
    }

    private final Path folder;
    private final Analyzer analyzer;
    private final Directory directory;
    private final IndexWriter writer;
    private final SearcherManager searchers;
    private final Map<Long, State> states = new ConcurrentHashMap<>();
    private final boolean fresh;

    private SearchIndex(Path folder, Analyzer analyzer, Directory directory, IndexWriter writer, boolean fresh)
            throws IOException {
        this.folder = folder;
        this.analyzer = analyzer;
        this.directory = directory;
        this.writer = writer;
        this.fresh = fresh;
        this.searchers = new SearcherManager(writer, null);
        writer.getLiveCommitData().forEach(e -> {
            if (e.getKey().startsWith(STATE_PREFIX)) {
                states.put(Long.valueOf(e.getKey().substring(STATE_PREFIX.length())), State.parse(e.getValue()));
            }
        });
    }

    /** Opens the index in {@code folder}, starting it afresh when it is missing, unreadable or of another version. */
    static SearchIndex open(Path folder) {
        try {
            Files.createDirectories(folder);
            SearchIndex index = tryOpen(folder);
            if (index != null) {
                return index;
            }
            wipe(folder);
            return create(folder);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot open the search index in " + folder, e);
        }
    }

    private static SearchIndex tryOpen(Path folder) throws IOException {
        Directory directory = FSDirectory.open(folder);
        try {
            if (!DirectoryReader.indexExists(directory)) {
                directory.close();
                return null;
            }
            Analyzer analyzer = new GermanAnalyzer();
            IndexWriter writer = new IndexWriter(directory,
                    new IndexWriterConfig(analyzer).setOpenMode(IndexWriterConfig.OpenMode.APPEND));
            String version = userData(writer).get(SCHEMA_KEY);
            if (!SCHEMA_VERSION.equals(version)) {
                Log.infof("Search index in %s has schema %s, not %s: rebuilding it", folder, version, SCHEMA_VERSION);
                writer.rollback();
                directory.close();
                return null;
            }
            return new SearchIndex(folder, analyzer, directory, writer, false);
        } catch (IOException | RuntimeException e) {
            Log.warnf("Search index in %s is unreadable (%s): rebuilding it", folder, e.toString());
            directory.close();
            return null;
        }
    }

    private static SearchIndex create(Path folder) throws IOException {
        Directory directory = FSDirectory.open(folder);
        Analyzer analyzer = new GermanAnalyzer();
        IndexWriter writer = new IndexWriter(directory,
                new IndexWriterConfig(analyzer).setOpenMode(IndexWriterConfig.OpenMode.CREATE));
        writer.setLiveCommitData(Map.of(SCHEMA_KEY, SCHEMA_VERSION).entrySet());
        writer.commit();
        return new SearchIndex(folder, analyzer, directory, writer, true);
    }

    private static Map<String, String> userData(IndexWriter writer) {
        Map<String, String> data = new HashMap<>();
        Iterable<Map.Entry<String, String>> live = writer.getLiveCommitData();
        if (live != null) {
            live.forEach(e -> data.put(e.getKey(), e.getValue()));
        }
        return data;
    }

    private static void wipe(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.toList()) {
                Files.deleteIfExists(file);
            }
        }
    }

    /** Whether the folder was started afresh when opened (nothing indexed yet). */
    boolean fresh() {
        return fresh;
    }

    Path folder() {
        return folder;
    }

    Analyzer analyzer() {
        return analyzer;
    }

    /** Where the index stands per discussion id. */
    Map<Long, State> states() {
        return Map.copyOf(states);
    }

    /** Adds or replaces {@code upserts}, removes the documents with {@code removals}' keys, and commits the state. */
    void apply(long discussionId, Collection<SearchDocument> upserts, Collection<String> removals, State state) {
        try {
            for (String key : removals) {
                writer.deleteDocuments(new Term(KEY, key));
            }
            for (SearchDocument doc : upserts) {
                writer.updateDocument(new Term(KEY, doc.key()), document(doc));
            }
            commit(discussionId, state);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Replaces everything of a discussion by {@code docs}. */
    void replace(long discussionId, Collection<SearchDocument> docs, State state) {
        try {
            writer.deleteDocuments(new Term(DISCUSSION, Long.toString(discussionId)));
            for (SearchDocument doc : docs) {
                writer.addDocument(document(doc));
            }
            commit(discussionId, state);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Forgets a discussion that no longer exists. */
    void drop(long discussionId) {
        try {
            writer.deleteDocuments(new Term(DISCUSSION, Long.toString(discussionId)));
            commit(discussionId, null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Commits the documents with the new state; the state is shown only once searches see the documents. */
    private void commit(long discussionId, State state) throws IOException {
        Map<Long, State> next = new HashMap<>(states);
        if (state == null) {
            next.remove(discussionId);
        } else {
            next.put(discussionId, state);
        }
        Map<String, String> data = new HashMap<>();
        data.put(SCHEMA_KEY, SCHEMA_VERSION);
        next.forEach((id, s) -> data.put(STATE_PREFIX + id, s.format()));
        writer.setLiveCommitData(data.entrySet());
        writer.commit();
        searchers.maybeRefreshBlocking();
        if (state == null) {
            states.remove(discussionId);
        } else {
            states.put(discussionId, state);
        }
    }

    /**
     * The hits from {@code offset} to {@code offset + limit} of {@code match} within {@code filter}, best first.
     * {@code withdrawn} names the keys among them that must not be shown (the database knows them hidden or deleted
     * while the index has not caught up yet): they are left out, and out of the total, before any snippet is made.
     */
    Page search(Query match, Query filter, int offset, int limit, Function<List<Hit>, Set<String>> withdrawn) {
        Query query = new BooleanQuery.Builder().add(match, Occur.MUST).add(filter, Occur.FILTER).build();
        IndexSearcher searcher;
        try {
            searcher = searchers.acquire();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            TopDocs top = searcher.search(query, new TopScoreDocCollectorManager(offset + limit, null,
                    Integer.MAX_VALUE));
            ScoreDoc[] all = top.scoreDocs;
            List<ScoreDoc> page = new ArrayList<>();
            List<Hit> stored = new ArrayList<>();
            for (int i = offset; i < all.length; i++) {
                page.add(all[i]);
                stored.add(hit(searcher.storedFields().document(all[i].doc), null));
            }
            Set<String> gone = stored.isEmpty() ? Set.of() : withdrawn.apply(stored);
            List<ScoreDoc> shown = new ArrayList<>();
            List<Hit> shownHits = new ArrayList<>();
            for (int i = 0; i < page.size(); i++) {
                if (!gone.contains(stored.get(i).key())) {
                    shown.add(page.get(i));
                    shownHits.add(stored.get(i));
                }
            }
            String[] snippets = snippets(searcher, match, shown);
            List<Hit> hits = new ArrayList<>();
            for (int i = 0; i < shownHits.size(); i++) {
                Hit h = shownHits.get(i);
                hits.add(new Hit(h.kind(), h.id(), h.topicId(), h.authorId(), h.createdAt(), h.title(),
                        snippets[i] == null ? "" : snippets[i]));
            }
            return new Page(hits, Math.max(0, top.totalHits.value - gone.size()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            try {
                searchers.release(searcher);
            } catch (IOException e) {
                Log.debug("Cannot release a search index reader", e);
            }
        }
    }

    private String[] snippets(IndexSearcher searcher, Query match, List<ScoreDoc> docs) throws IOException {
        if (docs.isEmpty()) {
            return new String[0];
        }
        UnifiedHighlighter highlighter = UnifiedHighlighter.builder(searcher, analyzer)
                // Escapes everything that is not a hit marker: the text is what people typed.
                .withFormatter(new SnippetFormatter())
                .withBreakIterator(() -> LengthGoalBreakIterator.createClosestToLength(
                        BreakIterator.getSentenceInstance(Locale.GERMAN), SNIPPET_LENGTH, 0.5f))
                .withMaxLength(20_000)
                .build();
        int[] ids = docs.stream().mapToInt(d -> d.doc).toArray();
        // Lucene wants the ids in order; the answer follows that order.
        int[] sorted = ids.clone();
        java.util.Arrays.sort(sorted);
        Map<String, String[]> found = highlighter.highlightFields(new String[] {TEXT}, match, sorted, new int[] {2});
        String[] bySorted = found.get(TEXT);
        Map<Integer, String> byDoc = new HashMap<>();
        for (int i = 0; i < sorted.length; i++) {
            byDoc.put(sorted[i], bySorted[i]);
        }
        String[] result = new String[ids.length];
        for (int i = 0; i < ids.length; i++) {
            result[i] = byDoc.get(ids[i]);
        }
        return result;
    }

    private static Hit hit(Document d, String snippet) {
        IndexableField topic = d.getField(TOPIC_ID);
        IndexableField author = d.getField(AUTHOR);
        IndexableField created = d.getField(CREATED);
        return new Hit(SearchDocument.Kind.valueOf(d.get(KIND)), d.getField(ID).numericValue().longValue(),
                topic == null ? null : topic.numericValue().longValue(),
                author == null ? null : author.numericValue().longValue(),
                created == null ? null : Instant.EPOCH.plus(created.numericValue().longValue(), ChronoUnit.MICROS),
                d.get(TITLE), snippet);
    }

    private static Document document(SearchDocument s) {
        Document d = new Document();
        d.add(new StringField(KEY, s.key(), Field.Store.NO));
        d.add(new StoredField(KIND, s.kind().name()));
        d.add(new StringField(KIND, s.kind().name(), Field.Store.NO));
        d.add(new StoredField(ID, s.id()));
        d.add(new StringField(DISCUSSION, Long.toString(s.discussionId()), Field.Store.NO));
        for (Long topic : s.topicIds()) {
            d.add(new StringField(TOPIC, Long.toString(topic), Field.Store.NO));
        }
        if (!s.topicIds().isEmpty()) {
            d.add(new StoredField(TOPIC_ID, s.topicIds().get(0)));
        }
        if (s.authorId() != null) {
            // The same name for the filter term and the stored number: they are separate fields in Lucene's eyes.
            d.add(new StringField(AUTHOR, Long.toString(s.authorId()), Field.Store.NO));
            d.add(new StoredField(AUTHOR, s.authorId()));
        }
        if (s.questionId() != null) {
            d.add(new StringField(QUESTION, Long.toString(s.questionId()), Field.Store.NO));
        }
        if (s.createdAt() != null) {
            d.add(new StoredField(CREATED, ChronoUnit.MICROS.between(Instant.EPOCH, s.createdAt())));
        }
        d.add(new TextField(TITLE, s.title(), Field.Store.YES));
        d.add(new Field(TEXT, s.text(), TEXT_TYPE));
        return d;
    }

    private static FieldType textType() {
        FieldType type = new FieldType(TextField.TYPE_STORED);
        // Offsets in the postings let the highlighter find the hits without analysing the text again.
        type.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
        type.freeze();
        return type;
    }

    @Override
    public void close() {
        try {
            searchers.close();
            writer.close();
            directory.close();
        } catch (IOException e) {
            Log.warn("Cannot close the search index", e);
        }
    }
}
