import Testing
import ToraCore

/// `JSONDocument`: JSON read once into a tape and read where it lies; in canonical mode,
/// text is taken only when it is exactly the canonical text of what it holds, so the hub
/// may store and hash it as sent.
@Suite("JSON documents and canonical reading")
struct CanonicalJSONTests {
    static let sample: JSONValue = .object([
        "a": .array(["x\"y\\z", .null, true, false, .int(-42), .int(0), .int(9_999_999_999)]),
        "é": "line\nbreak\ttab\u{1}\u{1F}", "nested": .object(["empty": .array([]), "none": .object([:])]),
        "pct": .number("37.5"), "big": .number("123456789012345678901"), "slash": "a/b ümlaut 😀",
    ])

    static func canonical(_ text: String) -> JSONDocument? {
        JSONDocument.parse(bytes: Array(text.utf8), canonical: true)
    }

    @Test("canonical text is read back as its value, with each member's text as written")
    func readsCanonicalText() throws {
        let text = Self.sample.canonical
        let root = try #require(Self.canonical(text)).root
        #expect(root.value == Self.sample)
        guard case .object(let members) = Self.sample else { return }
        #expect(root.memberCount == members.count)
        for (key, member) in members { #expect(root[key]?.text == member.canonical, "member \(key)") }
        #expect(root["é"]?.stringValue == "line\nbreak\ttab\u{1}\u{1F}")
        #expect(root["a"]?.arrayValue?.map(\.value) == ["x\"y\\z", .null, true, false, .int(-42), .int(0), .int(9_999_999_999)])
        #expect(root["a"]?.arrayValue?[2].boolValue == true)
        #expect(root["a"]?.arrayValue?[1].isNull == true)
        #expect(root["nested"]?["empty"]?.arrayValue?.isEmpty == true)
        #expect(root["missing"] == nil)
        #expect(root["pct"]?.intValue == nil && root["pct"]?.numberText == "37.5" && root["big"]?.numberText == "123456789012345678901")
    }

    @Test("any JSON is read, with white space, escapes and keys in any order")
    func readsAnyJSON() throws {
        let root = try #require(JSONDocument.parse(#" { "b" : [1 , 2] , "a\u00e9" : "x\/y\u0041\ud83d\ude00" } "#)).root
        #expect(root["b"]?.arrayValue?.compactMap(\.intValue) == [1, 2])
        #expect(root["aé"]?.stringValue == "x/yA😀")
        #expect(root["aé"]?.stringBytes == Array("x/yA😀".utf8))
        #expect(JSONValue.parse(#"{"k":[true,{"n":null}]}"#) == .object(["k": .array([true, .object(["n": .null])])]))
    }

    @Test("white space, unsorted or repeated keys, leading zeros, -0 and unneeded escapes are not canonical")
    func refusesOtherSpellings() {
        let texts = [
            #"{"a":1, "b":2}"#, #" {"a":1}"#, #"{"a":1}\#n"#, #"{"b":1,"a":2}"#, #"{"a":1,"a":2}"#, "[01]", "-0", "[007]",
            #""a\/b""#, #""\u0041""#, #""\b""#, #""\f""#, #""\u000A""#, #""\u001F""#, "\"tab\there\"", #""caf\u00e9""#,
            "1 ", "[1,2 ]",
        ]
        for text in texts {
            #expect(Self.canonical(text) == nil, "\(text) was taken as canonical")
            #expect(JSONValue.parse(text) != nil, "\(text) is JSON all the same")
        }
        #expect(Self.canonical(#""\u001f""#)?.root.value == .string("\u{1F}"))
        #expect(Self.canonical("-5")?.root.value == .int(-5))
        #expect(Self.canonical("0")?.root.value == .int(0))
    }

    @Test("texts that are not JSON are refused")
    func refusesNonJSON() {
        for text in ["", "{", "[1,]", #"{"a"}"#, #"{"a":}"#, #""abc"#, "tru", "nul", "-", #""\x""#, "[1]x", #"{"a":1,}"#] {
            #expect(JSONDocument.parse(text) == nil, "\(text) was read")
            #expect(JSONValue.parse(text) == nil, "\(text) was read")
        }
    }

    @Test("a high surrogate followed by anything but a low one is not JSON, and does not trap")
    func loneSurrogate() {
        #expect(JSONValue.parse(#""\ud800\u0041""#) == nil)
        #expect(JSONValue.parse(#""\ud800""#) == nil)
        #expect(JSONValue.parse(#""\udc00""#) == nil)
        #expect(JSONValue.parse(#""\ud83d\ude00""#) == .string("😀"))
    }

    @Test("values nested deeper than the limit are refused, not a stack overflow")
    func deepNesting() {
        let deep = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
        #expect(JSONValue.parse(deep) == nil)
        let allowed = JSONDocument.maxDepth
        #expect(JSONValue.parse(String(repeating: "[", count: allowed) + String(repeating: "]", count: allowed)) != nil)
    }
}
