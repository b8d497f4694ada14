-- Schema 2: reporting periods, frozen snapshots and the edit history.
-- Shipped: never edit; add a new migration instead.

-- A period is a quarter's edition of the report. The live tables (axis, action, objective)
-- always hold the one open period; a closed period keeps a frozen copy of the whole report as
-- a JSON document, with its SHA-256 so that a changed byte is noticed on read.
CREATE TABLE period (
    id        INTEGER PRIMARY KEY,
    label     TEXT NOT NULL,
    as_of     TEXT NOT NULL DEFAULT '',
    state     TEXT NOT NULL CHECK (state IN ('open', 'closed')),
    closed_at TEXT,
    snapshot  TEXT,
    checksum  TEXT,
    CHECK ((state = 'open' AND snapshot IS NULL AND checksum IS NULL)
        OR (state = 'closed' AND snapshot IS NOT NULL AND length(checksum) = 64
            AND length(trim(label)) > 0))
) STRICT;

-- Exactly one open period: at most one by this index, at least one because nothing deletes
-- or closes the open period without opening the next in the same transaction.
CREATE UNIQUE INDEX one_open_period ON period (state) WHERE state = 'open';
CREATE UNIQUE INDEX closed_period_label ON period (label) WHERE state = 'closed';

-- What was reported stays as it was reported: the file itself refuses to change or drop a
-- closed period, whatever program writes to it.
CREATE TRIGGER closed_period_is_frozen BEFORE UPDATE ON period WHEN OLD.state = 'closed'
BEGIN
    SELECT RAISE(ABORT, 'a closed period is read-only');
END;

CREATE TRIGGER closed_period_is_kept BEFORE DELETE ON period WHEN OLD.state = 'closed'
BEGIN
    SELECT RAISE(ABORT, 'a closed period cannot be deleted');
END;

-- The strategy's reporting period and "as of" date are the open period's; the trigger keeps
-- them in step whichever path writes the strategy.
CREATE TRIGGER strategy_names_the_open_period
AFTER UPDATE OF reporting_period, as_of ON strategy
BEGIN
    UPDATE period SET label = NEW.reporting_period, as_of = NEW.as_of WHERE state = 'open';
END;

-- A report made before periods existed gets its current edition as the open period.
INSERT INTO period (label, as_of, state) SELECT reporting_period, as_of, 'open' FROM strategy;

-- One row per changed field of an objective. objective_id has no foreign key on purpose: the
-- history of a deleted objective is kept (an undo brings the objective back with its id).
CREATE TABLE history (
    id           INTEGER PRIMARY KEY,
    at           TEXT NOT NULL,
    period_id    INTEGER NOT NULL REFERENCES period (id),
    objective_id INTEGER NOT NULL,
    number       INTEGER NOT NULL,
    part         INTEGER,
    field        TEXT NOT NULL,
    old_value    TEXT NOT NULL,
    new_value    TEXT NOT NULL
) STRICT;

CREATE INDEX history_by_objective ON history (objective_id, id);
