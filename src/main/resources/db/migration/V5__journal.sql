-- The journal: the log of changes becomes a package of its own that knows no feature. The table is renamed,
-- each entry names the kind of entity it is about (redaction goes by kind and id instead of a type prefix),
-- and entries with a page fragment say where it goes: the id of a page element (target) and how (swap:
-- replace, append, prepend or remove). discussions.last_event_seq and pruned_through_seq stay; the journal
-- owns them.

ALTER TABLE live_events RENAME TO journal_entries;
ALTER TABLE journal_entries RENAME CONSTRAINT uk_live_events_seq TO uk_journal_entries_seq;
ALTER INDEX ix_live_events_created RENAME TO ix_journal_entries_created;
DROP INDEX ix_live_events_entity;
-- The primary and foreign key keep their generated names, which differ between H2 and PostgreSQL.

-- H2 cannot rename a sequence: the entries get ids from a new one (nothing refers to them), first moved out of
-- its range so that no two rows ever share an id on the way.
CREATE SEQUENCE journal_entries_seq START WITH 1 INCREMENT BY 50;
UPDATE journal_entries SET id = -id;
UPDATE journal_entries SET id = nextval('journal_entries_seq');
DROP SEQUENCE live_events_seq;

ALTER TABLE journal_entries ADD COLUMN entity_kind VARCHAR(40);
ALTER TABLE journal_entries ADD COLUMN target VARCHAR(100);
ALTER TABLE journal_entries ADD COLUMN swap VARCHAR(10);
CREATE INDEX ix_journal_entries_entity ON journal_entries (discussion_id, entity_kind, entity_id);

UPDATE journal_entries SET entity_kind = 'comment' WHERE type LIKE 'comment.%';
UPDATE journal_entries SET entity_kind = 'topic' WHERE type LIKE 'topic.%';

-- Where the fragments of existing entries go, as the topic page places them: a changed comment replaces its
-- element, a new one is appended to the thread or to its parent's replies, a lock status replaces the status.
UPDATE journal_entries SET target = 'c' || CAST(entity_id AS VARCHAR(20)), swap = 'replace'
    WHERE entity_kind = 'comment' AND type <> 'comment.created';
UPDATE journal_entries SET target = 'topic-status-' || CAST(topic_id AS VARCHAR(20)), swap = 'replace'
    WHERE entity_kind = 'topic';
UPDATE journal_entries SET target = 'thread-' || CAST(topic_id AS VARCHAR(20)), swap = 'append'
    WHERE type = 'comment.created'
    AND entity_id IN (SELECT c.id FROM comments c WHERE c.parent_id IS NULL);
-- Replies to a comment no deeper than the fourth level. Deeper replies are listed flat under their fourth-level
-- ancestor; their old entries keep no target, and clients place them by data.parentId as before.
UPDATE journal_entries SET swap = 'append', target = (SELECT 'c' || CAST(c.parent_id AS VARCHAR(20)) || '-replies'
        FROM comments c WHERE c.id = journal_entries.entity_id)
    WHERE type = 'comment.created'
    AND entity_id IN (SELECT c.id FROM comments c
        JOIN comments p ON p.id = c.parent_id
        LEFT JOIN comments a1 ON a1.id = p.parent_id
        LEFT JOIN comments a2 ON a2.id = a1.parent_id
        LEFT JOIN comments a3 ON a3.id = a2.parent_id
        WHERE a3.parent_id IS NULL);
