package org.thesenforum.comment;

import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.thesenforum.account.PersonalData;

/** The person's comments in the export of their data (account's outlet); deleted ones without their text. */
@ApplicationScoped
class CommentPersonalData implements PersonalData {

    /** One comment as exported. */
    record ExportedComment(long id, long topicId, String topic, Long parentId, String body, Instant createdAt,
            Instant editedAt, Instant deletedAt, boolean hidden, String hiddenReason) {
    }

    @Override
    public String name() {
        return "comments";
    }

    @Override
    @Transactional(Transactional.TxType.SUPPORTS)
    public Object of(long accountId) {
        List<Comment> comments = Comment.list("from Comment c join fetch c.topic left join fetch c.parent "
                + "where c.author.id = ?1 order by c.createdAt, c.id", accountId);
        return comments.stream().map(c -> new ExportedComment(c.id, c.topic.id, c.topic.label() + ": " + c.topic.title,
                c.parent == null ? null : c.parent.id, c.isDeleted() ? null : c.body, c.createdAt, c.editedAt,
                c.deletedAt, c.hidden, c.hiddenReason)).toList();
    }
}
