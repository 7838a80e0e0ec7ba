import Foundation
import GRDB
import ToraCore

extension UserStore {
    /// Checks that `pin` could be a PIN (4–8 digits) before anything is written.
    public static func validatePin(_ pin: String) throws {
        try PinHasher.validate(pin)
    }

    /// Whether the shop has an active manager: a shop without one takes its first from
    /// `tora init --manager`.
    public func hasManager() throws -> Bool {
        try read { db in
            try Bool.fetchOne(db, sql: "SELECT count(*) > 0 FROM users WHERE role = 'manager' AND active = 1") ?? false
        }
    }

    /// Sets a new PIN for `code`: the user's own change (`user.pin_changed`) or a
    /// manager's reset (`user.pin_reset`, which also lifts a lockout). The journal never
    /// holds a PIN.
    public func setPin(code: String, pin: String, reset: Bool, actor: String) throws {
        try PinHasher.validate(pin)
        let hash = try PinHasher.hash(pin)
        try write { db in
            guard let user = try String.fetchOne(db, sql: "SELECT code FROM users WHERE code = ?", arguments: [code]) else {
                throw StoreError(.notFound, "code: no user '\(code)'")
            }
            try db.execute(
                sql: "UPDATE users SET pin_hash = ?, failed_attempts = 0, locked_until = NULL WHERE code = ?", arguments: [hash, user])
            try AuditJournal.append(
                db, store: self, kind: reset ? JournalKind.userPinReset : .userPinChanged, actor: actor,
                payload: ["code": .string(user)])
        }
    }

    /// Lifts a lockout after wrong PINs (`user.unlocked`); the user's PIN is unchanged.
    public func unlockUser(code: String, actor: String) throws {
        try write { db in
            guard let user = try String.fetchOne(db, sql: "SELECT code FROM users WHERE code = ?", arguments: [code]) else {
                throw StoreError(.notFound, "code: no user '\(code)'")
            }
            try db.execute(sql: "UPDATE users SET failed_attempts = 0, locked_until = NULL WHERE code = ?", arguments: [user])
            try AuditJournal.append(db, store: self, kind: .userUnlocked, actor: actor, payload: ["code": .string(user)])
        }
    }

    /// Refuses a change that would leave the shop without an active manager, since no
    /// one could then sign in to change it back.
    static func keepOneManager(_ db: Database, losing code: String) throws {
        let others =
            try Int.fetchOne(
                db, sql: "SELECT count(*) FROM users WHERE role = 'manager' AND active = 1 AND code <> ? COLLATE NOCASE",
                arguments: [code]) ?? 0
        let isManager =
            try Bool.fetchOne(
                db, sql: "SELECT count(*) > 0 FROM users WHERE role = 'manager' AND active = 1 AND code = ?", arguments: [code]) ?? false
        if isManager && others == 0 {
            throw StoreError(.invalidInput, "code: \(code) is the shop's last active manager; add another manager first")
        }
    }
}
