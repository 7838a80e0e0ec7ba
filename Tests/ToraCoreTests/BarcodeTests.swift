import Testing

@testable import ToraCore

// How a GS1 check digit is worked out by hand (EAN-13, EAN-8, UPC-A alike): take the
// digits before the check digit, weight them 3, 1, 3, 1, … starting from the RIGHTMOST,
// add up, and the check digit is (10 − sum mod 10) mod 10.

@Suite("Barcode: check digits of EAN-13, EAN-8 and UPC-A (docs/catalogue-and-stock.md)")
struct BarcodeCheckDigitTests {
    @Test("a valid EAN-13 is accepted")
    func validEAN13() throws {
        // 899238810101?: from the left the weights are 1,3,1,3,…
        //   8·1 + 9·3 + 9·1 + 2·3 + 3·1 + 8·3 + 8·1 + 1·3 + 0·1 + 1·3 + 0·1 + 1·3
        //   = 8 + 27 + 9 + 6 + 3 + 24 + 8 + 3 + 0 + 3 + 0 + 3 = 94 → (10 − 4) mod 10 = 6.
        #expect(try Barcode.validate("8992388101016") == .ean13)
        // 888600810105?: 8 + 24 + 8 + 18 + 0 + 0 + 8 + 3 + 0 + 3 + 0 + 15 = 87 → 3.
        #expect(try Barcode.validate("8886008101053") == .ean13)
        // 978030640615? (the classic ISBN example):
        //   9 + 21 + 8 + 0 + 3 + 0 + 6 + 12 + 0 + 18 + 1 + 15 = 93 → 7.
        #expect(try Barcode.validate("9780306406157") == .ean13)
    }

    @Test("an EAN-13 with a wrong check digit is refused, naming the right one")
    func invalidEAN13() {
        // As worked out above, 899238810101 needs 6, not 1.
        let error = refusal { try Barcode.validate("8992388101011") }
        #expect(error?.code == .badCheckDigit)
        #expect(error?.details["expected"] == "6")
        #expect(error?.field == "barcode")
        // One digit misread (…6157 → …6158): 978030640615 needs 7 (worked out above), 8 is printed.
        #expect(refusal { try Barcode.validate("9780306406158") }?.code == .badCheckDigit)
    }

    @Test("a valid EAN-8 is accepted, a wrong one refused")
    func ean8() throws {
        // 9638507?: weights from the left 3,1,3,1,3,1,3:
        //   9·3 + 6·1 + 3·3 + 8·1 + 5·3 + 0·1 + 7·3 = 27 + 6 + 9 + 8 + 15 + 0 + 21 = 86 → 4.
        #expect(try Barcode.validate("96385074") == .ean8)
        let error = refusal { try Barcode.validate("96385075") }
        #expect(error?.code == .badCheckDigit)
        #expect(error?.details["expected"] == "4")
    }

    @Test("a valid UPC-A is accepted, a wrong one refused")
    func upcA() throws {
        // 03600029145?: odd positions ×3: (0 + 6 + 0 + 2 + 1 + 5)·3 = 42; even: 3 + 0 + 0 + 9 + 4 = 16;
        //   42 + 16 = 58 → 2.
        #expect(try Barcode.validate("036000291452") == .upcA)
        // Indomie Goreng 08968601094?: odd (0 + 9 + 8 + 0 + 0 + 4)·3 = 63; even 8 + 6 + 6 + 1 + 9 = 30;
        //   93 → 7.
        #expect(try Barcode.validate("089686010947") == .upcA)
        let error = refusal { try Barcode.validate("089686010940") }
        #expect(error?.code == .badCheckDigit)
        #expect(error?.details["expected"] == "7")
    }

    @Test("checkDigit works out the digit from the payload")
    func checkDigitFunction() {
        // The same sums as above.
        #expect(Barcode.checkDigit(of: "899238810101") == 6)
        #expect(Barcode.checkDigit(of: "9638507") == 4)
        #expect(Barcode.checkDigit(of: "03600029145") == 2)
        // A sum that is already a multiple of 10 gives 0, not 10: 00000000000? sums to 0 → 0.
        // 00000000003?: the 3 is rightmost, weight 3 → 9 → (10 − 9) mod 10 = 1.
        #expect(Barcode.checkDigit(of: "00000000000") == 0)
        #expect(Barcode.checkDigit(of: "00000000003") == 1)
    }

    @Test(
        "codes of other lengths or with letters are in-store codes, taken as they are",
        arguments: ["1234567", "12345678901234", "123", "TS-0001", "gula_aren.500", "ABC123"])
    func inStore(code: String) throws {
        #expect(try Barcode.validate(code) == .inStore)
    }

    @Test("empty text, spaces, other symbols and overlong codes are not barcodes")
    func notABarcode() throws {
        #expect(refusal { try Barcode.validate("") }?.code == .invalidBarcode)
        #expect(refusal { try Barcode.validate("12 34") }?.code == .invalidBarcode)
        #expect(refusal { try Barcode.validate("KOPI/1") }?.code == .invalidBarcode)
        #expect(refusal { try Barcode.validate(String(repeating: "7", count: 49)) }?.code == .invalidBarcode)
        #expect(try Barcode.validate(String(repeating: "A", count: 48)) == .inStore)
    }

