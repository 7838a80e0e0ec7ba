import Foundation
import GRDB
import ToraCore

/// One setting the shop can change (docs/sign-in-and-files.md), with its default and the rule its value
/// must follow. Settings live in the database so one file backs up the whole shop.
public struct SettingKey: Sendable, Hashable {
    public let name: String
    public let defaultValue: String
    public let help: String
    /// Returns the value as it will be stored (normalised), or throws why it is refused.
    let normalise: @Sendable (String) throws -> String

    public static func == (lhs: SettingKey, rhs: SettingKey) -> Bool { lhs.name == rhs.name }
    public func hash(into hasher: inout Hasher) { hasher.combine(name) }
}

extension SettingKey {
    static func text(_ name: String, _ defaultValue: String, _ help: String, maxLength: Int = 120) -> SettingKey {
        SettingKey(name: name, defaultValue: defaultValue, help: help) { value in
            guard value.count <= maxLength else { throw Refusal("at most \(maxLength) characters") }
            // A line break or a control byte would break the receipt's layout (or reach the
            // printer as a command).
            guard !value.hasControlCharacter else {
                throw Refusal("a line break or another control character is not allowed; write it on one line")
            }
            return value
        }
    }

    static func boolean(_ name: String, _ defaultValue: Bool, _ help: String) -> SettingKey {
        SettingKey(name: name, defaultValue: String(defaultValue), help: help) { value in
            guard let flag = parseYesNo(value) else { throw Refusal("'\(value)' is not true or false") }
            return String(flag)
        }
    }

    public static let shopName = text("shop.name", "Toko Rakyat Serba Ada", "the shop's name, first line of every receipt", maxLength: 60)
    public static let shopAddress = text("shop.address", "", "the shop's address, printed under its name")
    public static let shopPhone = text("shop.phone", "", "the shop's phone number", maxLength: 30)
    public static let shopLegalNumber = text("shop.legal_number", "", "the cooperative's legal number (nomor badan hukum)", maxLength: 60)
    public static let shopNPWP = text("shop.npwp", "", "the shop's NPWP, printed when the shop is PKP", maxLength: 30)
    public static let shopTimezone = SettingKey(
        name: "shop.timezone", defaultValue: "Asia/Jakarta", help: "time zone of business days (Asia/Jakarta, Asia/Makassar, Asia/Jayapura)"
    ) { value in
        guard TimeZone(identifier: value) != nil else { throw Refusal("'\(value)' is not a time zone; use e.g. Asia/Jakarta") }
        return value
    }
    public static let taxPKP = boolean("tax.pkp", false, "whether the shop is PKP (registered for PPN); only then is tax shown")
    public static let taxPPNRate = SettingKey(
        name: "tax.ppn_rate", defaultValue: "11", help: "PPN rate in percent, whole or decimal with a comma (11 or 11,5)"
    ) {
        value in
        if value.trimmingSpaces().hasPrefix("-") { throw Refusal("'\(value)' is negative; the PPN rate is 0 to 100 percent") }
        do { return try TaxRate.parse(value).description } catch { throw Refusal((error as? CoreError)?.reason ?? "\(error)") }
    }
    public static let cashRounding = SettingKey(
        name: "cash.rounding", defaultValue: "0",
        help: "round cash settling a sale DOWN to a multiple of 50, 100 or 500 rupiah (never below one step); 0 is off"
    ) { value in
        do { return String(try CashRounding.parse(value).rupiah) } catch { throw Refusal((error as? CoreError)?.reason ?? "\(error)") }
    }
    public static let memberCardPrefix = SettingKey(
        name: "member.card_prefix", defaultValue: "M", help: "prefix of member numbers on card barcodes"
    ) { value in
        guard value.count <= 8, value.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" }) else {
            throw Refusal("'\(value)' is not a card prefix; use up to 8 letters, digits or '-'")
        }
        return value
    }
    public static let printerQueue = text(
        "printer.queue", "", "CUPS destination of the receipt printer; empty writes receipts to the outbox", maxLength: 127)
    public static let printerPaper = SettingKey(
        name: "printer.paper", defaultValue: "58", help: "paper width in mm: 58 (32 columns) or 80 (48 columns)"
    ) { value in
        guard value == "58" || value == "80" else { throw Refusal("'\(value)' is not a paper width; use 58 or 80") }
        return value
    }
    public static let printerDrawer = boolean("printer.drawer", true, "open the cash drawer on cash payments")
    public static let printerCodepage = SettingKey(
        name: "printer.codepage", defaultValue: "pc437", help: "printer code page: pc437, pc850, pc858 or wpc1252"
    ) { value in
        let known = ["pc437", "pc850", "pc858", "wpc1252"]
        guard known.contains(value.lowercased()) else {
            throw Refusal("'\(value)' is not a code page; use one of \(known.joined(separator: ", "))")
        }
        return value.lowercased()
    }
    public static let receiptFooter = text(
        "receipt.footer", "Terima kasih. Belanja di koperasi, untung bersama.", "text printed at the foot of every receipt", maxLength: 240)

    /// Every setting, in the order `config list` shows them.
    public static let all: [SettingKey] = [
        shopName, shopAddress, shopPhone, shopLegalNumber, shopNPWP, shopTimezone, taxPKP, taxPPNRate,
        cashRounding, memberCardPrefix, printerQueue, printerPaper, printerDrawer, printerCodepage, receiptFooter,
    ]

    public static func named(_ name: String) -> SettingKey? { all.first { $0.name == name.lowercased() } }
}

