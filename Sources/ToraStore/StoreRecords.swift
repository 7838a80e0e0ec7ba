import GRDB
import ToraCore
import ToraJournal

// GRDB records of the ToraCore and ToraJournal values the stores read whole: each reads
// its row by column name (the mapping beside its store), so a query fetches the value.

/// A `members` row with its tier's name (`MemberStore.memberSelection`).
struct MemberRecord: FetchableRecord {
    let member: Member
    init(row: Row) { member = MemberStore.member(from: row) }
}

/// A `users` row.
struct UserRecord: FetchableRecord {
    let user: User
    init(row: Row) { user = UserStore.user(from: row) }
}

/// A `subsidy_programmes` row.
struct ProgrammeRecord: FetchableRecord {
    let programme: SubsidyProgramme
    init(row: Row) { programme = SubsidyStore.programme(row: row) }
}

/// An `audit_journal` row.
struct AuditEntryRecord: FetchableRecord {
    let entry: AuditEntry
    init(row: Row) { entry = AuditEntry(row: row) }
}
