import Foundation
import Testing
import ToraCore
import ToraStore
import ToraTestSupport

/// The back office signs in: every changing command runs as a named user with the role it
/// needs, wrong PINs count like the till's, and the journal names that user.
@Suite("signing in to change the shop")
struct SignInTests {
    let shop: ToraShopFolder
    init() throws { shop = try ToraShopFolder("tora-signin", now: "2026-11-29T09:00:00+07:00") }

    func makeShop() throws {
        try shop.ok(["init", "--shop-name", "Toko Uji"] + ToraShopFolder.managerFlags)
        try shop.ok(["catalogue", "import", shop.folder.write("c.csv", SampleCatalogue.lines.joined(separator: "\n"))])
        try shop.ok(["users", "add", "--code", "01", "--name", "Siti", "--role", "cashier"], stdin: "1234\n")
        try shop.ok(["users", "add", "--code", "02", "--name", "Ujang", "--role", "supervisor"], stdin: "2345\n")
        try shop.ok(["members", "add", "--number", "M1", "--name", "Siti Aminah"])
    }

    /// Everything a changing command could change, as the reading commands show it.
    func state() throws -> String {
        try [
            ["audit", "list", "--last", "1000"], ["catalogue", "export"], ["members", "export"], ["users", "list"], ["config", "list"],
            ["tiers", "list"], ["stock", "list"],
        ].map { try shop.ok($0) }.joined(separator: "\n---\n")
    }

    static let changingCommands: [[String]] = [
        ["config", "set", "shop.name", "Toko Lain"],
        ["catalogue", "add", "--sku", "TEH", "--name", "Teh", "--price", "4500"],
        ["catalogue", "import", "CSV"],
        ["stock", "receive", "GULA-PSR", "5"],
        ["stock", "adjust", "GULA-PSR", "1", "--reason", "lost"],
        ["stock", "count", "GULA-PSR", "3"],
        ["members", "add", "--number", "M2", "--name", "Ujang"],
        ["members", "import", "MEMBERS"],
        ["tiers", "set", "emas", "--discount-pct", "5", "--local-discount-pct", "9"],
        ["users", "add", "--code", "99", "--name", "Penyusup", "--role", "manager"],
        ["users", "disable", "mgr"],
        ["users", "enable", "01"],
        ["users", "unlock", "02"],
        ["users", "reset-pin", "02"],
        ["users", "pin"],
        ["consignment", "settle", "--consignor", "KT-MAKMUR", "--to", "2026-11-29"],
        ["init", "--shop-name", "Toko Lain"],
    ]

    func arguments(_ command: [String]) -> [String] {
        let catalogue = shop.folder.write("new.csv", "sku,name,price\nTEH,Teh,4500\n")
        let members = shop.folder.write("m.csv", "number,name\nM2,Ujang\n")
        return command.map { $0 == "CSV" ? catalogue : $0 == "MEMBERS" ? members : $0 }
    }

    @Test("every changing command without a sign-in exits 77 and changes nothing")
    func noSignIn() throws {
        try makeShop()
        let before = try state()
        for command in Self.changingCommands {
            let run = try shop.tora.run(arguments(command), stdin: "4444\n", environment: shop.unsignedEnv)
            #expect(run.status == 77, "tora \(command.joined(separator: " ")): \(run.stderr)")
            #expect(run.stderr.contains("sign in"), "\(run.stderr)")
        }
        #expect(try state() == before)
    }

    @Test("a cashier or a supervisor may not run a manager's command: exit 77, nothing changes")
    func roles() throws {
        try makeShop()
        let before = try state()
        for (user, pin) in [("01", "1234"), ("02", "2345")] {
            for command in Self.changingCommands where command != ["users", "pin"] {
                let run = try shop.tora.run(arguments(command), stdin: "4444\n", environment: shop.env(user: user, pin: pin))
                #expect(run.status == 77, "\(user): tora \(command.joined(separator: " ")): \(run.stderr)")
                #expect(run.stderr.contains("needs a manager"), "\(run.stderr)")
            }
        }
        #expect(try state() == before)
    }

