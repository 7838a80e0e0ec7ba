import GRDB
import Testing
import ToraCore
import ToraJournal
import ToraStore
import ToraTestSupport

@Suite("users and PINs")
struct UserTests {
    @Test("a PIN is stored only as a salted PBKDF2 hash")
    func pinIsHashed() throws {
        let shop = try TestShop()
        try shop.store.users.addUser(code: "01", name: "Siti", role: .cashier, pin: "1234", actor: "t")
        try shop.store.users.addUser(code: "02", name: "Ujang", role: .supervisor, pin: "1234", actor: "t")
        let hashes = try DatabaseQueue(path: shop.store.path).read { db in
            try String.fetchAll(db, sql: "SELECT pin_hash FROM users ORDER BY code")
        }
        #expect(hashes.allSatisfy { $0.hasPrefix("pbkdf2-sha256$210000$") && !$0.contains("1234") })
        #expect(hashes[0] != hashes[1])  // salted
        #expect(try shop.store.users.authenticate(code: "01", pin: "1234", register: "01").role == .cashier)
    }

    @Test("a user code that leaves the till at its login prompt is refused", arguments: ["keluar", "QUIT", "exit"])
    func reservedCodes(code: String) throws {
        let shop = try TestShop()
        #expect(throws: StoreError.self) { try shop.store.users.addUser(code: code, name: "Siti", role: .cashier, pin: "1234", actor: "t") }
        #expect(try shop.store.users.all().allSatisfy { $0.code.lowercased() != code.lowercased() })
    }

    @Test("PINs are 4 to 8 digits", arguments: ["123", "123456789", "12a4", ""])
    func pinRules(pin: String) throws {
        let shop = try TestShop()
        #expect(throws: StoreError.self) { try shop.store.users.addUser(code: "01", name: "Siti", role: .cashier, pin: pin, actor: "t") }
    }

    @Test("five wrong PINs lock the user for five minutes, and every failure is journaled")
    func lockout() throws {
        let shop = try TestShop()
        try shop.store.users.addUser(code: "01", name: "Siti", role: .cashier, pin: "1234", actor: "t")
        for _ in 1...5 {
            #expect(throws: StoreError.self) { try shop.store.users.authenticate(code: "01", pin: "9999", register: "01") }
        }
        // Even the right PIN is refused while locked.
        #expect {
            try shop.store.users.authenticate(code: "01", pin: "1234", register: "01")
        } throws: { error in
            (error as? StoreError)?.message.contains("locked") == true
        }
        shop.clock.advance(seconds: 4 * 60)
        #expect(throws: StoreError.self) { try shop.store.users.authenticate(code: "01", pin: "1234", register: "01") }
        shop.clock.advance(seconds: 61)
        #expect(try shop.store.users.authenticate(code: "01", pin: "1234", register: "01").code == "01")
        let failures = try shop.store.journal.auditEntries(last: 100, kind: "login.failed")
        #expect(failures.count == 7)
        #expect(failures[4].payload.contains("\"locked\":true"))
        #expect(try shop.store.journal.verifyAudit().isIntact)
    }

    @Test("a disabled user cannot log in; enabling lets them back")
    func disable() throws {
        let shop = try TestShop()
        try shop.store.users.addUser(code: "siti", name: "Siti", role: .cashier, pin: "1234", actor: "t")
        try shop.store.users.setUserActive(code: "siti", active: false, actor: "t")
        #expect(throws: StoreError.self) { try shop.store.users.authenticate(code: "siti", pin: "1234", register: nil) }
        try shop.store.users.setUserActive(code: "siti", active: true, actor: "t")
        #expect(try shop.store.users.authenticate(code: "SITI", pin: "1234", register: nil).name == "Siti")
        #expect(throws: StoreError.self) {
            try shop.store.users.addUser(code: "Siti", name: "Other", role: .cashier, pin: "1111", actor: "t")
        }
    }
}