    @Test("an EAN-13 starting 20 or 22 is a scale label and refused in the catalogue")
    func reservedScalePrefixes() throws {
        // 201234501255?: 2·1 + 0·3 + 1·1 + 2·3 + 3·1 + 4·3 + 5·1 + 0·3 + 1·1 + 2·3 + 5·1 + 5·3
        //   = 2 + 0 + 1 + 6 + 3 + 12 + 5 + 0 + 1 + 6 + 5 + 15 = 56 → 4.
        #expect(refusal { try Barcode.validate("2012345012554") }?.code == .reservedScalePrefix)
        // 221234515000?: 2 + 6 + 1 + 6 + 3 + 12 + 5 + 3 + 5 + 0 + 0 + 0 = 43 → 7.
        #expect(refusal { try Barcode.validate("2212345150007") }?.code == .reservedScalePrefix)
        // 210000000000?: 2·1 + 1·3 = 5 → 5. Prefix 21 has no scale format here: a plain EAN-13.
        #expect(try Barcode.validate("2100000000005") == .ean13)
    }

    @Test("a scale-prefixed code with a bad check digit is refused for its check digit first")
    func scalePrefixBadCheckDigit() {
        // 201234501255 needs 4 (above); 0 is printed.
        #expect(refusal { try Barcode.validate("2012345012550") }?.code == .badCheckDigit)
    }
}

@Suite("ScannedCode: what the till reads from the scanner (docs/catalogue-and-stock.md)")
struct ScannedCodeTests {
    @Test("20IIIIIWWWWWC carries the weight in grams as thousandths of a kg")
    func weighed() throws {
        // 20 | 12345 | 01255 | 4 (check digit 4 worked out in BarcodeCheckDigitTests):
        // PLU 12345, 01255 g = 1,255 kg = 1 255 thousandths.
        #expect(try ScannedCode.interpret("2012345012554") == .weighed(plu: "12345", quantity: Quantity(thousandths: 1_255)))
    }

    @Test("22IIIIIPPPPPC carries the price in rupiah")
    func priced() throws {
        // 22 | 12345 | 15000 | 7: PLU 12345, Rp15.000.
        #expect(try ScannedCode.interpret("2212345150007") == .priced(plu: "12345", price: Money(15_000)))
    }

    @Test("a scale label with a bad check digit is refused, not looked up")
    func badScaleLabel() {
        // One gram more (01256) with the old check digit 4: the last payload digit has weight 3,
        // so the sum goes 56 − 5·3 + 6·3 = 59 → needs 1.
        let error = refusal { try ScannedCode.interpret("2012345012564") }
        #expect(error?.code == .badCheckDigit)
        #expect(error?.details["expected"] == "1")
        #expect(refusal { try ScannedCode.interpret("2212345150000") }?.code == .badCheckDigit)
    }

    @Test("a weight label of zero grams is refused")
    func zeroWeight() {
        // 20 12345 00000 ?: 2 + 0 + 1 + 6 + 3 + 12 + 5 + 0 + 0 + 0 + 0 + 0 = 29 → 1.
        #expect(refusal { try ScannedCode.interpret("2012345000001") }?.code == .invalidQuantity)
    }

    @Test("plain text, skus and member cards are looked up as they are")
    func lookup() throws {
        #expect(try ScannedCode.interpret("KOPI-DESA") == .lookup("KOPI-DESA"))
        #expect(try ScannedCode.interpret("M000123") == .lookup("M000123"))
        // Surrounding spaces and the scanner's line end are trimmed.
        #expect(try ScannedCode.interpret("  8992388101016\r\n") == .lookup("8992388101016"))
        // An in-store numeric code of 5 digits has no check digit.
        #expect(try ScannedCode.interpret("12345") == .lookup("12345"))
    }

    @Test("real EAN-13, EAN-8 and UPC-A scans are check-digit verified before lookup")
    func verifiedLookup() throws {
        #expect(try ScannedCode.interpret("8992388101016") == .lookup("8992388101016"))
        #expect(try ScannedCode.interpret("96385074") == .lookup("96385074"))
        #expect(try ScannedCode.interpret("089686010947") == .lookup("089686010947"))
        // 2100000000005 begins with 2 but is neither 20 nor 22: looked up like any EAN-13.
        #expect(try ScannedCode.interpret("2100000000005") == .lookup("2100000000005"))
        #expect(refusal { try ScannedCode.interpret("8992388101011") }?.code == .badCheckDigit)
        #expect(refusal { try ScannedCode.interpret("96385075") }?.code == .badCheckDigit)
        #expect(refusal { try ScannedCode.interpret("089686010940") }?.code == .badCheckDigit)
    }

    @Test("empty input and text with inner spaces are not codes")
    func notACode() {
        #expect(refusal { try ScannedCode.interpret("") }?.code == .invalidBarcode)
        #expect(refusal { try ScannedCode.interpret("gula aren") }?.code == .invalidBarcode)
    }
}
