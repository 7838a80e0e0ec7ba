/// Text order by UTF-8 bytes (memcmp), as SQLite's BINARY collation and the audit
/// journal's canonical JSON sort: negative, zero or positive as `a` sorts before, equal
/// to or after `b`. Swift's `<` on `String` orders by Unicode canonical equivalence.
func compareUTF8(_ a: String, _ b: String) -> Int {
    var left = a.utf8.makeIterator()
    var right = b.utf8.makeIterator()
    while true {
        switch (left.next(), right.next()) {
        case (nil, nil): return 0
        case (nil, _): return -1
        case (_, nil): return 1
        case (let x?, let y?) where x != y: return x < y ? -1 : 1
        default: continue
        }
    }
}
