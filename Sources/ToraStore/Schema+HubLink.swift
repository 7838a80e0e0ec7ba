import GRDB

extension Schema {
    /// Which hub the shop joined (docs/hub.md): one row, written by `tora hub join` with
    /// its `hub.joined` journal entry. The private key stays in a file beside the shop
    /// file, never in it.
    static func createHubLink(_ db: Database) throws {
        try db.execute(
            sql: """
                CREATE TABLE hub_link (
                    id INTEGER PRIMARY KEY CHECK (id = 1),
                    url TEXT NOT NULL CHECK (length(url) BETWEEN 1 AND 400),
                    outlet INTEGER NOT NULL CHECK (outlet > 0),
                    cooperative TEXT NOT NULL,
                    outlet_code TEXT NOT NULL,
                    outlet_name TEXT NOT NULL,
                    public_key TEXT NOT NULL,
                    joined_at TEXT NOT NULL,
                    audit_seq INTEGER NOT NULL REFERENCES audit_journal(seq)
                );
                CREATE TRIGGER hub_link_no_delete BEFORE DELETE ON hub_link
                BEGIN SELECT RAISE(ABORT, 'hub_link is kept: a shop joins a hub once'); END;
                """)
    }
}
