/// The data of an ESC/POS CODE128 barcode (`GS k 73`): a code set prefix (`{B`, `{C`)
/// and the characters; runs of four or more digits go in code set C, two digits per
/// symbol, which keeps a receipt number narrow enough for 58 mm paper.
public enum Code128 {
    /// `{B01-{C` 20 26 11 29 `{B-{C` 00 01 for `01-20261129-0001`.
    ///
    /// Characters outside printable ASCII become `?`; `{` is doubled as ESC/POS asks.
    public static func escPosData(_ text: String) -> [UInt8] {
        let characters: [UInt8] = text.unicodeScalars.map { scalar in
            (0x20...0x7E).contains(scalar.value) ? UInt8(scalar.value) : 0x3F
        }
        var out: [UInt8] = []
        var set: UInt8 = 0  // 0x42 B, 0x43 C
        var index = 0
        func isDigit(_ byte: UInt8) -> Bool { (0x30...0x39).contains(byte) }
        while index < characters.count {
            var run = 0
            while index + run < characters.count && isDigit(characters[index + run]) { run += 1 }
            if run >= 4 {
                if run % 2 == 1 {
                    // An odd run: its first digit in set B, the rest in pairs.
                    if set != 0x42 { out += [0x7B, 0x42]; set = 0x42 }
                    out.append(characters[index])
                    index += 1
                    run -= 1
                }
                if set != 0x43 { out += [0x7B, 0x43]; set = 0x43 }
                for pair in stride(from: index, to: index + run, by: 2) {
                    out.append((characters[pair] - 0x30) * 10 + (characters[pair + 1] - 0x30))
                }
                index += run
            } else {
                if set != 0x42 { out += [0x7B, 0x42]; set = 0x42 }
                let character = characters[index]
                out += character == 0x7B ? [0x7B, 0x7B] : [character]
                index += 1
            }
        }
        return out.isEmpty ? [0x7B, 0x42] : out
    }
}
