package org.thesenforum.comment;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;

import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import jakarta.interceptor.Interceptor;

import org.thesenforum.web.MarkdownRenderer;

/**
 * Brings the stored HTML of comments up to the renderer and fills the {@code root_id} the migration left open.
 * <p>
 * At start-up, before the application answers, it fills the missing thread roots (threads deeper than the migration
 * follows; pages of threads need them). Then, in the background on a thread of its own so that start-up does not
 * wait, it renders every comment whose {@code body_html_version} is not the renderer's {@link MarkdownRenderer#VERSION}
 * (rows from before the column, or from an older renderer); until a row is done, readers get its body rendered on
 * request. In batches of {@link #BATCH} rows in id order, each in its own transaction; rows already done are skipped,
 * so it runs on every start and stops where nothing is left.
 * <p>
 * Each row is written by a bulk {@code UPDATE} of its two HTML columns only, and only while its body is still the one
 * rendered, so an edit committed meanwhile wins. A row whose rendering fails is logged with its id (one line) and
 * keeps its old version; the batch goes on, and the next batch starts after it, so a failing row cannot hold up
 * the job or the start.
 */
@Singleton
public class CommentHtmlBackfill {

    static final int BATCH = 500;

    private final MarkdownRenderer markdown;
    private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "comment-html-backfill");
        t.setDaemon(true);
        return t;
    });
    private volatile boolean stopping;

    CommentHtmlBackfill(MarkdownRenderer markdown) {
        this.markdown = markdown;
    }

    void onStart(@Observes @Priority(Interceptor.Priority.APPLICATION + 50) StartupEvent event) {
        int roots = fillRoots();
        if (roots > 0) {
            Log.infof("Comments: filled %d thread roots", roots);
        }
        executor.execute(() -> {
            try {
                int rendered = render();
                if (rendered > 0) {
                    Log.infof("Comments: rendered the stored HTML of %d comments (renderer version %d)", rendered,
                            MarkdownRenderer.VERSION);
                }
            } catch (RuntimeException e) {
                // Readers still get the body rendered on request; the next start tries again.
                if (!stopping) {
                    Log.warnf("Comments: rendering the stored HTML again stopped: %s", e.toString());
                }
            }
        });
    }

    void onStop(@Observes ShutdownEvent event) {
        stopping = true;
        executor.shutdown();
        try {
            // The batch under way ends with its transaction; the next start goes on from there.
            if (!executor.awaitTermination(10, TimeUnit.SECONDS)) {
                executor.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Renders every comment of another renderer version; returns how many it stored. */
    int render() {
        return render(markdown::render);
    }

    /** As {@link #render()}, with this rendering of a body. */
    int render(UnaryOperator<String> renderer) {
        int total = 0;
        long lastId = 0;
        while (!stopping) {
            long after = lastId;
            List<Object[]> batch = QuarkusTransaction.requiringNew().call(() -> Comment.getEntityManager()
                    .createQuery("select c.id, c.body from Comment c where c.id > :after and c.bodyHtmlVersion <> :version "
                            + "order by c.id",
                            Object[].class)
                    .setParameter("after", after).setParameter("version", MarkdownRenderer.VERSION)
                    .setMaxResults(BATCH).getResultList());
            if (batch.isEmpty()) {
                break;
            }
            lastId = (Long) batch.get(batch.size() - 1)[0];
            int done = QuarkusTransaction.requiringNew().call(() -> store(batch, renderer));
            total += done;
            Log.debugf("Comments: rendered a batch of %d comments", done);
            if (batch.size() < BATCH) {
                break;
            }
        }
        return total;
    }

    /** Renders and stores one batch of (id, body) rows; returns how many rows it stored. */
    private static int store(List<Object[]> batch, UnaryOperator<String> renderer) {
        int stored = 0;
        for (Object[] row : batch) {
            long id = (Long) row[0];
            String body = (String) row[1];
            String html;
            try {
                html = renderer.apply(body);
            } catch (RuntimeException e) {
                Log.warnf("Comments: could not render comment %d again (%s); it keeps its stored version", id,
                        e.toString());
                continue;
            }
            // Only the two columns, and only while the body is the one rendered: an edit committed meanwhile wins.
            stored += Comment.update("bodyHtml = ?1, bodyHtmlVersion = ?2 where id = ?3 and body = ?4", html,
                    MarkdownRenderer.VERSION, id, body);
        }
        return stored;
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
