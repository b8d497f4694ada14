-- Schema 5: contributor rounds. Shipped once merged: never edit; add a new migration instead.
--
-- A report has an identity of its own, made once, so that a workbook of a round says which
-- report it belongs to (a title can be shared or changed). A round sends one workbook per
-- lead; each workbook is issued, then returned and imported. The history says which
-- workbook an accepted change came from.
CREATE TABLE report_identity (
    id TEXT NOT NULL PRIMARY KEY CHECK (length(id) = 32 AND id NOT GLOB '*[^0-9a-f]*')
) STRICT;

INSERT INTO report_identity (id) VALUES (lower(hex(randomblob(16))));

CREATE TABLE round (
    id         TEXT NOT NULL PRIMARY KEY CHECK (length(id) = 32 AND id NOT GLOB '*[^0-9a-f]*'),
    started_at TEXT NOT NULL,
    due        TEXT NOT NULL DEFAULT '',
    period_id  INTEGER NOT NULL REFERENCES period (id),
    state      TEXT NOT NULL DEFAULT 'open' CHECK (state IN ('open', 'closed'))
) STRICT;

CREATE TABLE round_workbook (
    id              INTEGER PRIMARY KEY,
    round_id        TEXT NOT NULL REFERENCES round (id),
    lead            TEXT NOT NULL,
    file_name       TEXT NOT NULL,
    issued_at       TEXT NOT NULL,
    state           TEXT NOT NULL DEFAULT 'issued'
                        CHECK (state IN ('issued', 'returned', 'imported')),
    returned_sha256 TEXT CHECK (returned_sha256 IS NULL OR length(returned_sha256) = 64),
    imported_at     TEXT,
    UNIQUE (round_id, lead)
) STRICT;

ALTER TABLE history ADD COLUMN workbook_id INTEGER REFERENCES round_workbook (id);
