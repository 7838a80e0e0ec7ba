import GRDB

extension Schema {
    /// The cooperative's shared data (docs/shared-data.md): each version applied, with the
    /// journal entry that recorded it, and the subsidised units its buyers took at other
    /// outlets, replaced whole by each version.
    static func createSharedData(_ db: Database) throws {
        try db.execute(
            sql: """
                CREATE TABLE shared_data_versions (
                    version INTEGER PRIMARY KEY CHECK (version > 0),
                    cooperative TEXT NOT NULL,
                    applied_at TEXT NOT NULL,
                    changes INTEGER NOT NULL,
                    audit_seq INTEGER NOT NULL,
                    audit_hash TEXT NOT NULL
                );
                CREATE TRIGGER shared_data_versions_no_update BEFORE UPDATE ON shared_data_versions BEGIN
                    SELECT RAISE(ABORT, 'applied versions are append-only');
                END;
                CREATE TRIGGER shared_data_versions_no_delete BEFORE DELETE ON shared_data_versions BEGIN
                    SELECT RAISE(ABORT, 'applied versions are append-only');
                END;
                CREATE TABLE subsidy_remote_use (
                    programme TEXT NOT NULL COLLATE NOCASE,
                    nik TEXT NOT NULL CHECK (length(nik) = 16 AND nik NOT GLOB '*[^0-9]*'),
                    day TEXT NOT NULL,
                    units INTEGER NOT NULL CHECK (units > 0),
                    version INTEGER NOT NULL REFERENCES shared_data_versions(version),
                    PRIMARY KEY (programme, nik, day)
                ) WITHOUT ROWID;
                """)
    }

    /// The subsidised units the cooperative's other outlets sold, per buyer, programme and
    /// day, as the hub counted them at the last `tora sync` (docs/hub.md "Subsidised units
    /// across outlets"); replaced whole by each sync that brings a change.
    static func createSubsidyHubUse(_ db: Database) throws {
        try db.execute(
            sql: """
                CREATE TABLE subsidy_hub_use (
                    programme TEXT NOT NULL COLLATE NOCASE,
                    nik TEXT NOT NULL CHECK (length(nik) = 16 AND nik NOT GLOB '*[^0-9]*'),
                    day TEXT NOT NULL,
                    units INTEGER NOT NULL CHECK (units > 0),
                    PRIMARY KEY (programme, nik, day)
                ) WITHOUT ROWID;
                """)
    }
}
