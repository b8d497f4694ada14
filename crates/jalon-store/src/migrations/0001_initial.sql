-- Schema 1 of a Jalon report. Shipped: never edit; add a new migration instead.
PRAGMA application_id = 1246514737;

CREATE TABLE strategy (
    id               INTEGER PRIMARY KEY CHECK (id = 1),
    title            TEXT NOT NULL CHECK (length(trim(title)) > 0),
    period           TEXT NOT NULL DEFAULT '',
    language         TEXT NOT NULL CHECK (language IN ('fr', 'en')),
    method           TEXT NOT NULL CHECK (method IN ('mean_of_children', 'flat')),
    reporting_period TEXT NOT NULL DEFAULT '',
    as_of            TEXT NOT NULL DEFAULT ''
) STRICT;

INSERT INTO strategy (id, title, language, method)
VALUES (1, 'Untitled strategy', 'en', 'mean_of_children');

CREATE TABLE axis (
    id       INTEGER PRIMARY KEY,
    number   INTEGER NOT NULL UNIQUE CHECK (number >= 1),
    title    TEXT NOT NULL CHECK (length(trim(title)) > 0),
    position INTEGER NOT NULL
) STRICT;

CREATE TABLE action (
    id                 INTEGER PRIMARY KEY,
    axis_id            INTEGER NOT NULL REFERENCES axis (id) ON DELETE CASCADE,
    number             INTEGER NOT NULL UNIQUE CHECK (number >= 1),
    title              TEXT NOT NULL CHECK (length(trim(title)) > 0),
    published_progress INTEGER CHECK (published_progress BETWEEN 0 AND 100),
    position           INTEGER NOT NULL
) STRICT;

CREATE INDEX action_by_axis ON action (axis_id, position);

CREATE TABLE objective (
    id                  INTEGER PRIMARY KEY,
    action_id           INTEGER NOT NULL REFERENCES action (id) ON DELETE CASCADE,
    number              INTEGER NOT NULL CHECK (number >= 1),
    part                INTEGER,
    parts               INTEGER,
    title               TEXT NOT NULL CHECK (length(trim(title)) > 0),
    status              TEXT NOT NULL
                        CHECK (status IN ('not_started', 'in_progress', 'completed', 'abandoned')),
    progress            INTEGER NOT NULL CHECK (progress BETWEEN 0 AND 100),
    achievement         TEXT NOT NULL DEFAULT '',
    next_steps          TEXT NOT NULL DEFAULT '',
    lead                TEXT NOT NULL DEFAULT '',
    due_date            TEXT NOT NULL DEFAULT '',
    weight              INTEGER NOT NULL DEFAULT 1 CHECK (weight BETWEEN 1 AND 1000),
    indicator_baseline  TEXT,
    indicator_current   TEXT,
    indicator_target    TEXT,
    indicator_unit      TEXT,
    indicator_direction TEXT CHECK (indicator_direction IN ('rising', 'falling')),
    position            INTEGER NOT NULL,
    CHECK ((part IS NULL AND parts IS NULL) OR (parts >= 2 AND part BETWEEN 1 AND parts))
) STRICT;

-- One whole objective per number, or distinct parts.
CREATE UNIQUE INDEX objective_number_part ON objective (number, ifnull(part, 0));
CREATE INDEX objective_by_action ON objective (action_id, position);
