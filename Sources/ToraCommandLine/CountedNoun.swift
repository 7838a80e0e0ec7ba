/// `1 product`, `2 products`: a count with its noun in English, singular for one.
/// The back office speaks English; the till's Indonesian needs no plural.
public func counted(_ count: Int, _ singular: String, plural: String? = nil) -> String {
    "\(count) \(count == 1 ? singular : plural ?? singular + "s")"
}
