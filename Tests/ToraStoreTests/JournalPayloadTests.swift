import GRDB
import Testing
import ToraCore

@testable import ToraStore

/// Reading journal payloads back, and the per-table expectations `audit verify` draws
/// from them.
@Suite("journal payloads")
struct JournalPayloadTests {
    @Test("canonical JSON reads back as the value it was written from, escapes and all")
    func roundTrip() {
        let value: JSONValue = .object([
            "a": .array(["x\"y\\z", .null, true, false, .int(-42), .int(9_999_999_999)]), "é": "line\nbreak\ttab\u{1}",
            "nested": .object(["empty": .array([]), "none": .object([:])]), "pct": .number("37.5"),
        ])
        #expect(JSONValue.parse(value.canonical) == value)
        #expect(JSONValue.parse(value.pretty) == value)
    }

    @Test("\\u escapes, surrogate pairs and numbers too long for Int64 are read; broken text is not JSON")
    func edges() {
        #expect(JSONValue.parse(#""caf\u00e9 \ud83d\ude00 \/""#) == .string("café 😀 /"))
        #expect(JSONValue.parse("123456789012345678901") == .number("123456789012345678901"))
        #expect(JSONValue.parse("-1.5e3") == .number("-1.5e3"))
        for broken in ["", "{", "[1,", #"{"a" 1}"#, #""open"#, "tru", "1 2", "-", #"{"a":1,}"#] {
            #expect(JSONValue.parse(broken) == nil, "\(broken) was read")
        }
    }

    @Test("an older refund entry without the newer fields leaves them unchecked, not mismatched")
    func olderRefundEntry() throws {
        let payload = try #require(
            JSONDocument.parse(
                #"{"lines":[{"line":2,"net":15700,"quantity":1000,"sku":"MINYAKITA"}],"method":"cash","receipt":"01-20261129-0003","refund_of":"01-20261129-0001","supervisor":"02","total":15700}"#
            )?.root)
        let entry = JournalFacts(
            seq: 40, kind: "refund.completed", actor: "01", register: "01", at: "2026-11-29T02:30:00.000Z", hash: "h", payload: payload)
        let sale = try #require(BookCheck.sales.expected(entry).first)
        // shift, member, gross, discounts, tax and dpp are not in an older refund's payload.
        #expect(sale.values[7] == nil && sale.values[8] == nil && sale.values[9] == nil && sale.values[10] == nil)
        #expect(sale.values[11] == 15_700.databaseValue && sale.values[13] == nil && sale.values[14] == nil)
        let line = try #require(BookCheck.saleLines.expected(entry).first)
        #expect(line.values[1] == 1.databaseValue && line.values[4] == nil && line.values[9] == 2.databaseValue)
        let payment = try #require(BookCheck.payments.expected(entry).first)
        #expect(payment.values[2] == (-15_700).databaseValue)
        let movement = try #require(BookCheck.stockMovements.expected(entry).first)
        #expect(movement.values[1] == "refund".databaseValue && movement.values[3] == 1_000.databaseValue)
    }
}
