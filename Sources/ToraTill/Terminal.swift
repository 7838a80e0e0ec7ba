import Foundation
import ToraCore

#if canImport(Glibc)
    import Glibc
#endif

/// Where the till reads lines and writes answers: the real terminal (or a pipe), or a
/// test's strings.
public protocol Terminal {
    /// A person at a keyboard (prompts stay on the line, PINs are not echoed); false for
    /// a pipe or a file, where the till writes plain lines and echoes what it read.
    var isInteractive: Bool { get }
    /// The next line without its line end, or nil at the end of input.
    func readLine(secret: Bool) -> String?
    func write(_ text: String)
}

/// Standard input and output.
public struct StandardTerminal: Terminal {
    public init() {}

    public var isInteractive: Bool { isatty(STDIN_FILENO) == 1 && isatty(STDOUT_FILENO) == 1 }

    public func readLine(secret: Bool) -> String? {
        guard secret, isInteractive else { return Swift.readLine(strippingNewline: true) }
        var saved = termios()
        tcgetattr(STDIN_FILENO, &saved)
        var quiet = saved
        quiet.c_lflag &= ~tcflag_t(ECHO)
        tcsetattr(STDIN_FILENO, TCSAFLUSH, &quiet)
        defer {
            tcsetattr(STDIN_FILENO, TCSAFLUSH, &saved)
            write("\n")
        }
        return Swift.readLine(strippingNewline: true)
    }

    public func write(_ text: String) {
        FileHandle.standardOutput.write(Data(text.utf8))
    }
}

/// Runs a session against a terminal until it finishes or the input ends.
public enum TillLoop {
    /// Shows `first`, then reads and answers lines. The prompt is written before each read,
    /// so a program driving the till sees when it is ready; on a pipe the line read is
    /// written after it (`01> 8991002101012`; a PIN shows as `****`), so a transcript of a
    /// scripted shift reads like the screen did.
    public static func run(_ session: inout TillSession, terminal: any Terminal, first: TillReply) {
        var reply = first
        while true {
            for line in reply.lines { terminal.write(line + "\n") }
            if reply.isFinished { return }
            let prompt = reply.prompt
            terminal.write(prompt.text + " ")
            guard let line = terminal.readLine(secret: prompt.isSecret) else {
                terminal.write("\n" + session.endOfInput() + "\n")
                return
            }
            if !terminal.isInteractive { terminal.write(echo(line, secret: prompt.isSecret) + "\n") }
            reply = session.handle(line)
        }
    }

    /// The line as a transcript shows it: a PIN as stars, a buyer's NIK masked
    /// (`nik 3201********0001`), an over-long line (see `TillSession.maxLineBytes`) cut to
    /// its first 40 characters.
    static func echo(_ line: String, secret: Bool) -> String {
        if secret { return String(repeating: "*", count: min(line.count, 16)) }
        guard line.utf8.count > TillSession.maxLineBytes else {
            if case .nik(let digits) = TillParser.parse(line) { return "nik " + NIK.mask(digits) }
            return line
        }
        return String(line.prefix(40)) + "…"
    }
}
