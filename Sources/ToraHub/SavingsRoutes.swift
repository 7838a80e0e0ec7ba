import Foundation
import Hummingbird
import ToraCore
import ToraJournal

/// `GET /v1/savings`, signed by the outlet (docs/hub.md "Savings across outlets"): its
/// members' balances at the cooperative's other outlets.
extension HubRoutes {
    func registerSavings(on router: Router<HubRequestContext>) {
        router.get("/v1/savings") { request, _ in
            await answer {
                var request = request
                let outlet = try await authenticate(&request)
                let asOf = Self.utc(now())
                let balances = try await database.savingsBalances(cooperativeOf: outlet.id, upTo: nil, elsewhereThan: outlet.id)
                let rows = balances.sorted { $0.key < $1.key }.flatMap { member, accounts in
                    accounts.sorted { $0.key < $1.key }.map { HubSavingsBalance(member: member, account: $0.key, amount: $0.value) }
                }
                return try json(HubSavingsAnswer(asOf: asOf, rows: rows))
            }
        }
    }

    /// `YYYY-MM-DDTHH:MM:SSZ` of seconds since 1970.
    static func utc(_ seconds: Int64) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.string(from: Date(timeIntervalSince1970: TimeInterval(seconds)))
    }
}
