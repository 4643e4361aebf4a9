package org.thesenforum.search;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.thesenforum.account.Account;
import org.thesenforum.comment.Comment;
import org.thesenforum.demand.Demand;
import org.thesenforum.discussion.Discussion;
import org.thesenforum.discussion.DiscussionService;
import org.thesenforum.discussion.GuidingQuestion;
import org.thesenforum.discussion.Topic;
import org.thesenforum.journal.Journal;
import org.thesenforum.search.SearchDocument.Kind;
import org.thesenforum.search.SearchViews.AuthorOption;
import org.thesenforum.search.SearchViews.SearchHit;
import org.thesenforum.search.SearchViews.ShownHit;
import org.thesenforum.web.Inputs;
import org.thesenforum.web.ProblemException;
import org.thesenforum.web.Text;

/**
 * Searches the topics, comments and demands of a discussion: checks the query, waits a moment for changes just
 * logged, asks the index, and leaves out whatever the database already knows as hidden or deleted before any snippet
 * is made. Reading follows the read-access setting like every page (see {@code web.AccessFilters}); hidden and
 * deleted comments are found by nobody, moderators included.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class SearchService {

    /** The longest query accepted, in characters. */
    public static final int MAX_QUERY = 200;
    public static final int PAGE_SIZE = 20;
    /** The deepest page: 50 pages of 20 are more than anyone reads. */
    public static final int MAX_PAGE = 50;
    /** How long a search waits for the index to take in what was logged just before. */
    static final long FRESHNESS_WAIT_MS = 500;

    private final SearchIndexer indexer;
    private final DiscussionService discussions;
    private final Journal journal;

    SearchService(SearchIndexer indexer, DiscussionService discussions, Journal journal) {
        this.indexer = indexer;
        this.discussions = discussions;
        this.journal = journal;
    }

    /** A checked query: the words, the filters (null when not set) and the page, from 1. */
    public record SearchQuery(String q, Long topicId, Long authorId, Long questionId, int page) {
    }

    /** One page of hits, with the total. */
    public record Found(List<ShownHit> hits, long total, int page, int pageSize) {

        public int pages() {
            return (int) Math.min(MAX_PAGE, (total + pageSize - 1) / pageSize);
        }
    }

    /** The words of a query, cleaned: 400 naming {@code q} when blank, too long or holding control characters. */
    public static String checkWords(String q) {
        if (q == null || q.isBlank()) {
            throw new ProblemException(400, "q", text(SearchMessages::problem_q_blank));
        }
        String line;
        try {
            line = Inputs.requiredLine("q", q, Integer.MAX_VALUE);
        } catch (ProblemException e) {
            throw new ProblemException(400, "q", text(SearchMessages::problem_q_controls));
        }
        if (line.codePointCount(0, line.length()) > MAX_QUERY) {
            throw new ProblemException(400, "q", text(m -> m.problem_q_too_long(MAX_QUERY)));
        }
        return line;
    }

    /** An id from a query parameter: null when absent, 400 naming the field when it is no positive number. */
    public static Long id(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        Long n = Inputs.number(value);
        if (n == null || n < 1) {
            throw new ProblemException(400, field, text(m -> m.problem_number(field)));
        }
        return n;
    }

    /** A page number from 1 to {@link #MAX_PAGE}: 1 when absent, 400 naming the field otherwise. */
    public static int page(String field, String value) {
        if (value == null || value.isBlank()) {
            return 1;
        }
        Long n = Inputs.number(value);
        if (n == null || n < 1 || n > MAX_PAGE) {
            throw new ProblemException(400, field, text(m -> m.problem_page(MAX_PAGE)));
        }
        return n.intValue();
    }

    /**
     * Searches a discussion: 404 for an unknown discussion, and for a topic or guiding question that is not one of
     * its own (naming {@code topicId} or {@code questionId}); an author who wrote nothing there finds nothing.
     */
    public Found search(String slug, SearchQuery query) {
        Discussion discussion = discussions.requireDiscussion(slug);
        Map<Long, Topic> topics = Topic.listByDiscussion(discussion).stream()
                .collect(Collectors.toMap(t -> t.id, Function.identity()));
        if (query.topicId() != null && !topics.containsKey(query.topicId())) {
            throw new ProblemException(404, "topicId", text(SearchMessages::problem_topic_not_found));
        }
        if (query.questionId() != null && GuidingQuestion.<GuidingQuestion>find("id = ?1 and discussion = ?2",
                query.questionId(), discussion).firstResultOptional().isEmpty()) {
            throw new ProblemException(404, "questionId", text(SearchMessages::problem_question_not_found));
        }
        if (query.authorId() != null && Account.<Account>findByIdOptional(query.authorId())
                .filter(Account::deleted).isPresent()) {
            // A deleted account's contributions stay unsigned: they are not to be gathered by their author again.
            return new Found(List.of(), 0, query.page(), PAGE_SIZE);
        }
        indexer.awaitSeq(discussion.id, journal.latestSeq(discussion.id), FRESHNESS_WAIT_MS);
        SearchIndex index = indexer.index().filter(i -> indexer.indexedThrough(discussion.id) >= 0)
                .orElseThrow(() -> new ProblemException(503, null, text(SearchMessages::problem_not_ready),
                        Map.of("Retry-After", "5")));
        Query match = new SearchQueries(index.analyzer()).match(query.q());
        SearchIndex.Page page = index.search(match, filter(discussion, query), (query.page() - 1) * PAGE_SIZE,
                PAGE_SIZE, SearchService::withdrawn);
        Map<Long, String> names = names(page.hits());
        List<ShownHit> hits = page.hits().stream().map(h -> shown(h, discussion, topics, names)).toList();
        return new Found(hits, page.total(), query.page(), PAGE_SIZE);
    }

    /** The people who wrote a visible comment or a demand in the discussion, by name; deleted accounts are left out. */
    public List<AuthorOption> authors(String slug) {
        Discussion discussion = discussions.requireDiscussion(slug);
        List<Account> writers = Account.list("select distinct c.author from Comment c where c.topic.discussion = ?1 "
                + "and c.deletedAt is null and c.hidden = false", discussion);
        List<Account> proposers = Account.list("select distinct d.author from Demand d where d.discussion = ?1",
                discussion);
        Map<Long, AuthorOption> all = new HashMap<>();
        for (Account a : writers) {
            if (!a.deleted()) {
                all.put(a.id, new AuthorOption(a.id, a.displayName));
            }
        }
        for (Account a : proposers) {
            if (!a.deleted()) {
                all.put(a.id, new AuthorOption(a.id, a.displayName));
            }
        }
        return all.values().stream().sorted((a, b) -> a.name().compareToIgnoreCase(b.name())).toList();
    }

    private static Query filter(Discussion discussion, SearchQuery query) {
        BooleanQuery.Builder filter = new BooleanQuery.Builder()
                .add(term(SearchIndex.DISCUSSION, discussion.id), Occur.FILTER);
        if (query.topicId() != null) {
            filter.add(term(SearchIndex.TOPIC, query.topicId()), Occur.FILTER);
        }
        if (query.authorId() != null) {
            filter.add(term(SearchIndex.AUTHOR, query.authorId()), Occur.FILTER);
        }
        if (query.questionId() != null) {
            filter.add(term(SearchIndex.QUESTION, query.questionId()), Occur.FILTER);
        }
        return filter.build();
    }

    private static Query term(String field, long value) {
        return new TermQuery(new Term(field, Long.toString(value)));
    }

    /**
     * The hits the database knows better about: a comment hidden or deleted, or anything removed, since the index
     * last caught up. Such a hit is left out before its snippet is made.
     */
    private static Set<String> withdrawn(List<SearchIndex.Hit> hits) {
        Map<Kind, List<Long>> ids = hits.stream().collect(Collectors.groupingBy(SearchIndex.Hit::kind,
                Collectors.mapping(SearchIndex.Hit::id, Collectors.toList())));
        Set<String> present = new HashSet<>();
        if (ids.containsKey(Kind.COMMENT)) {
            Comment.<Comment>list("id in ?1", ids.get(Kind.COMMENT)).stream().filter(SearchSources::visible)
                    .forEach(c -> present.add(SearchDocument.key(Kind.COMMENT, c.id)));
        }
        if (ids.containsKey(Kind.DEMAND)) {
            Demand.<Demand>list("id in ?1", ids.get(Kind.DEMAND))
                    .forEach(d -> present.add(SearchDocument.key(Kind.DEMAND, d.id)));
        }
        if (ids.containsKey(Kind.TOPIC)) {
            Topic.<Topic>list("id in ?1", ids.get(Kind.TOPIC))
                    .forEach(t -> present.add(SearchDocument.key(Kind.TOPIC, t.id)));
        }
        Set<String> gone = new HashSet<>();
        hits.stream().map(SearchIndex.Hit::key).filter(k -> !present.contains(k)).forEach(gone::add);
        return gone;
    }

    private static Map<Long, String> names(List<SearchIndex.Hit> hits) {
        List<Long> ids = hits.stream().map(SearchIndex.Hit::authorId).filter(id -> id != null).distinct().toList();
        if (ids.isEmpty()) {
            return Map.of();
        }
        return Account.<Account>list("id in ?1", ids).stream()
                .collect(Collectors.toMap(a -> a.id, a -> a.deleted() || a.displayName != null ? a.shownName() : ""));
    }

    private static ShownHit shown(SearchIndex.Hit h, Discussion discussion, Map<Long, Topic> topics,
            Map<Long, String> names) {
        Topic topic = h.topicId() == null ? null : topics.get(h.topicId());
        String author = h.authorId() == null ? null : names.get(h.authorId());
        String title = switch (h.kind()) {
            case DEMAND -> h.title();
            default -> topic == null ? h.title() : topic.label() + ": " + topic.title;
        };
        String url = switch (h.kind()) {
            case TOPIC -> "/topics/" + h.id();
            case COMMENT -> "/topics/" + h.topicId() + "#c" + h.id();
            case DEMAND -> "/discussions/" + discussion.slug + "/demands#d" + h.id();
        };
        SearchHit hit = new SearchHit(h.kind(), h.id(), h.topicId(), title, h.snippet(), author, h.createdAt(), url);
        return new ShownHit(hit, topic == null ? null : topic.kind, topic == null ? null : topic.number,
                topic == null ? null : topic.title);
    }

    private static Text text(Function<SearchMessages, String> message) {
        return Text.of(SearchMessages.class, message);
    }
}
