import Foundation
import Hummingbird
import ToraCore
import ToraJournal

/// `PUT /v1/subsidy-use` and `GET /v1/subsidy-use?from=DAY`, both signed by the outlet
/// (docs/hub.md "Subsidised units across outlets").
extension HubRoutes {
    func registerSubsidyUse(on router: Router<HubRequestContext>) {
        router.put("/v1/subsidy-use") { request, _ in
            await answer {
                var request = request
                let outlet = try await authenticate(&request)
                guard let upload = try? JSONDecoder().decode(SubsidyUseUpload.self, from: Data(outlet.body)) else {
                    throw HubError(
                        .badRequest, "the body must be JSON {\"from\": \"YYYY-MM-DD\", \"rows\": [{programme, nik, day, units}]}")
                }
                try SubsidyUseUpload.check(upload)
                let stored = try await database.replaceSubsidyUse(outlet: outlet.id, upload: upload)
                return try json(SubsidyUseStored(stored: stored))
            }
        }
        router.get("/v1/subsidy-use") { request, _ in
            await answer {
                var request = request
                let outlet = try await authenticate(&request)
                guard let from = request.uri.queryParameters.get("from"), BusinessDay(from) != nil else {
                    throw HubError(.badRequest, "give ?from=YYYY-MM-DD, the first day of the units wanted")
                }
                return try json(SubsidyUseAnswer(rows: try await database.subsidyUse(elsewhereThan: outlet.id, from: from)))
            }
        }
    }
}

extension SubsidyUseUpload {
    /// Every row a real NIK, programme code, day on or after `from`, and non-zero units;
    /// at most `HubWire.maxSubsidyRows` rows.
    static func check(_ upload: SubsidyUseUpload) throws {
        guard BusinessDay(upload.from) != nil else { throw HubError(.badRequest, "from '\(upload.from)' is not a day (YYYY-MM-DD)") }
        guard upload.rows.count <= HubWire.maxSubsidyRows else {
            throw HubError(.tooLarge, "\(upload.rows.count) rows of subsidy use; at most \(HubWire.maxSubsidyRows) in one request")
        }
        for (index, row) in upload.rows.enumerated() {
            let problem: String? =
                if (try? NIK(row.nik)) == nil {
                    "its NIK is not 16 digits of a real NIK"
                } else if !(1...32).contains(row.programme.count) {
                    "its programme code is not 1 to 32 characters"
                } else if BusinessDay(row.day) == nil || row.day < upload.from {
                    "its day '\(row.day)' is not a day on or after \(upload.from)"
                } else if row.units.thousandths == 0 {
                    "its units are 0"
                } else {
                    nil
                }
            if let problem { throw HubError(.badRequest, "subsidy use row \(index + 1): \(problem)") }
        }
    }
}
