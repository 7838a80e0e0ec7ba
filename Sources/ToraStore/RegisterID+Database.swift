import GRDB
import ToraCore

/// A register is stored as its two digits (`sales.register`, `shifts.register`, …).
extension RegisterID: DatabaseValueConvertible {
    public var databaseValue: DatabaseValue { text.databaseValue }

    public static func fromDatabaseValue(_ dbValue: DatabaseValue) -> RegisterID? {
        String.fromDatabaseValue(dbValue).flatMap(RegisterID.init)
    }
}
