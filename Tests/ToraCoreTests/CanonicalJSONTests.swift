import Testing
import ToraCore

/// `JSONValue.parseCanonical`: text is taken only when it is exactly the canonical text of
/// what it holds, so the hub may store and hash it as sent.
@Suite("canonical JSON reading")
struct CanonicalJSONTests {
    static let sample: JSONValue = .object([
        "a": .array(["x\"y\\z", .null, true, false, .int(-42), .int(0), .int(9_999_999_999)]),
        "é": "line\nbreak\ttab\u{1}\u{1F}", "nested": .object(["empty": .array([]), "none": .object([:])]),
        "pct": .number("37.5"), "big": .number("123456789012345678901"), "slash": "a/b ümlaut 😀",
    ])

    @Test("canonical text is read back as its value, with each outer member's text as written")
    func readsCanonicalText() throws {
        let text = Self.sample.canonical
        let (value, texts) = try #require(JSONValue.parseCanonical(text))
        #expect(value == Self.sample)
        guard case .object(let members) = Self.sample else { return }
        #expect(Set(texts.keys) == Set(members.keys))
        for (key, member) in members { #expect(texts[key] == member.canonical, "member \(key)") }
    }

    @Test("white space, unsorted or repeated keys, leading zeros, -0 and unneeded escapes are not canonical")
    func refusesOtherSpellings() {
        let texts = [
            #"{"a":1, "b":2}"#, #" {"a":1}"#, #"{"a":1}\#n"#, #"{"b":1,"a":2}"#, #"{"a":1,"a":2}"#, "[01]", "-0", "[007]",
            #""a\/b""#, #""\u0041""#, #""\b""#, #""\f""#, #""\u000A""#, #""\u001F""#, "\"tab\there\"", #""caf\u00e9""#,
            "1 ", "[1,2 ]",
        ]
        for text in texts {
            #expect(JSONValue.parseCanonical(text) == nil, "\(text) was taken as canonical")
            #expect(JSONValue.parse(text) != nil, "\(text) is JSON all the same")
        }
        #expect(JSONValue.parseCanonical(#""\u001f""#)?.value == .string("\u{1F}"))
        #expect(JSONValue.parseCanonical("-5")?.value == .int(-5))
        #expect(JSONValue.parseCanonical("0")?.value == .int(0))
    }

    @Test("a high surrogate followed by anything but a low one is not JSON, and does not trap")
    func loneSurrogate() {
        #expect(JSONValue.parse(#""\ud800\u0041""#) == nil)
        #expect(JSONValue.parse(#""\ud83d\ude00""#) == .string("😀"))
    }

    @Test("an object of known keys is read in their order, with one member's text; other keys or spellings are refused")
    func readsKnownKeys() throws {
        let keys = ["a", "b", "c"]
        let text = #"{"a":"x","b":{"n":[1,2],"z":null},"c":-7}"#
        let (values, kept) = try #require(JSONValue.parseCanonicalObject(text, keys: keys, keepingTextOf: 1))
        #expect(values == ["x", .object(["n": .array([1, 2]), "z": .null]), .int(-7)])
        #expect(kept == #"{"n":[1,2],"z":null}"#)
        let others = [
            #"{"a":"x","b":1}"#, #"{"a":"x","b":1,"c":2,"d":3}"#, #"{"b":1,"a":"x","c":2}"#, #"{"a":"x","b":1, "c":2}"#,
            #"{"a":"x","b":{"z":1,"n":2},"c":2}"#, #"{"a":"x","b":1,"c":02}"#, "{}", "{", #"{"a":"x","b":1,"c":2}x"#,
        ]
        for other in others {
            #expect(JSONValue.parseCanonicalObject(other, keys: keys, keepingTextOf: 1) == nil, "\(other) was read")
        }
    }
}
