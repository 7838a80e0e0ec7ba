import NIOCore
import ToraJournal

/// A batch's new entries as the rows of `COPY journal_entries … FROM STDIN` in PostgreSQL's
/// text format: PostgreSQL's bulk-load path, which parses less per row than an INSERT of
/// unnested arrays (docs/performance.md "Hub: entries read without building values").
enum JournalCopy {
    static let table = "journal_entries"
    static let columns = ["outlet_id", "seq", "at", "actor", "register", "kind", "payload", "prev_hash", "hash"]

    /// One line per entry, its fields separated by tabs; a register of none is `\N`.
    static func rows(_ entries: some Collection<AuditEntry>, outlet: Int64) -> ByteBuffer {
        var buffer = ByteBuffer()
        buffer.reserveCapacity(entries.reduce(0) { $0 + $1.payload.utf8.count + 256 })
        let tab = UInt8(ascii: "\t")
        for entry in entries {
            buffer.writeString("\(outlet)\t\(entry.seq)\t")
            field(entry.at, to: &buffer)
            buffer.writeInteger(tab)
            field(entry.actor, to: &buffer)
            buffer.writeInteger(tab)
            if let register = entry.register { field(register, to: &buffer) } else { buffer.writeStaticString("\\N") }
            buffer.writeInteger(tab)
            field(entry.kind, to: &buffer)
            buffer.writeInteger(tab)
            field(entry.payload, to: &buffer)
            buffer.writeInteger(tab)
            field(entry.prevHash, to: &buffer)
            buffer.writeInteger(tab)
            field(entry.hash, to: &buffer)
            buffer.writeInteger(UInt8(ascii: "\n"))
        }
        return buffer
    }

    /// A text field with the bytes the format gives a meaning escaped: backslash, tab,
    /// line feed and carriage return (canonical JSON holds a backslash wherever a payload's
    /// text has a quote; the other three only escaped already).
    static func field(_ text: String, to buffer: inout ByteBuffer) {
        var text = text
        text.withUTF8 { bytes in
            guard bytes.contains(where: { $0 == UInt8(ascii: "\\") || $0 < 0x20 }) else {
                buffer.writeBytes(bytes)
                return
            }
            for byte in bytes {
                switch byte {
                case UInt8(ascii: "\\"): buffer.writeStaticString("\\\\")
                case 0x09: buffer.writeStaticString("\\t")
                case 0x0A: buffer.writeStaticString("\\n")
                case 0x0D: buffer.writeStaticString("\\r")
                default: buffer.writeInteger(byte)
                }
            }
        }
    }
}