/// Reads `yes/no/ya/tidak/1/0/true/false/y/n` (docs/csv-import.md), any case.
public func parseYesNo(_ text: String) -> Bool? {
    switch text.trimmingSpaces().lowercased() {
    case "yes", "ya", "y", "1", "true", "benar", "on": return true
    case "no", "tidak", "t", "n", "0", "false", "salah", "off": return false
    default: return nil
    }
}

/// A setting value's refusal: the sentence saying why.
struct Refusal: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

/// Settings as stored: missing keys read as their defaults.
enum Settings {
    static func value(_ key: SettingKey, _ db: Database) throws -> String {
        try String.fetchOne(db.cachedStatement(sql: "SELECT value FROM settings WHERE key = ?"), arguments: [key.name]) ?? key.defaultValue
    }

    static func timeZone(_ db: Database) throws -> TimeZone {
        SettingsSnapshot.timeZone(named: try value(.shopTimezone, db))
    }

    static func pricingRules(_ db: Database) throws -> PricingRules {
        try SettingsSnapshot(db).pricingRules
    }
}

/// Every setting as one transaction sees it, read with one statement. A sale uses a
/// dozen settings (pricing, time zone, receipt header, drawer, footer); reading them one
/// by one was 18 statements per sale inside the write lock.
struct SettingsSnapshot {
    private let stored: [String: String]

    init(_ db: Database) throws {
        var stored: [String: String] = [:]
        let rows = try Row.fetchCursor(db.cachedStatement(sql: "SELECT key, value FROM settings"))
        while let row = try rows.next() { stored[row["key"]] = row["value"] }
        self.stored = stored
        hubURL = try String.fetchOne(db.cachedStatement(sql: "SELECT url FROM hub_link WHERE id = 1"))
    }

    /// The hub the shop joined (`hub_link`), for receipts' QR codes; nil before joining.
    let hubURL: String?

    func value(_ key: SettingKey) -> String { stored[key.name] ?? key.defaultValue }

    func flag(_ key: SettingKey) -> Bool { value(key) == "true" }

    var timeZone: TimeZone { Self.timeZone(named: value(.shopTimezone)) }

    var pricingRules: PricingRules {
        PricingRules(
            isPKP: flag(.taxPKP), ppnRate: TaxRate.parseStored(value(.taxPPNRate)) ?? .defaultPPN,
            cashRounding: CashRounding.step(stored: value(.cashRounding)))
    }

    /// A stored time zone name; one that no longer exists reads as the default zone.
    static func timeZone(named name: String) -> TimeZone {
        TimeZone(identifier: name) ?? TimeZone(identifier: SettingKey.shopTimezone.defaultValue) ?? .gmt
    }
}

extension ShopStore {
    /// The value of a setting, or its default.
    public func setting(_ key: SettingKey) throws -> String {
        try read { db in try Settings.value(key, db) }
    }

    /// Every setting with its value (stored or default).
    public func allSettings() throws -> [(key: SettingKey, value: String, isDefault: Bool)] {
        try read { db in
            let stored = try Dictionary(
                uniqueKeysWithValues: Row.fetchAll(db, sql: "SELECT key, value FROM settings").map {
                    ($0["key"] as String, $0["value"] as String)
                })
            return SettingKey.all.map { key in (key, stored[key.name] ?? key.defaultValue, stored[key.name] == nil) }
        }
    }

    /// Sets a setting after checking its value; the change is journaled with old and new.
    @discardableResult
    public func setSetting(_ name: String, to value: String, actor: String) throws -> String {
        guard let key = SettingKey.named(name) else {
            let known = SettingKey.all.map(\.name).joined(separator: ", ")
            throw StoreError(.invalidInput, "'\(name)' is not a setting; settings are: \(known)")
        }
        let normalised: String
        do {
            normalised = try key.normalise(value.trimmingSpaces())
        } catch {
            throw StoreError(.invalidInput, "\(key.name): \(error)")
        }
        return try write { db in
            let old = try Settings.value(key, db)
            try db.execute(
                sql: "INSERT INTO settings(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                arguments: [key.name, normalised])
            if old != normalised {
                try AuditJournal.append(
                    db, store: self, kind: .settingsChanged, actor: actor,
                    payload: ["key": .string(key.name), "old": .string(old), "new": .string(normalised)])
            }
            return normalised
        }
    }

    /// The pricing rules of the shop's settings.
    public func pricingRules() throws -> PricingRules {
        try read { db in try Settings.pricingRules(db) }
    }
}
