package org.thesenforum.comment;

import java.util.List;

import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import jakarta.interceptor.Interceptor;

import org.thesenforum.web.MarkdownRenderer;

/**
 * At start-up, renders the stored HTML of every comment whose {@code body_html_version} is not the renderer's
 * {@link MarkdownRenderer#VERSION} (rows from before the column, or from an older renderer), and fills the
 * {@code root_id} the migration left open (threads deeper than it follows). In batches of {@link #BATCH} rows, each in
 * its own transaction; rows already done are skipped, so it runs on every start and stops where nothing is left.
 */
@Singleton
public class CommentHtmlBackfill {

    static final int BATCH = 500;

    private final CommentService comments;

    CommentHtmlBackfill(CommentService comments) {
        this.comments = comments;
    }

    void onStart(@Observes @Priority(Interceptor.Priority.APPLICATION + 50) StartupEvent event) {
        int roots = fillRoots();
        int rendered = render();
        if (roots > 0 || rendered > 0) {
            Log.infof("Comments: rendered the stored HTML of %d comments (renderer version %d), filled %d thread roots",
                    rendered, MarkdownRenderer.VERSION, roots);
        }
    }

    /** Renders every comment of another renderer version; returns how many. */
    int render() {
        int total = 0;
        while (true) {
            int done = QuarkusTransaction.requiringNew().call(() -> {
                List<Comment> batch = Comment.find("bodyHtmlVersion <> ?1 order by id", MarkdownRenderer.VERSION)
                        .page(0, BATCH).list();
                batch.forEach(comments::storeHtml);
                return batch.size();
            });
            total += done;
            if (done > 0) {
                Log.debugf("Comments: rendered a batch of %d comments", done);
            }
            if (done < BATCH) {
                return total;
            }
        }
    }

    /** Fills the top-level comment of every comment without one; returns how many. */
    int fillRoots() {
        int total = 0;
        while (true) {
            int done = QuarkusTransaction.requiringNew().call(() -> {
                List<Comment> batch = Comment.find("rootId is null order by id").page(0, BATCH).list();
                for (Comment c : batch) {
                    c.rootId = c.parent == null ? c.id
                            : c.parent.rootId != null ? c.parent.rootId : c.parent.root().id;
                }
                return batch.size();
            });
            total += done;
            if (done < BATCH) {
                return total;
            }
        }
    }
}
