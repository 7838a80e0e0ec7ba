import Crypto
import Foundation
import ToraCore

#if canImport(Glibc)
    import Glibc
#endif

/// The shop's Ed25519 private key: a file beside the shop file (`<shop>.hub-key`, mode
/// 0600, base64 of the raw 32-byte key). Made once by `tora hub join`, never overwritten.
public enum HubKeyFile {
    public static func path(forShop shop: String) -> String { shop + ".hub-key" }

    /// Makes a new key and writes it; refuses when the file exists.
    public static func create(forShop shop: String) throws -> Curve25519.Signing.PrivateKey {
        let path = path(forShop: shop)
        let key = Curve25519.Signing.PrivateKey()
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL, 0o600)
        guard descriptor >= 0 else {
            if errno == EEXIST {
                throw SyncError(
                    .badData,
                    "\(path) already exists: this shop has a hub key; it is never overwritten (move it away only if you mean to join anew)")
            }
            throw SyncError(.io, "cannot create \(path): \(String(cString: strerror(errno)))")
        }
        let text = Array((key.rawRepresentation.base64EncodedString() + "\n").utf8)
        let written = text.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
        let synced = fsync(descriptor) == 0
        close(descriptor)
        guard written == text.count, synced else { throw SyncError(.io, "cannot write \(path): the disk is full or failing") }
        return key
    }

    /// Reads the key; a missing or unreadable file is one clear line.
    public static func read(forShop shop: String) throws -> Curve25519.Signing.PrivateKey {
        let path = path(forShop: shop)
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
            throw SyncError(.io, "cannot read the hub key \(path): it is missing or unreadable")
        }
        guard let raw = Data(base64Encoded: text.trimmingCharacters(in: .whitespacesAndNewlines)),
            let key = try? Curve25519.Signing.PrivateKey(rawRepresentation: raw)
        else {
            throw SyncError(.badData, "\(path) does not hold an Ed25519 key")
        }
        return key
    }

    /// Removes a key made by a join that then failed, so the shop can try again.
    static func discard(forShop shop: String) {
        unlink(path(forShop: shop))
    }
}
