/// A member tier and its discounts in whole percent (docs/catalogue-and-stock.md): `discountPct` on
/// discountable non-local products, `localDiscountPct` on discountable local products.
public struct Tier: Sendable, Hashable, Codable {
    public var name: String
    public var discountPct: Int64
    public var localDiscountPct: Int64

    /// The tier every new shop starts with: 2% off, 5% off local products.
    public static let defaultTier = Tier(name: "anggota", discountPct: 2, localDiscountPct: 5)

    public init(name: String, discountPct: Int64, localDiscountPct: Int64) {
        self.name = name
        self.discountPct = discountPct
        self.localDiscountPct = localDiscountPct
    }

    public func validated() throws(CoreError) -> Tier {
        guard Product.isCode(name) else {
            throw CoreError(
                .invalidField, field: "name", value: name, reason: "'\(name)' is not a tier name; use 1–32 letters, digits, '-' or '_'")
        }
        for (field, value) in [("discount_pct", discountPct), ("local_discount_pct", localDiscountPct)] where !(0...100).contains(value) {
            throw CoreError(.invalidPercent, field: field, value: String(value), reason: "\(value) is not a whole percent from 0 to 100")
        }
        return self
    }

    /// Reads a whole percent 0–100, with or without a `%` sign.
    public static func parsePercent(_ text: String, field: String) throws(CoreError) -> Int64 {
        var body = text.trimmingSpaces()
        if body.hasSuffix("%") { body.removeLast() }
        guard !body.isEmpty, body.count <= 3, body.allSatisfy(\.isASCIIDigit), let value = Int64(body), value <= 100 else {
            throw CoreError(.invalidPercent, field: field, value: text, reason: "'\(text)' is not a whole percent from 0 to 100")
        }
        return value
    }
}

/// A member of the cooperative (docs/catalogue-and-stock.md).
public struct Member: Sendable, Hashable, Codable {
    public var number: String
    public var name: String
    public var tier: String
    public var phone: String?
    /// How much the member may owe the shop for goods bought on credit.
    public var creditLimit: Money
    public var isActive: Bool
    /// The member's NIK, naming the buyer of subsidised goods; shown only masked.
    public var nik: String?

    public init(
        number: String, name: String, tier: String = Tier.defaultTier.name, phone: String? = nil, creditLimit: Money = .zero,
        isActive: Bool = true, nik: String? = nil
    ) {
        self.nik = nik
        self.number = number
        self.name = name
        self.tier = tier
        self.phone = phone
        self.creditLimit = creditLimit
        self.isActive = isActive
    }

    /// Every rule of a member that can be checked on its own; empty means valid.
    public func problems() -> [CoreError] {
        var found: [CoreError] = []
        if !Product.isCode(number) {
            found.append(
                CoreError(
                    .invalidField, field: "number", value: number,
                    reason: "'\(number)' is not a member number; use 1–32 letters, digits, '-' or '_'"))
        }
        if name.trimmingSpaces().isEmpty || name.count > 120 {
            found.append(CoreError(.invalidField, field: "name", value: name, reason: "a name of 1–120 characters is required"))
        }
        found += CoreError.plainTextProblems([("name", name)])
        if let phone, !phone.isEmpty {
            let digits = phone.filter { $0 != " " && $0 != "-" }
            let body = digits.hasPrefix("+") ? digits.dropFirst() : Substring(digits)
            if body.count < 6 || body.count > 16 || !body.allSatisfy(\.isASCIIDigit) {
                found.append(
                    CoreError(
                        .invalidField, field: "phone", value: phone,
                        reason: "'\(phone)' is not a phone number (6–16 digits, may start with +)"))
            }
        }
        if let nik, !nik.isEmpty {
            do { _ = try NIK(nik) } catch { found.append(error) }
        }
        if creditLimit.isNegative {
            found.append(CoreError(.negativeAmount, field: "credit_limit", value: creditLimit.formatted, reason: "must be zero or more"))
        }
        return found
    }
}
