import Testing
import ToraPrint

@Suite("code pages: real tables, sensible stand-ins")
struct CodePageTests {
    @Test("ASCII is itself in every table")
    func ascii() {
        for page in CodePage.allCases {
            #expect(page.encode("Rp12.500 x 2 {ok}") == Array("Rp12.500 x 2 {ok}".utf8))
        }
    }

    @Test(
        "letters are the tables' own bytes",
        arguments: [
            (CodePage.pc437, "éüñÇ£", [0x82, 0x81, 0xA4, 0x80, 0x9C] as [UInt8]),
            (CodePage.pc850, "éüñÇØ", [0x82, 0x81, 0xA4, 0x80, 0x9D]),
            (CodePage.pc858, "é€Ø", [0x82, 0xD5, 0x9D]),
            (CodePage.wpc1252, "éüñÇ€“”–…", [0xE9, 0xFC, 0xF1, 0xC7, 0x80, 0x93, 0x94, 0x96, 0x85]),
        ])
    func ownBytes(page: CodePage, text: String, expected: [UInt8]) {
        #expect(page.encode(text) == expected)
    }

    @Test("characters a table lacks become ASCII stand-ins: quotes, dashes, ellipsis, euro, accents")
    func standIns() {
        #expect(CodePage.pc437.printable("“Hemat” – 1…2 €5") == "\"Hemat\" - 1...2 EUR5")
        #expect(CodePage.pc437.printable("Łódź ő ș ě") == "Lódz o s e")
        #expect(CodePage.pc850.printable("ı") == "ı")
        #expect(CodePage.pc858.printable("ı") == "i")
        #expect(CodePage.pc437.printable("×") == "x")
        #expect(CodePage.pc850.printable("×") == "×")
    }

    @Test("a decomposed é (e + combining accent) is one character and one byte")
    func decomposed() {
        #expect(CodePage.pc437.encode("Cafe\u{0301}") == [0x43, 0x61, 0x66, 0x82])
    }

    @Test("unknown characters become one ? each; tabs and line ends become spaces; zero-width marks vanish")
    func unknown() {
        #expect(CodePage.pc437.printable("Kopi 咖啡 👍🏽") == "Kopi ?? ?")
        #expect(CodePage.pc437.printable("a\tb\nc\r\nd") == "a b c d")
        #expect(CodePage.wpc1252.printable("a\u{200B}b\u{00AD}c") == "abc")
        #expect(CodePage.pc437.encode("\u{07}") == [0x3F])
    }

    @Test("every byte of printable text is defined in its table")
    func everyByteDefined() {
        let text = "Kopi “Desa” – é à ü ñ ç ß £ ½ € … ő Ø × ™ 咖"
        for page in CodePage.allCases {
            let printable = page.printable(text)
            #expect(printable.unicodeScalars.allSatisfy { page.byte(for: $0) != nil }, "\(page): \(printable)")
            #expect(page.encode(text).count == printable.count)
        }
    }

    @Test("settings read pc437, PC850, cp858 and windows-1252; others are refused")
    func settings() {
        #expect(CodePage(setting: "pc437") == .pc437)
        #expect(CodePage(setting: " PC850 ") == .pc850)
        #expect(CodePage(setting: "cp858") == .pc858)
        #expect(CodePage(setting: "windows-1252") == .wpc1252)
        #expect(CodePage(setting: "utf8") == nil)
    }
}
