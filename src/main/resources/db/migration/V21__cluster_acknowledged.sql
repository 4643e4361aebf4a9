-- How far the devices connected to each instance have applied a discussion's live log (package cluster), so that a
-- meeting's reach counts the devices of every instance: one row per instance, discussion and acknowledged seq
-- (-1: nothing acknowledged yet), with the number of connections at that seq. On H2 this table stays empty.
CREATE TABLE cluster_acknowledged (
    instance_id VARCHAR(40) NOT NULL,
    discussion_id BIGINT NOT NULL,
    acknowledged_seq BIGINT NOT NULL,
    connections INT NOT NULL,
    PRIMARY KEY (instance_id, discussion_id, acknowledged_seq)
);
CREATE INDEX cluster_acknowledged_discussion ON cluster_acknowledged (discussion_id);
