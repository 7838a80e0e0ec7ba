import Foundation

/// Text order by UTF-8 bytes (memcmp), as SQLite's BINARY collation and the audit
/// journal's canonical JSON sort: negative, zero or positive as `a` sorts before, equal
/// to or after `b`. Swift's `<` on `String` orders by Unicode canonical equivalence.
func compareUTF8(_ a: String, _ b: String) -> Int {
    var a = a
    var b = b
    return a.withUTF8 { left in
        b.withUTF8 { right in
            let common = min(left.count, right.count)
            let order = common == 0 ? 0 : Int(memcmp(left.baseAddress!, right.baseAddress!, common))
            return order != 0 ? order : left.count - right.count
        }
    }
}