    @Test("a wrong PIN and an unknown code get the same answer, in the back office and at the till")
    func sameAnswer() throws {
        try makeShop()
        let wrongPin = try shop.tora.run(["config", "set", "shop.name", "X"], environment: shop.env(user: "mgr", pin: "1111"))
        let unknown = try shop.tora.run(["config", "set", "shop.name", "X"], environment: shop.env(user: "zz", pin: "1111"))
        #expect(wrongPin.status == 77 && unknown.status == 77)
        #expect(wrongPin.stderr == unknown.stderr && wrongPin.stdout == unknown.stdout)
        #expect(wrongPin.stderr == "tora: unknown user code or wrong PIN\n")
        for lang in ["id", "en"] {
            let known = try shop.tora.run(["till", "--register", "01", "--lang", lang], stdin: "01\n9999\nkeluar\n", environment: shop.env)
            let stranger = try shop.tora.run(
                ["till", "--register", "01", "--lang", lang], stdin: "zz\n9999\nkeluar\n", environment: shop.env)
            #expect(known.stdout == stranger.stdout.replacingOccurrences(of: "zz", with: "01"), "\(known.stdout)\n\(stranger.stdout)")
            #expect(!known.stdout.contains("tries left") && !known.stdout.contains("kali lagi"), "\(known.stdout)")
        }
    }

    @Test("five wrong PINs lock a back-office user, each journaled; a manager unlocks them")
    func lockout() throws {
        try makeShop()
        try shop.ok(["users", "add", "--code", "boss", "--name", "Bu Dedeh", "--role", "manager"], stdin: "3456\n")
        let wrong = shop.env(user: "boss", pin: "0000")
        for _ in 1...5 {
            let run = try shop.tora.run(["config", "set", "shop.name", "X"], environment: wrong)
            #expect(run.status == 77 && run.stderr == "tora: unknown user code or wrong PIN\n", "\(run.stderr)")
        }
        let right = shop.env(user: "boss", pin: "3456")
        let locked = try shop.tora.run(["config", "set", "shop.name", "X"], environment: right)
        #expect(locked.status == 77 && locked.stderr.contains("locked"), "\(locked.stderr)")
        let failures = try shop.ok(["audit", "list", "--kind", "login.failed"]).split(separator: "\n")
        #expect(failures.count == 6 && failures.allSatisfy { $0.contains("boss") })
        #expect(try shop.ok(["users", "list"]).split(separator: "\n").contains { $0.hasPrefix("boss") && $0.hasSuffix("locked") })
        #expect(try shop.ok(["users", "unlock", "boss"]) == "unlocked boss\n")
        #expect(try shop.tora.run(["config", "set", "shop.name", "Toko Bu Dedeh"], environment: right).status == 0)
        #expect(try shop.ok(["audit", "list", "--last", "2"]).contains("mgr  user.unlocked"))
    }

    @Test("the journal names the user who signed in, never the computer's account")
    func journalNamesTheUser() throws {
        try makeShop()
        var environment = shop.env(user: "mgr", pin: ToraShopFolder.manager.pin)
        environment["USER"] = "root"
        environment["LOGNAME"] = "root"
        environment["TORA_ACTOR"] = "someone-else"
        let run = try shop.tora.run(["stock", "receive", "GULA-PSR", "6"], environment: environment)
        #expect(run.status == 0, "\(run.stderr)")
        let last = try shop.ok(["audit", "list", "--last", "1"])
        #expect(last.contains("  mgr  "), "\(last)")
        #expect(!last.contains("cli:") && !last.contains("root") && !last.contains("someone-else"))
        let journal = try shop.ok(["audit", "list", "--last", "1000"])
        #expect(!journal.contains("cli:"))
        // --user beats TORA_USER.
        try shop.ok(["users", "add", "--code", "boss", "--name", "Bu Dedeh", "--role", "manager"], stdin: "3456\n")
        let byFlag = try shop.tora.run(
            ["config", "set", "shop.name", "Toko Baru", "--user", "boss"], environment: shop.env.merging(["TORA_PIN": "3456"]) { $1 })
        #expect(byFlag.status == 0, "\(byFlag.stderr)")
        #expect(try shop.ok(["audit", "list", "--last", "1"]).contains("  boss  settings.changed"))
    }

