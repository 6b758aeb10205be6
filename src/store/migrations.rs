//! The numbered schema migrations. `PRAGMA user_version` holds the number of the last one applied;
//! each is applied in its own transaction, so a crash leaves the file at a whole version.
//! Never edit a migration that has shipped: add the next one.

pub(super) const MIGRATIONS: &[&str] = &[
    // 1: children, the reader's settings, and the delivery log.
    "CREATE TABLE child (
        id INTEGER PRIMARY KEY,
        nickname TEXT NOT NULL DEFAULT '',
        due_date TEXT,
        birth_date TEXT,
        birth_recorded_on TEXT,
        registered_on TEXT NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('expecting', 'born', 'ended')),
        ended_on TEXT,
        ended_reason TEXT CHECK (ended_reason IN ('pregnancy-loss', 'child-loss', 'other')),
        CHECK (due_date IS NOT NULL OR birth_date IS NOT NULL),
        CHECK ((birth_date IS NULL) = (birth_recorded_on IS NULL)),
        CHECK ((status = 'ended') = (ended_on IS NOT NULL))
    ) STRICT;
    CREATE TABLE setting (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL
    ) STRICT;
    CREATE TABLE delivery (
        id INTEGER PRIMARY KEY,
        child_id INTEGER NOT NULL REFERENCES child (id) ON DELETE CASCADE,
        slot TEXT NOT NULL,
        due_on TEXT NOT NULL,
        earlier INTEGER NOT NULL DEFAULT 0,
        notified_at TEXT,
        shown_at TEXT,
        read_at TEXT,
        bookmarked INTEGER NOT NULL DEFAULT 0,
        UNIQUE (child_id, slot)
    ) STRICT;
    CREATE INDEX delivery_by_date ON delivery (due_on);",
    // 2: full-text search over delivered messages. The trigram tokenizer finds Japanese
    // substrings of three or more characters; shorter queries fall back to instr().
    "CREATE VIRTUAL TABLE archive_text USING fts5 (title, body, tokenize = 'trigram');
    CREATE TRIGGER delivery_text_gone AFTER DELETE ON delivery BEGIN
        DELETE FROM archive_text WHERE rowid = old.id;
    END;",
    // 3: the town's feed: its state, stage-timed overlays and dated event notices.
    "CREATE TABLE town_feed (
        town TEXT PRIMARY KEY,
        version INTEGER NOT NULL,
        generated_at TEXT NOT NULL,
        expires_at TEXT NOT NULL,
        etag TEXT,
        last_modified TEXT,
        checked_at TEXT,
        applied_at TEXT,
        last_error TEXT
    ) STRICT;
    CREATE TABLE overlay (
        id TEXT NOT NULL,
        town TEXT NOT NULL REFERENCES town_feed (town) ON DELETE CASCADE,
        locale TEXT NOT NULL,
        anchor TEXT NOT NULL CHECK (anchor IN ('pregnancy', 'days', 'months', 'birthday')),
        anchor_value INTEGER NOT NULL,
        title TEXT NOT NULL,
        body TEXT NOT NULL,
        expires_on TEXT,
        PRIMARY KEY (town, id, locale)
    ) STRICT;
    CREATE INDEX overlay_by_anchor ON overlay (anchor, anchor_value);
    CREATE TABLE event_notice (
        id TEXT NOT NULL,
        town TEXT NOT NULL REFERENCES town_feed (town) ON DELETE CASCADE,
        locale TEXT NOT NULL,
        title TEXT NOT NULL,
        body TEXT NOT NULL,
        starts_at TEXT NOT NULL,
        ends_at TEXT,
        place TEXT,
        url TEXT,
        stages TEXT NOT NULL DEFAULT '[]',
        publish_on TEXT,
        expires_on TEXT,
        mentioned_on TEXT,
        PRIMARY KEY (town, id, locale)
    ) STRICT;",
    // 4: children shared from another phone (issue #12). `share_id` is the child's identity in
    // share codes, made when the child is first shared (or taken from the code that added it);
    // a database belongs to one town's build, so unique here is unique per town.
    "ALTER TABLE child ADD COLUMN shared INTEGER NOT NULL DEFAULT 0 CHECK (shared IN (0, 1));
    ALTER TABLE child ADD COLUMN share_id INTEGER CHECK (share_id BETWEEN 0 AND 1073741823);
    CREATE UNIQUE INDEX child_by_share_id ON child (share_id);",
    // 5: the town's surveys (feed schema 2), replaced with the feed like overlays, and the
    // reader's marks on them, which outlive feed updates: shown, dismissed, mentioned in a
    // notification. Marks are keyed by the survey's opening day too, so next year's survey under
    // the same key is new. They never leave the device.
    "CREATE TABLE survey (
        id TEXT NOT NULL,
        town TEXT NOT NULL REFERENCES town_feed (town) ON DELETE CASCADE,
        locale TEXT NOT NULL,
        title TEXT NOT NULL,
        body TEXT NOT NULL,
        url TEXT NOT NULL,
        opens_on TEXT NOT NULL,
        closes_on TEXT NOT NULL,
        stages TEXT NOT NULL DEFAULT '[]',
        PRIMARY KEY (town, id, locale)
    ) STRICT;
    CREATE TABLE survey_mark (
        town TEXT NOT NULL,
        id TEXT NOT NULL,
        opens_on TEXT NOT NULL,
        shown_on TEXT,
        dismissed_on TEXT,
        mentioned_on TEXT,
        PRIMARY KEY (town, id, opens_on)
    ) STRICT;",
    // 6: search for one- and two-character words (熱, 貧血) without reading every message: each
    // delivered text as the overlapping pairs of its characters, one token each, so a two-character
    // word is one token and a one-character word a token prefix. Positions are not needed
    // (detail = none). Dropping the index key makes the next catch-up index everything again.
    "CREATE VIRTUAL TABLE archive_grams USING fts5 (grams, tokenize = 'unicode61 remove_diacritics 0', detail = none);
    DROP TRIGGER delivery_text_gone;
    CREATE TRIGGER delivery_text_gone AFTER DELETE ON delivery BEGIN
        DELETE FROM archive_text WHERE rowid = old.id;
        DELETE FROM archive_grams WHERE rowid = old.id;
    END;
    DELETE FROM setting WHERE key = 'archive-index';",
    // 7: what the family copies from the Maternal and Child Health Handbook (issue #13): doses
    // given and check-ups attended, by the schedule's ids. Removed with the child.
    "CREATE TABLE dose (
        child_id INTEGER NOT NULL REFERENCES child (id) ON DELETE CASCADE,
        vaccine TEXT NOT NULL,
        number INTEGER NOT NULL CHECK (number >= 1),
        given_on TEXT NOT NULL,
        PRIMARY KEY (child_id, vaccine, number)
    ) STRICT;
    CREATE TABLE checkup_attended (
        child_id INTEGER NOT NULL REFERENCES child (id) ON DELETE CASCADE,
        visit TEXT NOT NULL,
        attended_on TEXT NOT NULL,
        PRIMARY KEY (child_id, visit)
    ) STRICT;",
    // 8: the state a child was in when this phone last showed its share code (issue #12), so the
    // share screen can say to share again once the birth is recorded or the messages stopped.
    // Null: never shared from this phone.
    "ALTER TABLE child ADD COLUMN shared_as TEXT CHECK (shared_as IN ('expecting', 'born', 'stopped'));",
];

/// The schema version this build writes.
pub const LATEST: i64 = MIGRATIONS.len() as i64;
