/// A member's savings balance in one account at the cooperative's other outlets.
public struct HubSavingsBalance: Codable, Sendable, Hashable {
    public let member: String
    /// `pokok`, `wajib` or `sukarela`.
    public let account: String
    /// Rupiah: deposits less withdrawals there.
    public let amount: Int64

    public init(member: String, account: String, amount: Int64) {
        self.member = member
        self.account = account
        self.amount = amount
    }
}

/// The answer to `GET /v1/savings` (docs/hub.md "Savings across outlets"): each member's
/// balances at the cooperative's OTHER outlets, as the journals the hub holds give them,
/// and the hub's moment of the answer (UTC, `YYYY-MM-DDTHH:MM:SSZ`).
public struct HubSavingsAnswer: Codable, Sendable, Equatable {
    public let asOf: String
    public let rows: [HubSavingsBalance]

    enum CodingKeys: String, CodingKey {
        case asOf = "as_of", rows
    }

    public init(asOf: String, rows: [HubSavingsBalance]) {
        self.asOf = asOf
        self.rows = rows
    }
}
