/// Windows-1252, the code page Indonesian Excel uses for "CSV (dipisahkan koma)".
///
/// Bytes below 0x80 are ASCII and 0xA0–0xFF are Latin-1; only 0x80–0x9F differ (curly
/// quotes, dashes, the euro sign). The five bytes Windows-1252 leaves undefined (0x81,
/// 0x8D, 0x8F, 0x90, 0x9D) become the C1 control characters of the same value, as
/// Windows itself reads them, so a text cell holding one is refused as a control
/// character rather than silently changed. Not an error: any byte sequence decodes.
enum Windows1252 {
    /// Unicode scalars of 0x80…0x9F.
    static let high: [UInt32] = [
        0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008D, 0x017D, 0x008F,
        0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178,
    ]

    static func decode(_ bytes: ArraySlice<UInt8>) -> String {
        var scalars = String.UnicodeScalarView()
        scalars.reserveCapacity(bytes.count)
        for byte in bytes {
            let value = (0x80...0x9F).contains(byte) ? high[Int(byte) - 0x80] : UInt32(byte)
            // Every value above is a valid scalar; the fallback only keeps this total.
            scalars.append(Unicode.Scalar(value) ?? "\u{FFFD}")
        }
        return String(scalars)
    }
}
