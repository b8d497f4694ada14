-- Schema 3: the history follows the strategy, the axes and the actions as well as the
-- objectives. Shipped: never edit; add a new migration instead.
--
-- A row's subject is its `level` and, below the strategy, `subject_id` (the id of the axis,
-- action or objective; 0 for the strategy) with the number it had then. Every row written
-- before this migration is an objective's.
ALTER TABLE history RENAME COLUMN objective_id TO subject_id;
ALTER TABLE history ADD COLUMN level TEXT NOT NULL DEFAULT 'objective'
    CHECK (level IN ('strategy', 'axis', 'action', 'objective'));

DROP INDEX history_by_objective;
CREATE INDEX history_by_subject ON history (level, subject_id, id);
