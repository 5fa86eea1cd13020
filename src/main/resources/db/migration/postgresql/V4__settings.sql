-- PostgreSQL dialect; db/migration/sqlite holds the same change for SQLite.
-- Values every instance sharing the database must agree on, each generated once by the first
-- instance that needs it (SharedSecrets): the key that signs list cursors, so that a cursor one
-- instance issued is good on every other and after a restart.
CREATE TABLE settings (
  name  VARCHAR(100)  NOT NULL PRIMARY KEY,
  value VARCHAR(1000) NOT NULL
);
