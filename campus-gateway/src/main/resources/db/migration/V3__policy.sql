-- GreenTwin policies: the latest state of each policy, beside the twins (H2 and PostgreSQL).
-- A deleted policy keeps its row with deleted = TRUE, so a default campus policy the user deleted
-- is not seeded again at the next start.
CREATE TABLE twin_policy (
  policy_id VARCHAR(256) NOT NULL PRIMARY KEY,
  revision BIGINT NOT NULL,
  modified_ms BIGINT NOT NULL,
  deleted BOOLEAN NOT NULL,
  -- The policy as Ditto JSON with _revision/_created/_modified (the last state once deleted).
  policy VARCHAR NOT NULL
);
