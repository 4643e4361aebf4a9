package org.thesenforum.web;

import io.quarkus.qute.EngineBuilder;
import io.quarkus.qute.Expression;
import io.quarkus.qute.RawString;
import io.quarkus.qute.ResultMapper;
import io.quarkus.qute.TemplateNode.Origin;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

/**
 * Escapes every value that a Markdown template ({@code *.md}, {@code text/markdown}) outputs as Markdown text
 * ({@link MarkdownText#escape}), as Qute escapes the values of an HTML template. As there, {@code .raw} is only for
 * what {@link MarkdownRenderer#markdown} made of a Markdown source.
 */
@Singleton
class MarkdownTemplates implements ResultMapper {

    static final String MARKDOWN = "text/markdown";

    void register(@Observes EngineBuilder builder) {
        builder.addResultMapper(this);
    }

    @Override
    public boolean appliesTo(Origin origin, Object result) {
        return !(result instanceof RawString)
                && origin.getVariant().map(v -> MARKDOWN.equals(v.getContentType())).orElse(false);
    }

    @Override
    public String map(Object result, Expression expression) {
        return MarkdownText.escape(result.toString());
    }
}
