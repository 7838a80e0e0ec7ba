import Foundation
import GRDB
import ToraCore

/// What a user may do (docs/sign-in-and-files.md); each role includes the ones before it.
public enum Role: String, Sendable, Hashable, CaseIterable, Comparable {
    case cashier, supervisor, manager

    var rank: Int { Role.allCases.firstIndex(of: self) ?? 0 }
    public static func < (lhs: Role, rhs: Role) -> Bool { lhs.rank < rhs.rank }
}

/// A person who logs in at a till or runs the shop.
public struct User: Sendable, Hashable {
    /// The words that leave the till at its login prompt (`keluar`, `quit`, `exit`): a
    /// user with such a code could never sign in there, so no user may have one.
    public static let reservedCodes: Set<String> = ["keluar", "quit", "exit"]

    public let code: String
    public let name: String
    public let role: Role
    public let isActive: Bool
    /// When set and in the future, the user is locked out after wrong PINs.
    public let lockedUntil: Date?
}

extension UserStore {
    /// Wrong PINs in a row that lock a user, and for how long (docs/sign-in-and-files.md).
    public static let maximumFailedLogins = 5
    public static let lockout: TimeInterval = 5 * 60

    static func user(from row: Row) -> User {
        let locked: String? = row["locked_until"]
        return User(
            code: row["code"], name: row["name"], role: Role(rawValue: row["role"]) ?? .cashier, isActive: row["active"],
            lockedUntil: locked.flatMap(Timestamp.parse))
    }

    /// Every user by code.
    public func all() throws -> [User] {
        try read { db in try UserRecord.fetchAll(db, sql: "SELECT * FROM users ORDER BY code").map(\.user) }
    }

    /// Adds a user with a PIN of 4–8 digits, kept only as a salted slow hash.
    public func addUser(code: String, name: String, role: Role, pin: String, actor: String) throws {
        guard (1...16).contains(code.count), Product.isCode(code) else {
            throw StoreError(.invalidInput, "code: '\(code)' is not a user code; use 1–16 letters, digits, '-' or '_'")
        }
        guard !User.reservedCodes.contains(code.lowercased()) else {
            throw StoreError(.invalidInput, "code: '\(code)' leaves the till at its login prompt; choose another code")
        }
        guard !name.trimmingSpaces().isEmpty, name.count <= 120 else {
            throw StoreError(.invalidInput, "name: a name of 1–120 characters is required")
        }
        try PinHasher.validate(pin)
        let hash = try PinHasher.hash(pin)
        try write { db in
            if try Int.fetchOne(db, sql: "SELECT 1 FROM users WHERE code = ?", arguments: [code]) != nil {
                throw StoreError(.duplicate, "code: user \(code) already exists")
            }
            try db.execute(
                sql: "INSERT INTO users(code, name, role, pin_hash, created_at) VALUES (?, ?, ?, ?, ?)",
                arguments: [code, name.trimmingSpaces(), role.rawValue, hash, Timestamp.format(self.clock.now)])
            try AuditJournal.append(
                db, store: self, kind: .userCreated, actor: actor,
                payload: ["code": .string(code), "name": .string(name), "role": .string(role.rawValue)])
        }
    }

    /// Disables (or enables again) a user; a disabled user cannot log in.
    public func setUserActive(code: String, active: Bool, actor: String) throws {
        try write { db in
            guard try Int.fetchOne(db, sql: "SELECT 1 FROM users WHERE code = ?", arguments: [code]) != nil else {
                throw StoreError(.notFound, "code: no user '\(code)'")
            }
            if !active { try Self.keepOneManager(db, losing: code) }
            try db.execute(
                sql: "UPDATE users SET active = ?, failed_attempts = 0, locked_until = NULL WHERE code = ?", arguments: [active, code])
            try AuditJournal.append(
                db, store: self, kind: active ? JournalKind.userEnabled : .userDisabled, actor: actor, payload: ["code": .string(code)])
        }
    }

    /// Checks a code and PIN. A wrong PIN counts towards the lockout (five in a row lock
    /// the user for five minutes) and is journaled; so is a refused login while locked.
    /// A right PIN clears the count. Refusals are `StoreError.denied`.
    ///
    /// An unknown code and a wrong PIN get the same answer (`login.failed`), also on the
    /// attempt that locks the user: only someone who gives the right PIN learns that the
    /// user is locked or disabled. An unknown code costs the same slow hash as a known one.
    public func authenticate(code: String, pin: String, register: RegisterID?) throws -> User {
        // The slow hash runs outside the write so other tills are not held up.
        let stored = try read { db in try Row.fetchOne(db, sql: "SELECT * FROM users WHERE code = ?", arguments: [code]) }
        let pinMatches = PinHasher.verify(pin, against: stored?["pin_hash"] ?? PinHasher.unknownUserHash)
        let outcome: Result<User, StoreError> = try write { db in
            let now = self.clock.now
            let wrong = StoreError(.denied, "unknown user code or wrong PIN").because(.wrongCodeOrPIN)
            guard let row = try Row.fetchOne(db, sql: "SELECT * FROM users WHERE code = ?", arguments: [code]) else {
                try AuditJournal.append(
                    db, store: self, kind: .loginFailed, actor: code, register: register,
                    payload: ["code": .string(code), "reason": "unknown user"])
                return .failure(wrong)
            }
            let user = Self.user(from: row)
            if let until = user.lockedUntil, until > now {
                try AuditJournal.append(
                    db, store: self, kind: .loginFailed, actor: user.code, register: register,
                    payload: ["code": .string(user.code), "reason": "locked"])
                guard pinMatches else { return .failure(wrong) }
                let minutes = Int((until.timeIntervalSince(now) / 60).rounded(.up))
                return .failure(
                    StoreError(
                        .denied, "user \(user.code) is locked after \(Self.maximumFailedLogins) wrong PINs; try again in \(minutes) min"
                    )
                    .because(.userLocked(code: user.code, minutes: minutes)))
            }
            guard pinMatches else {
                let failures = (row["failed_attempts"] as Int? ?? 0) + 1
                let lockNow = failures >= Self.maximumFailedLogins
                try db.execute(
                    sql: "UPDATE users SET failed_attempts = ?, locked_until = ? WHERE code = ?",
                    arguments: [lockNow ? 0 : failures, lockNow ? Timestamp.format(now.addingTimeInterval(Self.lockout)) : nil, user.code])
                try AuditJournal.append(
                    db, store: self, kind: .loginFailed, actor: user.code, register: register,
                    payload: [
                        "code": .string(user.code), "reason": "wrong PIN", "attempt": .int(Int64(failures)), "locked": .bool(lockNow),
                    ])
                return .failure(wrong)
            }
            guard user.isActive else {
                try AuditJournal.append(
                    db, store: self, kind: .loginFailed, actor: user.code, register: register,
                    payload: ["code": .string(user.code), "reason": "disabled"])
                return .failure(StoreError(.denied, "user \(user.code) is disabled").because(.userDisabled(code: user.code)))
            }
            if (row["failed_attempts"] as Int? ?? 0) != 0 || user.lockedUntil != nil {
                try db.execute(sql: "UPDATE users SET failed_attempts = 0, locked_until = NULL WHERE code = ?", arguments: [user.code])
            }
            return .success(user)
        }
        return try outcome.get()
    }
}
