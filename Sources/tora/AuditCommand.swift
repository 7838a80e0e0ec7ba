import ArgumentParser
import ToraStore

struct AuditCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit",
        abstract: "The audit journal: every change of money, stock or rights, hash-chained.",
        subcommands: [Verify.self, List.self])

    struct Verify: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Walk the chain; exit 65 naming the first entry that does not match.")
        @OptionGroup var shop: ShopOptions

        func run() throws {
            try reportingErrors {
                let result = try shop.open().verifyAudit()
                if let problem = result.firstProblem {
                    throw StoreError(.tampered, "audit journal entry \(problem.seq) does not verify: \(problem.reason)")
                }
                print("audit journal intact: \(result.entriesChecked) entries, last hash \(result.lastHash)")
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
                for entry in try shop.open().auditEntries(last: last, kind: kind) {
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
                "backup written: \(report.path) (\(report.bytes) bytes, integrity \(report.integrity), \(report.auditEntries) journal entries)"
            )
        }
    }
}
