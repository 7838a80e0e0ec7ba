import Crypto
import Foundation
import PostgresNIO
import ToraJournal

/// One-time enrolment codes: twelve letters and digits a person can read out over the
/// phone, shown once by `tora-hub outlet add`; the hub keeps only their SHA-256.
enum EnrolmentCode {
    /// No 0/O, 1/I/L: nothing to misread.
    static let alphabet = Array("ABCDEFGHJKMNPQRSTUVWXYZ23456789")

    static func make() -> String {
        var generator = SystemRandomNumberGenerator()
        let letters = (0..<12).map { _ in alphabet.randomElement(using: &generator)! }
        return stride(from: 0, to: 12, by: 4).map { String(letters[$0..<$0 + 4]) }.joined(separator: "-")
    }

    /// The stored form: SHA-256 hex of the code upper-cased without dashes or spaces.
    static func hash(_ code: String) -> String {
        let normal = code.uppercased().filter { $0 != "-" && $0 != " " }
        return SHA256.hash(data: Data(normal.utf8)).map { String(format: "%02x", $0) }.joined()
    }
}

extension HubDatabase {
    /// Enrols the outlet whose code this is with `publicKey`: a code works once.
    public func enrol(_ request: EnrolRequest) async throws -> OutletIdentity {
        guard let key = Data(base64Encoded: request.publicKey), key.count == 32 else {
            throw HubError(.badRequest, "public_key must be the base64 of a raw 32-byte Ed25519 public key")
        }
        let codeHash = EnrolmentCode.hash(request.code)
        do {
            return try await reachable { database in
                try await database.transaction { connection in
                    let rows = try await connection.query(
                        """
                        SELECT o.id, c.code, o.code, o.name, o.enrolled_at IS NOT NULL
                        FROM outlets o JOIN cooperatives c ON c.id = o.cooperative_id
                        WHERE o.enrolment_code_hash = \(codeHash) FOR UPDATE OF o
                        """, logger: database.logger)
                    var found: (Int64, String, String, String, Bool)?
                    for try await row in rows.decode((Int64, String, String, String, Bool).self) { found = row }
                    guard let (id, cooperative, code, name, enrolled) = found else {
                        throw HubError(.enrolment, "unknown enrolment code", status: 403)
                    }
                    guard !enrolled else {
                        throw HubError(
                            .enrolment, "this enrolment code was already used: outlet \(code) of \(cooperative) is enrolled", status: 409)
                    }
                    let bytes = ByteBuffer(bytes: key)
                    try await connection.query(
                        "UPDATE outlets SET public_key = \(bytes), enrolled_at = now() WHERE id = \(id)", logger: database.logger)
                    // A key given after `outlet rekey` is an event of the outlet's standing.
                    let fingerprint = "new key SHA-256 " + SHA256.hash(data: key).prefix(8).map { String(format: "%02x", $0) }.joined()
                    try await connection.query(
                        """
                        INSERT INTO outlet_events(outlet_id, kind, detail)
                        SELECT \(id), 'rekeyed', \(fingerprint)
                        WHERE EXISTS (SELECT 1 FROM outlet_events WHERE outlet_id = \(id) AND kind = 'rekey_issued')
                        """, logger: database.logger)
                    return OutletIdentity(outlet: id, cooperative: cooperative, code: code, name: name)
                }
            }
        } catch  where Self.sqlState(error) == "23505" {
            throw HubError(.duplicate, "this public key is already enrolled for another outlet")
        }
    }
}
