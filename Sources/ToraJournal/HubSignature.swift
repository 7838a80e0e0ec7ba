import Crypto
import Foundation

/// Signs and checks outlet requests with Ed25519 (docs/hub.md "Protocol").
public enum HubSignature {
    /// The headers an outlet sends with a request of `method` to `path` carrying `body`.
    public static func headers(
        key: Curve25519.Signing.PrivateKey, outlet: Int64, method: String, path: String, body: [UInt8], time: Int64
    ) throws -> [(String, String)] {
        let text = HubWire.signedText(method: method, path: path, time: time, outlet: outlet, body: body)
        let signature = try key.signature(for: Data(text.utf8))
        return [
            (HubWire.outletHeader, String(outlet)),
            (HubWire.timeHeader, String(time)),
            (HubWire.signatureHeader, signature.base64EncodedString()),
        ]
    }

    /// Why a request's signature does not hold, in one line; nil when it holds.
    public static func problem(
        publicKey: [UInt8], outlet: Int64, method: String, path: String, body: [UInt8], time timeText: String?,
        signature signatureText: String?, now: Int64
    ) -> String? {
        guard let timeText, let time = Int64(timeText) else { return "missing or unreadable \(HubWire.timeHeader) header" }
        guard abs(now - time) <= HubWire.clockSkewSeconds else {
            return "\(HubWire.timeHeader) is \(time - now) s from the hub's clock (at most \(HubWire.clockSkewSeconds) s allowed)"
        }
        guard let signatureText, let signature = Data(base64Encoded: signatureText) else {
            return "missing or unreadable \(HubWire.signatureHeader) header"
        }
        guard let key = try? Curve25519.Signing.PublicKey(rawRepresentation: publicKey) else {
            return "the outlet's stored key is unreadable"
        }
        let text = HubWire.signedText(method: method, path: path, time: time, outlet: outlet, body: body)
        return key.isValidSignature(signature, for: Data(text.utf8)) ? nil : "the signature does not match the outlet's key"
    }
}
