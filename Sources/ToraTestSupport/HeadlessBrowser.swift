import Foundation

/// Debian's headless Chromium, to look at an HTML report as a manager would.
public struct HeadlessBrowser: Sendable {
    public let path: String

    struct Missing: Error, CustomStringConvertible {
        var description: String { "no headless browser (install Debian's chromium; scripts/install-deps does)" }
    }

    struct Failed: Error, CustomStringConvertible {
        let description: String
    }

    /// Chromium from the PATH; a missing browser is an error, never a silent skip.
    public static func locate() throws -> HeadlessBrowser {
        for name in ["chromium", "chromium-browser", "google-chrome"] {
            for folder in ["/usr/bin", "/usr/local/bin", "/snap/bin"]
            where FileManager.default.isExecutableFile(atPath: "\(folder)/\(name)") {
                return HeadlessBrowser(path: "\(folder)/\(name)")
            }
        }
        throw Missing()
    }

    func run(_ arguments: [String]) throws -> String {
        let profile = TemporaryFolder("tora-chromium")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments =
            [
                "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run", "--hide-scrollbars",
                "--user-data-dir=\(profile.path)",
            ] + arguments
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw Failed(description: "chromium exited with \(process.terminationStatus)") }
        return String(decoding: data, as: UTF8.self)
    }

    /// The page's DOM after the browser has parsed it.
    public func dumpDOM(_ file: String) throws -> String {
        try run(["--dump-dom", "file://\(file)"])
    }

    /// A PNG screenshot of the page.
    public func screenshot(_ file: String, to picture: String, width: Int = 1000, height: Int = 1800) throws {
        _ = try run(["--screenshot=\(picture)", "--window-size=\(width),\(height)", "file://\(file)"])
        guard FileManager.default.fileExists(atPath: picture) else { throw Failed(description: "chromium wrote no screenshot") }
    }

    /// The DOM of a page a server answers at `url` (`http://…`), as the browser parsed it.
    public func dumpDOM(url: String) throws -> String {
        try run(["--dump-dom", url])
    }

    /// A PNG screenshot of the page a server answers at `url`.
    public func screenshot(url: String, to picture: String, width: Int = 1200, height: Int = 1400) throws {
        _ = try run(["--screenshot=\(picture)", "--window-size=\(width),\(height)", url])
        guard FileManager.default.fileExists(atPath: picture) else { throw Failed(description: "chromium wrote no screenshot") }
    }
}

/// How much of a PNG is not near-white: 0 for a blank page.
public enum PNGInk {
    /// Decodes the PNG with Python's standard library (zlib and the five PNG filters).
    public static func fraction(of picture: String) throws -> Double {
        let script = """
            import struct, sys, zlib
            data = open(sys.argv[1], 'rb').read()
            pos, idat, width, height, bpp = 8, b'', 0, 0, 4
            while pos < len(data):
                length, kind = struct.unpack('>I4s', data[pos:pos + 8])
                body = data[pos + 8:pos + 8 + length]
                if kind == b'IHDR':
                    width, height, depth, colour = struct.unpack('>IIBB', body[:10])
                    bpp = {2: 3, 6: 4, 0: 1, 4: 2}[colour]
                elif kind == b'IDAT':
                    idat += body
                pos += 12 + length
            raw = zlib.decompress(idat)
            stride = width * bpp
            previous = bytearray(stride)
            ink = 0
            for y in range(height):
                start = y * (stride + 1)
                kind = raw[start]
                row = bytearray(raw[start + 1:start + 1 + stride])
                for i in range(stride):
                    a = row[i - bpp] if i >= bpp else 0
                    b = previous[i]
                    c = previous[i - bpp] if i >= bpp else 0
                    if kind == 1: row[i] = (row[i] + a) & 255
                    elif kind == 2: row[i] = (row[i] + b) & 255
                    elif kind == 3: row[i] = (row[i] + (a + b) // 2) & 255
                    elif kind == 4:
                        p = a + b - c
                        pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                        row[i] = (row[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
                for x in range(0, stride, bpp):
                    if min(row[x:x + min(bpp, 3)]) < 200:
                        ink += 1
                previous = row
            print(ink / float(width * height))
            """
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", script, picture]
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Double(String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)) ?? 0
    }
}