    @Test("users pin changes one's own PIN; reset-pin and unlock are a manager's")
    func pins() throws {
        try makeShop()
        let cashier = shop.env(user: "01", pin: "1234")
        let changed = try shop.tora.run(["users", "pin"], stdin: "5555\n", environment: cashier)
        #expect(changed.status == 0 && changed.stdout == "PIN changed for 01\n", "\(changed.stderr)")
        #expect(try shop.tora.run(["users", "pin"], stdin: "6666\n", environment: cashier).status == 77)  // the old PIN is gone
        let badNew = try shop.tora.run(["users", "pin"], stdin: "12\n", environment: shop.env(user: "01", pin: "5555"))
        #expect(badNew.status == 65 && badNew.stderr.contains("4 to 8 digits"))
        let resetByCashier = try shop.tora.run(
            ["users", "reset-pin", "02"], stdin: "7777\n", environment: shop.env(user: "01", pin: "5555"))
        #expect(resetByCashier.status == 77)
        #expect(try shop.ok(["users", "reset-pin", "01"], stdin: "4321\n") == "PIN reset for 01\n")
        let till = try shop.tora.run(["till", "--register", "01", "--lang", "en"], stdin: "01\n4321\n0\nquit\n", environment: shop.env)
        #expect(till.stdout.contains("Welcome, Siti"), "\(till.stdout)")
        let journal = try shop.ok(["audit", "list", "--last", "1000"])
        #expect(journal.contains("01  user.pin_changed  {\"code\":\"01\"}"))
        #expect(journal.contains("mgr  user.pin_reset  {\"code\":\"01\"}"))
        #expect(!journal.contains("5555") && !journal.contains("4321"))
        let nobody = try shop.tora.run(["users", "reset-pin", "nobody"], stdin: "4321\n", environment: shop.env)
        #expect(nobody.status == 65 && nobody.stderr.contains("no user 'nobody'"))
    }

    @Test("init makes the shop with its first manager; without one nothing is made; later inits sign in")
    func initWithManager() throws {
        let missing = try shop.tora.run(["init"], environment: shop.env)
        #expect(missing.status == 64 && missing.stderr.contains("--manager CODE --manager-name NAME"))
        #expect(!FileManager.default.fileExists(atPath: shop.db))
        try shop.ok(["init"] + ToraShopFolder.managerFlags)
        #expect(try shop.ok(["users", "list"]).split(separator: "\n").contains { $0.hasPrefix("mgr") && $0.contains("manager") })
        #expect(try shop.ok(["audit", "list", "--last", "1"]).contains("  mgr  shop.initialized"))
        let stranger = try shop.tora.run(
            ["init", "--manager", "evil", "--manager-name", "Penyusup"], environment: shop.unsignedEnv.merging(["TORA_PIN": "1111"]) { $1 })
        #expect(stranger.status == 77, "\(stranger.stderr)")
        #expect(!(try shop.ok(["users", "list"]).contains("evil")))
        #expect(try shop.ok(["init", "--shop-name", "Toko Baru"]).contains("Toko Baru"))
    }

    @Test("the new users commands answer --help and name the sign-in")
    func help() throws {
        for command in [["users", "pin"], ["users", "reset-pin"], ["users", "unlock"], ["config", "set"], ["init"]] {
            let run = try shop.tora.run(command + ["--help"])
            #expect(run.status == 0 && run.stdout.contains("--user <code>"), "tora \(command.joined(separator: " ")) --help")
        }
    }

    @Test("the demo shop's manager 03 signs in with PIN 3456; the last manager cannot be disabled")
    func demoManager() throws {
        #expect(try shop.ok(["demo", "--no-till"]).contains("03 Dedeh Rohaeti (manager, PIN 3456)"))
        let dedeh = shop.env(user: "03", pin: "3456")
        #expect(try shop.tora.run(["config", "set", "cash.rounding", "100"], environment: dedeh).status == 0)
        let last = try shop.tora.run(["users", "disable", "03"], environment: dedeh)
        #expect(last.status == 65 && last.stderr.contains("last active manager"), "\(last.stderr)")
        #expect(try shop.tora.run(["users", "disable", "03"], environment: shop.unsignedEnv).status == 77)
    }
}
