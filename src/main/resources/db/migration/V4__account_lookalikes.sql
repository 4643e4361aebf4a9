-- Look-alike accounts: the Unicode TR 39 confusable skeletons of each account's e-mail address and display
-- name. The unique indexes make sure that of two accounts that look alike only one can be stored, even when
-- both are registered at the same moment. The columns stay nullable: the application fills them for existing
-- rows at start-up (SkeletonBackfill), and leaves them empty for an old row that imitates another one.

ALTER TABLE accounts ADD COLUMN email_skeleton VARCHAR(600);
ALTER TABLE accounts ADD COLUMN display_name_skeleton VARCHAR(600);

CREATE UNIQUE INDEX ux_accounts_email_skeleton ON accounts (email_skeleton);
CREATE UNIQUE INDEX ux_accounts_display_name_skeleton ON accounts (display_name_skeleton);
