import GRDB

extension Schema {
    /// Members' savings balances at the cooperative's other outlets, as the hub summed
    /// them at the last `tora sync` that brought a change, and the hub's moment of that
    /// answer (docs/hub.md "Savings across outlets"); replaced whole by each such sync.
    /// No reference to `members`: a member may have saved elsewhere and never here.
    static func createSavingsHubBalances(_ db: Database) throws {
        try db.execute(
            sql: """
                CREATE TABLE savings_hub_balances (
                    member_number TEXT NOT NULL,
                    account TEXT NOT NULL CHECK (account IN ('pokok', 'wajib', 'sukarela')),
                    amount INTEGER NOT NULL CHECK (amount <> 0),
                    PRIMARY KEY (member_number, account)
                ) WITHOUT ROWID;

                CREATE TABLE savings_hub_as_of (
                    id INTEGER PRIMARY KEY CHECK (id = 1),
                    as_of TEXT NOT NULL
                );
                """)
    }
}
