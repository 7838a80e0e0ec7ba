import GRDB
import ToraCore

/// A register is stored as its two digits (`sales.register`, `shifts.register`, …).
extension RegisterID: DatabaseValueConvertible {
    public var databaseValue: DatabaseValue { text.databaseValue }

    public static func fromDatabaseValue(_ dbValue: DatabaseValue) -> RegisterID? {
        String.fromDatabaseValue(dbValue).flatMap(RegisterID.init)
    }
}

/// A business day is stored as its `YYYY-MM-DD` text (`sales.business_day`, …).
extension BusinessDay: DatabaseValueConvertible {
    public var databaseValue: DatabaseValue { text.databaseValue }

    public static func fromDatabaseValue(_ dbValue: DatabaseValue) -> BusinessDay? {
        String.fromDatabaseValue(dbValue).flatMap(BusinessDay.init)
    }
}
