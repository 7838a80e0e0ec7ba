/// ESC/POS commands as bytes (Epson's thermal printer language): a pure builder that
/// appends each command to `bytes`. Nothing here talks to a printer.
///
/// Text is encoded in the chosen code page (`CodePage.encode`), never sent as UTF-8.
public struct EscPos: Sendable, Hashable {
    public private(set) var bytes: [UInt8] = []
    public let codePage: CodePage

    /// An empty command stream for a printer set to `codePage`.
    public init(codePage: CodePage) {
        self.codePage = codePage
    }

    static let esc: UInt8 = 0x1B
    static let gs: UInt8 = 0x1D

    /// `ESC @` (reset the printer's modes) then `ESC t n` (select the code page).
    public mutating func initialize() {
        bytes += [Self.esc, 0x40, Self.esc, 0x74, codePage.escPosNumber]
    }

    /// `text` in the code page; no line feed.
    public mutating func text(_ text: String) {
        bytes += codePage.encode(text)
    }

    /// `LF`: print the line and move to the next.
    public mutating func lineFeed(_ count: Int = 1) {
        bytes += Array(repeating: 0x0A, count: max(0, count))
    }

    /// `ESC E n`: bold on or off.
    public mutating func bold(_ on: Bool) {
        bytes += [Self.esc, 0x45, on ? 1 : 0]
    }

    /// `GS ! n`: character width and height, each 1 (normal) or 2 (double).
    public mutating func size(doubleWidth: Bool, doubleHeight: Bool) {
        bytes += [Self.gs, 0x21, (doubleWidth ? 0x10 : 0) | (doubleHeight ? 0x01 : 0)]
    }

    /// `ESC a n`: left (0), center (1) or right (2); takes effect at the start of a line.
    public mutating func align(_ alignment: TextAlignment) {
        let n: UInt8
        switch alignment {
        case .left: n = 0
        case .center: n = 1
        case .right: n = 2
        }
        bytes += [Self.esc, 0x61, n]
    }

    /// A CODE128 barcode: `GS h` height in dots, `GS w` module width, `GS H 2` (text
    /// below), then `GS k 73 n` with the data in code sets B and C (`Code128.escPosData`).
    /// Data longer than the command allows (253 bytes) is cut.
    public mutating func code128(_ data: String, height: UInt8 = 64, moduleWidth: UInt8 = 2) {
        let encoded = Array(Code128.escPosData(data).prefix(255))
        bytes += [Self.gs, 0x68, height]
        bytes += [Self.gs, 0x77, min(max(moduleWidth, 1), 6)]
        bytes += [Self.gs, 0x48, 0x02]
        bytes += [Self.gs, 0x6B, 73, UInt8(encoded.count)] + encoded
    }

    /// QR error correction level (`GS ( k` fn 69): L 7 %, M 15 %, Q 25 %, H 30 %.
    public enum QRErrorCorrection: UInt8, Sendable {
        case low = 48
        case medium = 49
        case quartile = 50
        case high = 51
    }

    /// A QR code with `GS ( k` (cn 49): model 2 (fn 65), module size (fn 67), error
    /// correction (fn 69), store the data (fn 80), print it (fn 81).
    public mutating func qrCode(_ data: String, moduleSize: UInt8 = 5, errorCorrection: QRErrorCorrection = .medium) {
        let payload = Array(data.utf8.prefix(7089))
        let stored = payload.count + 3
        bytes += [Self.gs, 0x28, 0x6B, 0x04, 0x00, 0x31, 0x41, 0x32, 0x00]
        bytes += [Self.gs, 0x28, 0x6B, 0x03, 0x00, 0x31, 0x43, min(max(moduleSize, 1), 16)]
        bytes += [Self.gs, 0x28, 0x6B, 0x03, 0x00, 0x31, 0x45, errorCorrection.rawValue]
        bytes += [Self.gs, 0x28, 0x6B, UInt8(stored & 0xFF), UInt8(stored >> 8), 0x31, 0x50, 0x30] + payload
        bytes += [Self.gs, 0x28, 0x6B, 0x03, 0x00, 0x31, 0x51, 0x30]
    }

    /// `GS V 66 n`: feed to the cutter (plus `n` dots) and cut, leaving a hinge.
    public mutating func partialCut(feed: UInt8 = 0) {
        bytes += [Self.gs, 0x56, 66, feed]
    }

    /// `ESC p 0 25 250`: a pulse on drawer pin 2 (50 ms on, 500 ms off) opens the cash drawer.
    public mutating func openDrawer() {
        bytes += [Self.esc, 0x70, 0x00, 25, 250]
    }
}
