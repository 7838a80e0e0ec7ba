import Foundation
import ToraStore
import ToraTill

/// Reads a PIN: without echo on a terminal (the till's own terminal code), or one line
/// of piped input.
public enum PinInput {
    public static var isTerminal: Bool { StandardTerminal().isInteractive }

    public static func read(prompt: String) throws -> String {
        let terminal = StandardTerminal()
        if terminal.isInteractive { FileHandle.standardError.write(Data(prompt.utf8)) }
        guard let line = terminal.readLine(secret: true) else {
            throw StoreError(.invalidInput, "PIN: no PIN on standard input (give it as one line)")
        }
        return line.trimmingCharacters(in: .whitespaces)
    }

    /// A new PIN for `code`: asked twice on a terminal, or one line of piped input;
    /// checked (4–8 digits) before anything is written.
    public static func readNew(for code: String) throws -> String {
        let pin = try read(prompt: "New PIN for \(code): ")
        if isTerminal {
            let again = try read(prompt: "New PIN again: ")
            guard again == pin else { throw StoreError(.invalidInput, "PIN: the two PINs differ; nothing was saved") }
        }
        try UserStore.validatePin(pin)
        return pin
    }
}
