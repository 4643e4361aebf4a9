-- Display-name skeletons are now taken from the name as written before case folding (a Greek capital Epsilon looks
-- like E, its lower case does not look like e), and letters drawn as an empty space count as spaces. The start-up
-- backfill (account/SkeletonBackfill) fills them again; an account whose name then looks like an older one's keeps
-- none and is named in the log for an admin to look at.
UPDATE accounts SET display_name_skeleton = NULL WHERE deleted_at IS NULL;
