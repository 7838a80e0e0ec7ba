import ToraCore

extension EscPos {
    /// A whole laid-out receipt as the bytes a printer receives: initialise and select the
    /// code page, pulse the drawer when the receipt opens it, then each line with only the
    /// alignment, bold and size changes it needs, the barcode and QR code centred, the cut.
    public static func encode(_ document: ReceiptDocument, codePage: CodePage) -> [UInt8] {
        var printer = EscPos(codePage: codePage)
        printer.initialize()
        if document.opensDrawer { printer.openDrawer() }
        var alignment = TextAlignment.left
        var style = TextStyle.plain
        func set(_ wanted: TextAlignment) {
            if wanted != alignment { printer.align(wanted) }
            alignment = wanted
        }
        func set(_ wanted: TextStyle) {
            if wanted.bold != style.bold { printer.bold(wanted.bold) }
            if wanted.doubleWidth != style.doubleWidth || wanted.doubleHeight != style.doubleHeight {
                printer.size(doubleWidth: wanted.doubleWidth, doubleHeight: wanted.doubleHeight)
            }
            style = wanted
        }
        for block in document.blocks {
            switch block {
            case .line(let line):
                set(line.alignment)
                set(line.style)
                printer.text(line.alignment == .left ? line.text.trailingSpacesRemoved : line.text.trimmingSpaces())
                printer.lineFeed()
            case .barcode(let data, let moduleWidth):
                set(.center)
                set(.plain)
                printer.code128(data, moduleWidth: UInt8(clamping: moduleWidth))
            case .qrCode(let data, let moduleSize):
                set(.center)
                set(.plain)
                printer.qrCode(data, moduleSize: UInt8(clamping: moduleSize))
            case .cut:
                set(.left)
                set(.plain)
                printer.partialCut()
            }
        }
        return printer.bytes
    }
}
