import Foundation
import PostgresNIO
import ToraCore

/// The cooperative's shared data at the hub (docs/shared-data.md): numbered versions per
/// cooperative, each a whole `CooperativeData`, stored as the JSON the shops get.
extension HubDatabase {
    /// Stores `data` as the cooperative's next version and returns its number. The file's
    /// own `version` is replaced; its `cooperative`, when given, must be this one.
    public func publishShared(cooperative: String, json: [UInt8]) async throws -> Int64 {
        guard var object = (try? JSONSerialization.jsonObject(with: Data(json))) as? [String: Any] else {
            throw HubError(.badRequest, "the shared data must be one JSON object (docs/shared-data.md)")
        }
        if let named = object["cooperative"] as? String, named != cooperative {
            throw HubError(.badRequest, "the file is cooperative \(named)'s data, not \(cooperative)'s")
        }
        for key in ["products", "tiers", "programmes", "members", "subsidyUse"] where object[key] == nil { object[key] = [Any]() }
        object["cooperative"] = cooperative
        return try await reachable { database in
            try await database.transaction { connection in
                let rows = try await connection.query(
                    """
                    SELECT c.id, coalesce(max(s.version), 0)::bigint FROM cooperatives c
                    LEFT JOIN shared_versions s ON s.cooperative_id = c.id
                    WHERE c.code = \(cooperative) GROUP BY c.id
                    """, logger: database.logger)
                var found: (Int64, Int64)?
                for try await row in rows.decode((Int64, Int64).self) { found = row }
                guard let (id, last) = found else { throw HubError(.notFound, "no cooperative \(cooperative) at this hub") }
                try await connection.query(
                    "SELECT pg_advisory_xact_lock(7261002, \(Int32(truncatingIfNeeded: id)))", logger: database.logger)
                let version = last + 1
                object["version"] = version
                let data = try Self.checked(object)
                try await connection.query(
                    "INSERT INTO shared_versions(cooperative_id, version, data) VALUES (\(id), \(version), \(data))",
                    logger: database.logger)
                return version
            }
        }
    }

    /// The JSON of a version, as `CooperativeData` reads and writes it (sorted keys).
    static func checked(_ object: [String: Any]) throws -> String {
        let decoded: CooperativeData
        do {
            decoded = try JSONDecoder().decode(CooperativeData.self, from: try JSONSerialization.data(withJSONObject: object))
        } catch {
            throw HubError(.badRequest, "the shared data is not a version of the cooperative's data: \(error)")
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return String(decoding: try encoder.encode(decoded), as: UTF8.self)
    }

    /// The newest version of the outlet's cooperative after `after`, as stored JSON, or nil.
    func newestShared(outlet: Int64, after: Int64) async throws -> (version: Int64, data: String)? {
        try await reachable { database in
            let rows = try await database.client.query(
                """
                SELECT s.version, s.data FROM shared_versions s JOIN outlets o ON o.cooperative_id = s.cooperative_id
                WHERE o.id = \(outlet) AND s.version > \(after) ORDER BY s.version DESC LIMIT 1
                """)
            var found: (Int64, String)?
            for try await row in rows.decode((Int64, String).self) { found = row }
            return found
        }
    }
}
