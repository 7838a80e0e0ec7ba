import PostgresNIO

/// The hub's schema, as numbered migrations applied once each and in order
/// (docs/hub.md "The database"). Never edit one that shipped; append the next.
enum HubSchema {
    static let migrations: [(version: String, statements: [String])] = [
        ("1-outlets-journal", outletsAndJournal),
        ("2-journal-hash-index", ["CREATE INDEX journal_entries_hash ON journal_entries (hash)"]),
        ("3-shared-data", sharedData),
        (HubProjections.migration, HubProjections.tables),
        ("5-outlet-events", outletEvents),
        ("6-subsidy-use", subsidyUse),
        // Nothing to create: applying it rebuilds the materialized days with members' savings.
        (HubSavings.migration, []),
    ]

    /// Each outlet's subsidised units per buyer, programme and day, as its last sync
    /// sent them (docs/hub.md "Subsidised units across outlets"). Replaced, not appended:
    /// the journal is the record; this is the limit's working copy.
    static let subsidyUse = [
        """
        CREATE TABLE subsidy_use (
            outlet_id bigint NOT NULL REFERENCES outlets(id),
            programme text NOT NULL CHECK (length(programme) BETWEEN 1 AND 32),
            nik text NOT NULL CHECK (nik ~ '^[0-9]{16}$'),
            day date NOT NULL,
            units bigint NOT NULL CHECK (units <> 0),
            PRIMARY KEY (outlet_id, programme, nik, day)
        )
        """,
        "CREATE INDEX subsidy_use_day ON subsidy_use (day)",
    ]

    /// What was done to an outlet's standing, for the cooperative's auditors: flagged,
    /// cleared, a new key asked for and given (docs/hub.md "Flags and keys").
    static let outletEvents = [
        """
        CREATE TABLE outlet_events (
            id bigserial PRIMARY KEY,
            outlet_id bigint NOT NULL REFERENCES outlets(id),
            at timestamptz NOT NULL DEFAULT now(),
            kind text NOT NULL CHECK (kind IN ('flagged', 'cleared', 'rekey_issued', 'rekeyed')),
            detail text NOT NULL
        )
        """,
        "CREATE INDEX outlet_events_outlet ON outlet_events (outlet_id, id)",
    ]

    static let sharedData = [
        """
        CREATE TABLE shared_versions (
            cooperative_id bigint NOT NULL REFERENCES cooperatives(id),
            version bigint NOT NULL CHECK (version > 0),
            data text NOT NULL,
            published_at timestamptz NOT NULL DEFAULT now(),
            PRIMARY KEY (cooperative_id, version)
        )
        """
    ]

    /// How many hash partitions the journal has; more are added by splitting, never by editing.
    static let journalPartitions = 16

    static let outletsAndJournal: [String] =
        [
            """
            CREATE TABLE cooperatives (
                id bigserial PRIMARY KEY,
                code text NOT NULL UNIQUE CHECK (length(code) BETWEEN 1 AND 60),
                created_at timestamptz NOT NULL DEFAULT now()
            )
            """,
            """
            CREATE TABLE outlets (
                id bigserial PRIMARY KEY,
                cooperative_id bigint NOT NULL REFERENCES cooperatives(id),
                code text NOT NULL CHECK (length(code) BETWEEN 1 AND 60),
                name text NOT NULL CHECK (length(name) BETWEEN 1 AND 120),
                enrolment_code_hash text NOT NULL UNIQUE,
                public_key bytea UNIQUE CHECK (public_key IS NULL OR length(public_key) = 32),
                enrolled_at timestamptz,
                state text NOT NULL DEFAULT 'ok' CHECK (state IN ('ok', 'flagged')),
                flag_reason text,
                flagged_at timestamptz,
                last_sync timestamptz,
                head_seq bigint NOT NULL DEFAULT 0 CHECK (head_seq >= 0),
                head_hash text,
                created_at timestamptz NOT NULL DEFAULT now(),
                UNIQUE (cooperative_id, code)
            )
            """,
            """
            CREATE TABLE journal_entries (
                outlet_id bigint NOT NULL REFERENCES outlets(id),
                seq bigint NOT NULL CHECK (seq > 0),
                at text NOT NULL,
                actor text NOT NULL,
                register text,
                kind text NOT NULL,
                payload text NOT NULL,
                prev_hash text NOT NULL,
                hash text NOT NULL,
                received_at timestamptz NOT NULL DEFAULT now(),
                PRIMARY KEY (outlet_id, seq)
            ) PARTITION BY HASH (outlet_id)
            """,
        ]
        + (0..<journalPartitions).map {
            "CREATE TABLE journal_entries_p\($0) PARTITION OF journal_entries FOR VALUES WITH (MODULUS \(journalPartitions), REMAINDER \($0))"
        }
        + [
            """
            CREATE FUNCTION journal_entries_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                RAISE EXCEPTION 'journal entries are append-only: % refused', TG_OP;
            END
            $$
            """,
            """
            CREATE TRIGGER journal_entries_no_change BEFORE UPDATE OR DELETE ON journal_entries
                FOR EACH ROW EXECUTE FUNCTION journal_entries_append_only()
            """,
        ]
        + (0..<journalPartitions).map {
            """
            CREATE TRIGGER journal_entries_p\($0)_no_truncate BEFORE TRUNCATE ON journal_entries_p\($0)
                FOR EACH STATEMENT EXECUTE FUNCTION journal_entries_append_only()
            """
        }
}

extension HubDatabase {
    /// Applies the migrations not yet applied, each in its own transaction, under an
    /// advisory lock so two `tora-hub migrate` at once apply each once. Returns the
    /// versions applied now (none when the schema is current).
    public func migrate() async throws -> [String] {
        try await reachable { database in
            try await database.client.query(
                "CREATE TABLE IF NOT EXISTS hub_migrations (version text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())")
            var applied: [String] = []
            for migration in HubSchema.migrations {
                let done = try await database.transaction { connection in
                    try await connection.query("SELECT pg_advisory_xact_lock(7261001)", logger: database.logger)
                    let rows = try await connection.query(
                        "SELECT 1 FROM hub_migrations WHERE version = \(migration.version)", logger: database.logger)
                    for try await _ in rows { return false }
                    for statement in migration.statements {
                        try await connection.query(PostgresQuery(unsafeSQL: statement), logger: database.logger)
                    }
                    try await connection.query("INSERT INTO hub_migrations(version) VALUES (\(migration.version))", logger: database.logger)
                    return true
                }
                if done { applied.append(migration.version) }
            }
            return applied
        }
    }

    /// Whether every migration has been applied (`serve` refuses an older schema).
    public func isMigrated() async throws -> Bool {
        try await reachable { database in
            let rows = try await database.client.query(
                "SELECT count(*)::bigint FROM pg_tables WHERE tablename = 'hub_migrations'")
            var exists = false
            for try await count in rows.decode(Int64.self) { exists = count > 0 }
            guard exists else { return false }
            var versions: Set<String> = []
            for try await version in try await database.client.query("SELECT version FROM hub_migrations").decode(String.self) {
                versions.insert(version)
            }
            return HubSchema.migrations.allSatisfy { versions.contains($0.version) }
        }
    }
}
