import GRDB
import ToraCore

/// Which sales a sales report adds up: a whole business day (the Z report) or one shift
/// (the X report). The report queries turn it into their own bound SQL conditions, so no
/// caller passes SQL.
public enum ReportScope: Sendable, Hashable {
    /// Every register's sales of a business day.
    case day(BusinessDay)
    /// The sales of one shift, by its id.
    case shift(Int64)

    /// The scope's condition on `sales s` (and so on its lines and payments), on `shifts`
    /// (the drawers counted) and on `member_money`; each binds `arguments`.
    var conditions: (sales: String, shifts: String, memberMoney: String) {
        switch self {
        case .day: return ("s.business_day = ?", "business_day = ?", "business_day = ?")
        case .shift: return ("s.shift_id = ?", "id = ?", "shift_id = ?")
        }
    }

    /// The one bound value of every condition above.
    var arguments: StatementArguments {
        switch self {
        case .day(let day): return [day.text]
        case .shift(let id): return [id]
        }
    }
}
