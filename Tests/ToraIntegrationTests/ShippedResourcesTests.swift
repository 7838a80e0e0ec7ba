import Foundation
import Testing
import ToraCore
import ToraResources

@Suite("shipped resources")
struct ShippedResourcesTests {
    @Test("every language has the same keys, and every domain error has a message")
    func translationsComplete() throws {
        let indonesian = try Translations.load("id")
        let english = try Translations.load("en")
        #expect(Set(indonesian.strings.keys) == Set(english.strings.keys))
        for code in CoreError.Code.all {
            #expect(indonesian.strings["error.\(code.rawValue)"] != nil, "no Indonesian message for \(code)")
        }
        #expect(indonesian.text("sale.change", ["change": "Rp15.600"]) == "Kembalian Rp15.600")
        #expect(english.text("no.such.key") == "no.such.key")
    }

    @Test("placeholders are filled in one pass: a value is never filled in itself, an unknown one stays")
    func placeholdersFilledOnce() throws {
        let english = try Translations.load("en")
        // "{value} is above the limit of {limit}"
        #expect(
            english.text("error.amount_too_large", ["value": "{limit}", "limit": "Rp9.999.999.999"])
                == "{limit} is above the limit of Rp9.999.999.999")
        #expect(english.text("error.amount_too_large", ["value": "Rp1"]) == "Rp1 is above the limit of {limit}")
        #expect(english.text("error.amount_too_large", ["other": "x"]) == "{value} is above the limit of {limit}")
    }

    @Test("counts take the singular where the language has one: 1 item, 2 items, 1 barang")
    func singularForms() throws {
        let english = try Translations.load("en")
        let indonesian = try Translations.load("id")
        #expect(english.text("count.items", ["count": "1"], count: 1) == "1 item")
        #expect(english.text("count.items", ["count": "2"], count: 2) == "2 items")
        #expect(english.text("count.lines", ["count": "1"], count: 1) == "1 line")
        #expect(indonesian.text("count.items", ["count": "1"], count: 1) == "1 barang")
        #expect(
            indonesian.text("sale.running_total", ["total": "Rp7.000", "lines": "1 baris", "items": "2 barang"])
                == "   Total Rp7.000 (1 baris, 2 barang)")
        #expect(english.text("no.such.key", [:], count: 1) == "no.such.key")
    }

    @Test("the demo catalogue has local, weighed, consigned and exempt products across the shop's categories")
    func demoCatalogueShape() throws {
        let text = try String(contentsOf: ToraResources.demoFolder.appendingPathComponent("catalogue.csv"), encoding: .utf8)
        let rows = text.split(separator: "\n").dropFirst()
        #expect(rows.count >= 150)
        #expect(text.contains(",kg,") && text.contains(",exempt,") && text.contains("UMKM"))
    }
}
