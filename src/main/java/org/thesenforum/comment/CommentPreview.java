package org.thesenforum.comment;

import jakarta.enterprise.context.ApplicationScoped;

import org.thesenforum.web.Inputs;
import org.thesenforum.web.MarkdownRenderer;

/**
 * The preview of a comment before it is sent: the same checks and the same renderer as a posted comment, so what the
 * author sees is what the thread will show. Nothing is stored.
 */
@ApplicationScoped
public class CommentPreview {

    private final MarkdownRenderer markdown;

    CommentPreview(MarkdownRenderer markdown) {
        this.markdown = markdown;
    }

    /** The comment text as the thread would show it; refused like a post when blank or too long ({@code body}). */
    public String render(String body) {
        return markdown.render(Inputs.requiredText("body", body, CommentService.MAX_BODY));
    }
}
