import GRDB
import ToraCore

/// One journal entry as the book checks read it: who, where, when, and its payload.
struct JournalFacts {
    let seq: Int64
    let kind: String
    let actor: String
    let register: String?
    let at: String
    let hash: String
    let payload: JSONView
}

/// What a journal entry says one row of a book table holds: the row's `id` when the
/// payload names it, and one value per compared column. A nil value is not checked:
/// the entry's payload does not record that field (older entries lack some).
struct ExpectedRow {
    var id: Int64?
    var values: [DatabaseValue?]

    init(id: Int64? = nil, _ values: [DatabaseValue?]) {
        self.id = id
        self.values = values
    }
}

/// A check of one book table against the journal entries that wrote its rows: every
/// row must be what its entry recorded, and no row may lack an entry. The checks of the
/// shop are listed in `BookCheck.all`; docs/audit-journal.md says how to add one.
struct BookCheck: Sendable {
    enum Matching: Sendable {
        /// Rows in `id` order were written in journal order (each row in the transaction
        /// of its entry): the table and the journal are read side by side, one pass each,
        /// holding nothing. For the big tables; `ExpectedRow.values[0]` should be a
        /// link such as the row's `audit_seq`, so a row without an entry is named as such.
        case inOrder
        /// Each entry names its row by id (`ExpectedRow.id`): the expected rows are held
        /// by id and the table is then read once. For small tables, and for rows that a
        /// later entry completes (a shift's closing).
        case byID
    }

    /// The table (and a note, as `shifts (closing)`), for messages.
    let table: String
    /// The journal kinds whose entries wrote rows of this table.
    let kinds: Set<String>
    /// `SELECT id, a, b, … FROM table … ORDER BY id`: the columns after `id` are compared,
    /// in the order of `ExpectedRow.values`.
    let sql: String
    let matching: Matching
    /// The rows one entry of `kinds` wrote, in the order it wrote them.
    let expected: @Sendable (JournalFacts) -> [ExpectedRow]
}

/// A payload field as a column value: nil when the payload does not have it.
func field(_ value: JSONView?) -> DatabaseValue? {
    guard let value else { return nil }
    if let number = value.intValue { return number.databaseValue }
    if let text = value.stringValue { return text.databaseValue }
    if let flag = value.boolValue { return flag.databaseValue }
    if value.isNull { return .null }
    return value.numberText?.databaseValue
}

/// Runs the book checks beside one pass over the journal.
struct BookChecker {
    private struct State {
        let check: BookCheck
        var cursor: RowCursor?
        var pending: [Int64: (seq: Int64, kind: String, values: [DatabaseValue?])] = [:]
    }

    private var states: [State]
    private var byKind: [String: [Int]] = [:]
    private(set) var rowsChecked = 0
    private let db: Database

    init(_ checks: [BookCheck], _ db: Database) throws {
        self.db = db
        states = []
        for (index, check) in checks.enumerated() {
            let cursor = check.matching == .inOrder ? try Row.fetchCursor(db, sql: check.sql) : nil
            states.append(State(check: check, cursor: cursor))
            for kind in check.kinds { byKind[kind, default: []].append(index) }
        }
    }

    /// Whether any check reads entries of `kind` (so its payload is worth parsing).
    func wants(_ kind: String) -> Bool { byKind[kind] != nil }

    /// Checks the rows `entry` wrote; the first mismatch, in one line, or nil.
    mutating func check(_ entry: JournalFacts) throws -> String? {
        for index in byKind[entry.kind] ?? [] {
            let check = states[index].check
            for expected in check.expected(entry) {
                switch check.matching {
                case .byID:
                    guard let id = expected.id else {
                        return "journal entry \(entry.seq) (\(entry.kind)) does not name its \(check.table) row"
                    }
                    states[index].pending[id] = (entry.seq, entry.kind, expected.values)
                case .inOrder:
                    guard let row = try states[index].cursor?.next() else {
                        return "journal entry \(entry.seq) (\(entry.kind)) recorded a \(check.table) row that is not there"
                    }
                    rowsChecked += 1
                    if let problem = compare(row, expected, check: check, seq: entry.seq, kind: entry.kind) { return problem }
                }
            }
        }
        return nil
    }

    /// After the last entry: rows no entry wrote, and the tables checked by id.
    mutating func finish() throws -> String? {
        for index in states.indices {
            let check = states[index].check
            switch check.matching {
            case .inOrder:
                if let row = try states[index].cursor?.next() {
                    return "\(check.table) row \(Self.text(row[0])) has no journal entry"
                }
            case .byID:
                let rows = try Row.fetchCursor(db, sql: check.sql)
                while let row = try rows.next() {
                    rowsChecked += 1
                    let id: Int64 = row[0]
                    guard let expected = states[index].pending.removeValue(forKey: id) else {
                        return "\(check.table) row \(id) has no journal entry"
                    }
                    if let problem = compare(
                        row, ExpectedRow(id: id, expected.values), check: check, seq: expected.seq, kind: expected.kind)
                    {
                        return problem
                    }
                }
                if let (id, expected) = states[index].pending.min(by: { $0.value.seq < $1.value.seq }) {
                    return "journal entry \(expected.seq) (\(expected.kind)) recorded \(check.table) row \(id), which is not there"
                }
            }
        }
        return nil
    }

    private func compare(_ row: Row, _ expected: ExpectedRow, check: BookCheck, seq: Int64, kind: String) -> String? {
        let id: DatabaseValue = row[0]
        let entry = "journal entry \(seq) (\(kind))"
        if let expectedID = expected.id, id != expectedID.databaseValue {
            if let rowID = Int64.fromDatabaseValue(id), rowID < expectedID {
                return "\(check.table) row \(rowID) has no journal entry (the next entry, \(seq), wrote row \(expectedID))"
            }
            return "\(entry) recorded \(check.table) row \(expectedID), which is not there (found row \(Self.text(id)))"
        }
        for (offset, value) in expected.values.enumerated() {
            guard let value, offset + 1 < row.count else { continue }
            let stored: DatabaseValue = row[offset + 1]
            guard stored != value else { continue }
            let name = Array(row.columnNames)[offset + 1]
            // The link (such as `audit_seq`) runs with the journal: a row behind it was
            // written without its entry; a row ahead of it means the entry's row is gone.
            if offset == 0, check.matching == .inOrder, let link = Int64.fromDatabaseValue(stored),
                let wanted = Int64.fromDatabaseValue(value)
            {
                if link < wanted { return "\(check.table) row \(Self.text(id)) has no journal entry (its \(name) is \(link))" }
                return "\(entry) recorded a \(check.table) row that is not there (the next row, \(Self.text(id)), has \(name) \(link))"
            }
            return "\(check.table) row \(Self.text(id)): \(name) is \(Self.text(stored)) but \(entry) says \(Self.text(value))"
        }
        return nil
    }

    static func text(_ value: DatabaseValue) -> String {
        switch value.storage {
        case .null: return "NULL"
        case .int64(let number): return String(number)
        case .double(let number): return String(number)
        case .string(let text): return "'\(text)'"
        case .blob(let data): return "a \(data.count)-byte blob"
        }
    }
}
