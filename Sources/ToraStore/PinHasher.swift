import Crypto
import Foundation
import _CryptoExtras

/// PINs are kept only as a salted, slow hash (docs/sign-in-and-files.md): PBKDF2-HMAC-SHA256 with a random
/// 16-byte salt, stored as `pbkdf2-sha256$ROUNDS$SALT$HASH` (base64), so the rounds can
/// be raised later without breaking existing users.
enum PinHasher {
    /// OWASP's floor for PBKDF2-HMAC-SHA256; about a tenth of a second per login here.
    static let rounds = 210_000

    /// Accepts 4–8 ASCII digits; returns why not otherwise.
    static func validate(_ pin: String) throws {
        guard (4...8).contains(pin.count), pin.allSatisfy({ ("0"..."9").contains($0) }) else {
            throw StoreError(.invalidInput, "PIN: a PIN is 4 to 8 digits")
        }
    }

    /// A hash no PIN is checked against in earnest: an unknown user code is verified
    /// against it, so it takes as long as a known one and tells nothing by its timing.
    static let unknownUserHash: String = (try? hash("00000000")) ?? ""

    static func hash(_ pin: String) throws -> String {
        var generator = SystemRandomNumberGenerator()
        let salt = (0..<16).map { _ in UInt8.random(in: 0...255, using: &generator) }
        let key = try derive(pin, salt: salt, rounds: rounds)
        return "pbkdf2-sha256$\(rounds)$\(Data(salt).base64EncodedString())$\(Data(key).base64EncodedString())"
    }

    /// Whether `pin` matches `stored`, compared in constant time.
    static func verify(_ pin: String, against stored: String) -> Bool {
        let parts = stored.split(separator: "$").map(String.init)
        guard parts.count == 4, parts[0] == "pbkdf2-sha256", let rounds = Int(parts[1]), rounds >= 1,
            let salt = Data(base64Encoded: parts[2]), let expected = Data(base64Encoded: parts[3]),
            let actual = try? derive(pin, salt: [UInt8](salt), rounds: rounds), actual.count == expected.count
        else { return false }
        var difference: UInt8 = 0
        for (a, b) in zip(actual, expected) { difference |= a ^ b }
        return difference == 0
    }

    private static func derive(_ pin: String, salt: [UInt8], rounds: Int) throws -> [UInt8] {
        let key = try KDF.Insecure.PBKDF2.deriveKey(
            from: Array(pin.utf8), salt: salt, using: .sha256, outputByteCount: 32, unsafeUncheckedRounds: rounds)
        return key.withUnsafeBytes { Array($0) }
    }
}
