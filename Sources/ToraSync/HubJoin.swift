import Crypto
import Foundation
import ToraCore
import ToraJournal
import ToraStore

/// `tora hub join URL --code C` (docs/hub.md "Shop side"): makes the shop's key pair,
/// registers the public key with the one-time code, and records the hub in the shop file.
public enum HubJoin {
    public static func join(store: ShopStore, url: String, code: String, actor: String) throws -> HubLink {
        if let link = try store.hubLink() {
            throw SyncError(.badData, "this shop already joined the hub at \(link.url) as outlet \(link.outletCode)")
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
}
