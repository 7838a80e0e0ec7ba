/// Builds the printed lines of a receipt for a number of columns: wraps text at spaces,
/// puts labels left and amounts right, and never lets a line pass the paper's width.
struct PageComposer {
    let columns: Int
    let codePage: CodePage
    var blocks: [ReceiptBlock] = []

    init(columns: Int, codePage: CodePage) {
        self.columns = columns
        self.codePage = codePage
    }

    /// Columns available for characters of `style`.
    private func room(_ style: TextStyle) -> Int { max(1, columns / style.columnsPerCharacter) }

    /// `text` (in the code page) wrapped to the paper, one printed line per piece.
    mutating func wrapped(_ text: String, alignment: TextAlignment, style: TextStyle) {
        for piece in Self.wrap(codePage.printable(text), width: room(style)) {
            blocks.append(.line(PrintedLine(piece, alignment: alignment, style: style)))
        }
    }

    /// `label` on the left and `value` on the right of one line; when both do not fit, the
    /// label wraps and the value goes right-aligned under it, whole.
    mutating func pair(_ label: String, _ value: String, style: TextStyle) {
        let width = room(style)
        let label = codePage.printable(label)
        let value = codePage.printable(value)
        var lines = label.isEmpty ? [] : Self.wrap(label, width: width)
        if let last = lines.last, last.count + 1 + value.count <= width {
            lines[lines.count - 1] = last + String(repeating: " ", count: width - last.count - value.count) + value
        } else {
            for piece in Self.wrap(value, width: width) {
                lines.append(String(repeating: " ", count: width - piece.count) + piece)
            }
        }
        for line in lines { blocks.append(.line(PrintedLine(line, style: style))) }
    }

    /// A full-width line of `character` (a `-` when the code page lacks it).
    mutating func rule(_ character: Character) {
        let printable = codePage.printable(String(character))
        let mark = printable.count == 1 ? printable : "-"
        blocks.append(.line(PrintedLine(String(repeating: mark, count: columns))))
    }

    /// Greedy word wrap to `width` characters; leading spaces of the text indent every
    /// piece; a word longer than a line is broken; `\n` starts a new line. Never returns
    /// an empty list.
    static func wrap(_ text: String, width: Int) -> [String] {
        var result: [String] = []
        for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let indentCount = min(paragraph.prefix { $0 == " " }.count, max(0, width - 1))
            let indent = String(repeating: " ", count: indentCount)
            let room = width - indentCount
            var line = ""
            var lines: [String] = []
            for word in paragraph.split(separator: " ") {
                var word = Substring(word)
                if !line.isEmpty && line.count + 1 + word.count <= room {
                    line += " " + word
                    continue
                }
                if !line.isEmpty { lines.append(line) }
                line = ""
                while word.count > room {
                    lines.append(String(word.prefix(room)))
                    word = word.dropFirst(room)
                }
                line = String(word)
            }
            if !line.isEmpty || lines.isEmpty { lines.append(line) }
            result += lines.map { $0.isEmpty ? "" : indent + $0 }
        }
        return result.isEmpty ? [""] : result
    }
}
