package org.thesenforum.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.QueryBuilder;

/**
 * Turns what someone typed into a Lucene query without reading it as Lucene syntax: every word, analysed as the
 * texts were (German stemming), must occur in the text or the title, also as the start of a longer word
 * ("Quartier" finds "Quartiersfonds"); text in double quotes must occur as a phrase.
 */
final class SearchQueries {

    /** Stems shorter than this match only whole words: a prefix of two or three letters matches too much. */
    static final int MIN_PREFIX = 4;

    private static final Pattern PARTS = Pattern.compile("\"([^\"]*)\"?|([^\\s\"]+)");

    private final Analyzer analyzer;

    SearchQueries(Analyzer analyzer) {
        this.analyzer = analyzer;
    }

    /** The query for the words and phrases of {@code text}; one that matches nothing when only stop words remain. */
    Query match(String text) {
        BooleanQuery.Builder all = new BooleanQuery.Builder();
        int clauses = 0;
        Matcher m = PARTS.matcher(text);
        while (m.find()) {
            if (m.group(1) != null) {
                Query phrase = phrase(m.group(1));
                if (phrase != null) {
                    all.add(phrase, Occur.MUST);
                    clauses++;
                }
            } else {
                for (String stem : stems(SearchIndex.TEXT, m.group(2))) {
                    all.add(word(stem), Occur.MUST);
                    clauses++;
                }
            }
        }
        return clauses == 0 ? new MatchNoDocsQuery("only stop words") : all.build();
    }

    private Query word(String stem) {
        BooleanQuery.Builder any = new BooleanQuery.Builder()
                .add(new BoostQuery(new TermQuery(new Term(SearchIndex.TITLE, stem)), 2f), Occur.SHOULD)
                .add(new TermQuery(new Term(SearchIndex.TEXT, stem)), Occur.SHOULD);
        if (stem.length() >= MIN_PREFIX) {
            any.add(new BoostQuery(new PrefixQuery(new Term(SearchIndex.TEXT, stem)), 0.3f), Occur.SHOULD);
            any.add(new BoostQuery(new PrefixQuery(new Term(SearchIndex.TITLE, stem)), 0.5f), Occur.SHOULD);
        }
        return any.build();
    }

    private Query phrase(String words) {
        List<String> stems = stems(SearchIndex.TEXT, words);
        if (stems.isEmpty()) {
            return null;
        }
        if (stems.size() == 1) {
            return word(stems.get(0));
        }
        QueryBuilder builder = new QueryBuilder(analyzer);
        BooleanQuery.Builder any = new BooleanQuery.Builder();
        Query inText = builder.createPhraseQuery(SearchIndex.TEXT, words);
        Query inTitle = builder.createPhraseQuery(SearchIndex.TITLE, words);
        if (inText != null) {
            any.add(inText, Occur.SHOULD);
        }
        if (inTitle != null) {
            any.add(new BoostQuery(inTitle, 2f), Occur.SHOULD);
        }
        return any.build();
    }

    /** The analysed terms of {@code text}, as the index holds them. */
    List<String> stems(String field, String text) {
        List<String> stems = new ArrayList<>();
        try (TokenStream tokens = analyzer.tokenStream(field, text)) {
            CharTermAttribute term = tokens.addAttribute(CharTermAttribute.class);
            tokens.reset();
            while (tokens.incrementToken()) {
                stems.add(term.toString());
            }
            tokens.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return stems;
    }
}
