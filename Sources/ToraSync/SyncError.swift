import ToraCore

/// Every failure of the shop's side of the hub: one line and its exit status
/// (docs/hub.md "Shop side").
public struct SyncError: Error, CustomStringConvertible, Sendable {
    public let message: String
    public let exitStatus: ExitStatus

    public init(_ exitStatus: ExitStatus, _ message: String) {
        self.exitStatus = exitStatus
        self.message = message
    }

    public var description: String { message }
}
