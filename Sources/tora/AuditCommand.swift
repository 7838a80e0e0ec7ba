import ArgumentParser
import ToraCommandLine
import ToraCore
import ToraJournal
import ToraStore

struct AuditCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit",
        abstract: "The audit journal: every change of money, stock or rights, hash-chained.",
        subcommands: [Verify.self, List.self, ReceiptCommand.self])

    struct Verify: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Check the chain, the books against the journal, and an anchor; exit 65 naming the first mismatch.",
            discussion: """
                Checks (1) the hash chain entry by entry; (2) every sale, refund, payment, stock movement, shift and \
                settlement row against the journal entry that recorded it, and that no such row lacks one; (3) with
                --anchor SEQ:HASH (the journal_head at the foot of a Z report), that the journal still holds that entry.
                """)
        @OptionGroup var shop: ShopOptions
        @Option(help: ArgumentHelp("An entry the journal must still reach unchanged: SEQ:HASH.", valueName: "seq:hash"))
        var anchor: String?

        func run() throws {
            var head: JournalHead?
            if let anchor {
                guard let parsed = JournalHead(anchor: anchor) else {
                    printError("--anchor '\(anchor)' is not SEQ:HASH (an entry number, a colon, 64 hex digits)")
                    throw ExitCode(.usage)
                }
                head = parsed
            }
            try reportingErrors {
                let result = try shop.open().journal.verifyAudit(anchor: head)
                if let problem = result.problem { throw StoreError(.tampered, problem) }
                var line =
                    "audit journal intact: \(counted(result.entriesChecked, "entry", plural: "entries")), last hash \(result.lastHash); books match the journal: \(counted(result.rowsChecked, "row"))"
                if let head { line += "; anchor \(head.seq) reached" }
                print(line)
            }
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Show the latest journal entries.")
        @OptionGroup var shop: ShopOptions
        @Option(help: "How many entries.") var last = 20
        @Option(help: "Only entries of this kind, e.g. product.changed.") var kind: String?

        func run() throws {
            try reportingErrors {
                for entry in try shop.open().journal.auditEntries(last: last, kind: kind) {
                    print(
                        "\(entry.seq)  \(entry.at)  \(entry.actor)\(entry.register.map { "@" + $0 } ?? "")  \(entry.kind)  \(entry.payload)"
                    )
                }
            }
        }
    }
}

struct BackupCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "backup",
        abstract: "Copy the whole shop to FILE, safely while tills run; the copy is integrity-checked.")
    @OptionGroup var shop: ShopOptions
    @Argument(help: "The new backup file (must not exist).") var file: String

    func run() throws {
        try reportingErrors {
            let report = try shop.open().backup(to: file)
            print(
                "backup written: \(report.path) (\(counted(Int(report.bytes), "byte")), integrity \(report.integrity), \(counted(report.auditEntries, "journal entry", plural: "journal entries")))"
            )
        }
    }
}
