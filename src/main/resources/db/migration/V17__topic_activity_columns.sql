-- Every topic keeps how many visible comments it has (neither hidden nor deleted) and when the newest of them was
-- written, so a post, a page or the API never counts a whole thread. The comment feature updates both columns in the
-- transaction of every change that makes a comment visible or invisible; here they are filled from the comments
-- that exist. Runs unchanged on H2 (MODE=PostgreSQL) and PostgreSQL 15.
ALTER TABLE topics ADD COLUMN comment_count BIGINT NOT NULL DEFAULT 0;
ALTER TABLE topics ADD COLUMN last_comment_at TIMESTAMP WITH TIME ZONE;

UPDATE topics SET
    comment_count = (SELECT COUNT(*) FROM comments c
        WHERE c.topic_id = topics.id AND c.deleted_at IS NULL AND c.hidden = FALSE),
    last_comment_at = (SELECT MAX(c.created_at) FROM comments c
        WHERE c.topic_id = topics.id AND c.deleted_at IS NULL AND c.hidden = FALSE);
