import Foundation
import GRDB
import Testing
import ToraCore
import ToraPrint
import ToraResources
import ToraTestSupport

@testable import ToraStore
@testable import ToraTill

/// SQLite failures as the store reports them, with SQLite's own English words.
enum ShopStoreFailures {
    static let path = "/toko/tora.sqlite"
    static let all: [StoreError] = [
        (ResultCode.SQLITE_FULL, "database or disk is full"), (.SQLITE_BUSY, "database is locked"),
        (.SQLITE_CORRUPT, "database disk image is malformed"), (.SQLITE_NOTADB, "file is not a database"),
        (.SQLITE_READONLY, "attempt to write a readonly database"), (.SQLITE_IOERR, "disk I/O error"),
        (.SQLITE_CONSTRAINT, "CHECK constraint failed"), (.SQLITE_ERROR, "no such table: sales"),
    ].map { StoreError.wrapping(DatabaseError(resultCode: $0.0, message: $0.1), path: path) }
}

@Suite("till language below the till")
struct TillLowerLayerTests {
    @Test("a store failure below the till (disk full, busy, damaged) is a translated line naming the file, not SQLite's English")
    func storeFailures() throws {
        for language in Translations.languages {
            let till = try TillHarness(language: language)
            for failure in ShopStoreFailures.all {
                let line = till.session.message(for: failure).replacingOccurrences(of: ShopStoreFailures.path, with: "")
                #expect(LanguageMarkers.foreign(in: [line], language: language).isEmpty, "\(language): \(line)")
                #expect(!line.lowercased().contains("sqlite") && !line.contains("disk is full") && !line.contains("locked"), "\(line)")
            }
            let full = till.session.message(for: ShopStoreFailures.all[0])
            #expect(full.contains(ShopStoreFailures.path) && full.contains(language == "id" ? "penuh" : "is full"), "\(full)")
            let untranslated = till.session.message(for: StoreError(.io, "something new went wrong"))
            #expect(untranslated == till.session.t("store.failed"))
        }
    }

    @Test("a printer fault is said per kind, naming the queue, without CUPS's English")
    func printFaults() throws {
        let codes: [PrintError.Code] = [
            .serverUnavailable, .queueMissing, .queueStopped, .queueRejecting, .jobFailed, .timeout, .notConfigured, .io, .template,
        ]
        for language in Translations.languages {
            let till = try TillHarness(language: language)
            for code in codes {
                var fault = PrintError(code, "httpConnect2: Host is down")
                fault.queue = "thermal"
                let line = till.session.printFault(fault)
                #expect(till.session.texts.strings["print.\(code.rawValue)"] != nil, "no \(language) text for print.\(code)")
                #expect(!line.contains("Host is down") && LanguageMarkers.foreign(in: [line], language: language).isEmpty, "\(line)")
            }
        }
    }
}
