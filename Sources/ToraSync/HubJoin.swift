import Crypto
import Foundation
import ToraCore
import ToraJournal
import ToraStore

#if canImport(Glibc)
    import Glibc
#endif

/// `tora hub join URL --code C` (docs/hub.md "Shop side"): makes the shop's key pair,
/// registers the public key with the one-time code, and records the hub in the shop file.
public enum HubJoin {
    public static func join(store: ShopStore, url: String, code: String, actor: String) throws -> HubLink {
        if let link = try store.hubLink() {
            throw SyncError(
                .badData,
                "this shop already joined the hub at \(link.url) as outlet \(link.outletCode); "
                    + "to replace its key, add --rekey with a code from tora-hub outlet rekey")
        }
        let client = try HubClient(url: url)
        let key = try HubKeyFile.create(forShop: store.path)
        let publicKey = key.publicKey.rawRepresentation.base64EncodedString()
        let identity: OutletIdentity
        do {
            let body = try JSONEncoder().encode(EnrolRequest(code: code, publicKey: publicKey))
            let answer = try client.send("POST", "/v1/enrol", body: Array(body))
            identity = try HubClient.decode(OutletIdentity.self, from: answer, doing: "the enrolment")
        } catch {
            // The hub never took this key: the shop may try again with a new one.
            HubKeyFile.discard(forShop: store.path)
            throw error
        }
        return try store.recordHubLink(url: client.baseURL, identity: identity, publicKey: publicKey, actor: actor)
    }

    /// `tora hub join URL --code C --rekey`: a joined shop whose key the hub revoked
    /// (`tora-hub outlet rekey`) enrols a new key for the SAME outlet and goes on with the
    /// journal the hub holds. The old key file is kept aside as `<key>.revoked-<time>`.
    public static func rekey(store: ShopStore, url: String, code: String, actor: String) throws -> HubLink {
        guard let link = try store.hubLink() else {
            throw SyncError(.usage, "this shop has not joined a hub, so it has no key to replace: run tora hub join URL --code CODE")
        }
        let client = try HubClient(url: url)
        let keyPath = HubKeyFile.path(forShop: store.path)
        let aside = keyPath + ".revoked-" + Timestamp.format(store.clock.now).filter { $0.isNumber }
        let hadKey = FileManager.default.fileExists(atPath: keyPath)
        if hadKey, rename(keyPath, aside) != 0 {
            throw SyncError(.io, "cannot move the old key \(keyPath) aside: \(String(cString: strerror(errno)))")
        }
        func restore() {
            HubKeyFile.discard(forShop: store.path)
            if hadKey { rename(aside, keyPath) }
        }
        let identity: OutletIdentity
        let publicKey: String
        do {
            let key = try HubKeyFile.create(forShop: store.path)
            publicKey = key.publicKey.rawRepresentation.base64EncodedString()
            let body = try JSONEncoder().encode(EnrolRequest(code: code, publicKey: publicKey))
            let answer = try client.send("POST", "/v1/enrol", body: Array(body))
            identity = try HubClient.decode(OutletIdentity.self, from: answer, doing: "the enrolment")
        } catch {
            restore()
            throw error
        }
        guard identity.outlet == link.outlet else {
            restore()
            throw SyncError(
                .badData,
                "that code was for outlet \(identity.code) of \(identity.cooperative), not this shop's outlet \(link.outletCode) "
                    + "of \(link.cooperative): nothing changed here; the hub must issue new codes for both "
                    + "(tora-hub outlet rekey)")
        }
        return try store.replaceHubKey(url: client.baseURL, publicKey: publicKey, actor: actor)
    }
}
