-- Schema 4: the history is read as typed changes (jalon_core::history::Change). Shipped:
-- never edit; add a new migration instead.
--
-- The table is made again so that its `field` column admits only the changes this version
-- knows: a row it could not read as a typed change is refused by the file itself. Every row
-- is kept, with its id. Indicator values, one formatted line before, become JSON: that step
-- is Rust (store.rs, `indicators_to_json`), run in the same transaction after this script.
CREATE TABLE history_4 (
    id         INTEGER PRIMARY KEY,
    at         TEXT NOT NULL,
    period_id  INTEGER NOT NULL REFERENCES period (id),
    subject_id INTEGER NOT NULL,
    number     INTEGER NOT NULL,
    part       INTEGER,
    field      TEXT NOT NULL CHECK (field IN (
                   'created', 'deleted', 'number', 'axis', 'action', 'indicator', 'title',
                   'status', 'progress', 'achievement', 'next_steps', 'lead', 'due_date',
                   'weight', 'period', 'language', 'method', 'reporting_period', 'as_of',
                   'published_progress')),
    old_value  TEXT NOT NULL,
    new_value  TEXT NOT NULL,
    level      TEXT NOT NULL DEFAULT 'objective'
                   CHECK (level IN ('strategy', 'axis', 'action', 'objective'))
) STRICT;

INSERT INTO history_4 (id, at, period_id, subject_id, number, part, field, old_value, new_value,
                       level)
    SELECT id, at, period_id, subject_id, number, part, field, old_value, new_value, level
    FROM history;

DROP TABLE history;
ALTER TABLE history_4 RENAME TO history;
CREATE INDEX history_by_subject ON history (level, subject_id, id);
