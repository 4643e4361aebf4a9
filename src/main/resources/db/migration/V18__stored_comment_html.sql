-- Comment bodies rendered once at write time (body_html, made by renderer version body_html_version) and the
-- top-level comment each reply belongs to (root_id), so that the topic page loads a page of threads by their roots.
-- body_html stays empty here: the start-up job CommentHtmlBackfill renders every row whose version differs from the
-- renderer's (in batches), also after a later change of the renderer. root_id is filled below for threads up to
-- 16 levels deep; the same job fills any deeper rest.
ALTER TABLE comments ADD COLUMN body_html TEXT;
ALTER TABLE comments ADD COLUMN body_html_version INTEGER NOT NULL DEFAULT 0;
ALTER TABLE comments ADD COLUMN root_id BIGINT;
UPDATE comments SET root_id = id WHERE parent_id IS NULL;
UPDATE comments SET root_id = (SELECT p.root_id FROM comments p WHERE p.id = comments.parent_id) WHERE root_id IS NULL AND parent_id IS NOT NULL;
UPDATE comments SET root_id = (SELECT p.root_id FROM comments p WHERE p.id = comments.parent_id) WHERE root_id IS NULL AND parent_id IS NOT NULL;
UPDATE comments SET root_id = (SELECT p.root_id FROM comments p WHERE p.id = comments.parent_id) WHERE root_id IS NULL AND parent_id IS NOT NULL;
UPDATE comments SET root_id = (SELECT p.root_id FROM comments p WHERE p.id = comments.parent_id) WHERE root_id IS NULL AND parent_id IS NOT NULL;
UPDATE comments SET root_id = (SELECT p.root_id FROM comments p WHERE p.id = comments.parent_id) WHERE root_id IS NULL AND parent_id IS NOT NULL;
UPDATE comments SET root_id = (SELECT p.root_id FROM comments p WHERE p.id = comments.parent_id) WHERE root_id IS NULL AND parent_id IS NOT NULL;
UPDATE comments SET root_id = (SELECT p.root_id FROM comments p WHERE p.id = comments.parent_id) WHERE root_id IS NULL AND parent_id IS NOT NULL;
UPDATE comments SET root_id = (SELECT p.root_id FROM comments p WHERE p.id = comments.parent_id) WHERE root_id IS NULL AND parent_id IS NOT NULL;
UPDATE comments SET root_id = (SELECT p.root_id FROM comments p WHERE p.id = comments.parent_id) WHERE root_id IS NULL AND parent_id IS NOT NULL;
UPDATE comments SET root_id = (SELECT p.root_id FROM comments p WHERE p.id = comments.parent_id) WHERE root_id IS NULL AND parent_id IS NOT NULL;
UPDATE comments SET root_id = (SELECT p.root_id FROM comments p WHERE p.id = comments.parent_id) WHERE root_id IS NULL AND parent_id IS NOT NULL;
UPDATE comments SET root_id = (SELECT p.root_id FROM comments p WHERE p.id = comments.parent_id) WHERE root_id IS NULL AND parent_id IS NOT NULL;
UPDATE comments SET root_id = (SELECT p.root_id FROM comments p WHERE p.id = comments.parent_id) WHERE root_id IS NULL AND parent_id IS NOT NULL;
UPDATE comments SET root_id = (SELECT p.root_id FROM comments p WHERE p.id = comments.parent_id) WHERE root_id IS NULL AND parent_id IS NOT NULL;
UPDATE comments SET root_id = (SELECT p.root_id FROM comments p WHERE p.id = comments.parent_id) WHERE root_id IS NULL AND parent_id IS NOT NULL;
UPDATE comments SET root_id = (SELECT p.root_id FROM comments p WHERE p.id = comments.parent_id) WHERE root_id IS NULL AND parent_id IS NOT NULL;
CREATE INDEX ix_comments_root ON comments (root_id, created_at);
CREATE INDEX ix_comments_body_html_version ON comments (body_html_version);
