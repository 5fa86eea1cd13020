-- PostgreSQL dialect; db/migration/sqlite holds the same change.
-- Agents' names are unique whatever their case (docs/SECURITY.md): AgentService refused "ann" next
-- to "Ann", but only by looking first, and two instances creating them at the same moment both
-- looked before either had written, while the names' UNIQUE constraint compares case. An index on
-- LOWER(name) makes the database refuse the second, whoever is first.
--
-- Names that differ only in case already stored are settled first, without losing an agent: the
-- oldest (by created_at, then id) keeps its name, the others get " (2)", " (3)"... in that order,
-- cut to stay within 100 characters. Where such a name is taken already (an agent really named
-- "Ann (2)", or two long names cut to the same text), the agent's id is the suffix instead, which
-- no other agent has. Tickets and history keep the name as it was when they were written.

CREATE TABLE agent_renames (
  id    VARCHAR(36) NOT NULL PRIMARY KEY,
  name  TEXT        NOT NULL,
  taken INTEGER     NOT NULL DEFAULT 0
);

INSERT INTO agent_renames (id, name)
SELECT id, SUBSTR(name, 1, 100 - LENGTH(suffix)) || suffix
FROM (SELECT a.id, a.name,
             ' (' || (SELECT COUNT(*) + 1 FROM agents b
                      WHERE LOWER(b.name) = LOWER(a.name)
                        AND (b.created_at < a.created_at OR (b.created_at = a.created_at AND b.id < a.id))) || ')'
               AS suffix
      FROM agents a
      WHERE EXISTS (SELECT 1 FROM agents b
                    WHERE LOWER(b.name) = LOWER(a.name)
                      AND (b.created_at < a.created_at OR (b.created_at = a.created_at AND b.id < a.id)))) later;

UPDATE agent_renames SET taken = 1
WHERE EXISTS (SELECT 1 FROM agents b WHERE LOWER(b.name) = LOWER(agent_renames.name))
   OR EXISTS (SELECT 1 FROM agent_renames o WHERE o.id <> agent_renames.id AND LOWER(o.name) = LOWER(agent_renames.name));

UPDATE agent_renames
SET name = (SELECT SUBSTR(a.name, 1, 61) || ' (' || a.id || ')' FROM agents a WHERE a.id = agent_renames.id)
WHERE taken = 1;

UPDATE agents
SET name = (SELECT r.name FROM agent_renames r WHERE r.id = agents.id)
WHERE id IN (SELECT id FROM agent_renames);

DROP TABLE agent_renames;

-- V9's case-sensitive UNIQUE constraint stays: this index refuses all it refused, and more.
CREATE UNIQUE INDEX agents_name_lower ON agents (LOWER(name));
