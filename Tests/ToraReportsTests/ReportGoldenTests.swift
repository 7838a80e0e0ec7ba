import Foundation
import Testing
import ToraTestSupport

/// Every report's whole output (text, JSON, CSV, HTML) pinned for two shops: the demo shop
/// with a scripted three days, and a generated shop with many sales. A change of any
/// figure or layout shows as a golden diff (`TORA_UPDATE_GOLDEN=1` rewrites them).
@Suite("report golden outputs")
struct ReportGoldenTests {
    static let days = ["2026-11-25", "2026-11-26", "2026-11-27"]

    @Test("the demo shop's scripted days: every report in every format matches its golden file")
    func demoShop() throws {
        let shop = try ReportShop(name: "demo", days: Self.days)
        try DemoHistory.ring(shop)
        for (name, output) in try shop.reports() { Golden.check(name, output) }
    }

    @Test("a generated shop's days: every report in every format matches its golden file")
    func generatedShop() throws {
        let shop = try ReportShop(name: "generated", days: Self.days)
        try GeneratedHistory.ring(shop)
        for (name, output) in try shop.reports() { Golden.check(name, output) }
    }
}

/// Three days of the demo shop, by hand: members and tiers, scale labels (weighed and
/// priced), consigned goods, QRIS and credit, a refund of an earlier day's sale, a
/// credit repayment, two registers, drawers over and short, the last shift left open.
enum DemoHistory {
    static func ring(_ shop: ReportShop) throws {
        let (day1, day2, day3) = (shop.days[0], shop.days[1], shop.days[2])
        try shop.till(
            "01", day: day1, time: "08:00:00",
            ReportShop.cashier + [
                "200.000", "anggota KDMP-0001", "2*BRS-DESA-5KG", "GLA-AREN-500", "pay 200.000",
                "8991001000132", "2000011012557", "pay qris",
                "2200012019504", "0,75*MKL-KAMPUNG", "3*BRS-MERAH-1KG", "pay",
                "close", "350.000",
            ])
        try shop.till(
            "02", day: day1, time: "14:00:00",
            ReportShop.supervisor + [
                "100.000", "anggota KDMP-0002", "3*BRS-MERAH-1KG", "2000014007505", "pay credit",
                "GLP-GLK-1KG", "SKM-FF-370", "diskon 2 10%", "pay debit",
                "close", "99.000",
            ])
        try shop.till(
            "01", day: day2, time: "08:30:00",
            ReportShop.cashier + [
                "150.000", "anggota KDMP-0001", "TEH-PCK-350", "SUSU-ULT-1L", "2*KSK-BLD-180", "pay 100.000",
                "refund 01-\(day1.replacingOccurrences(of: "-", with: ""))-0001", "02", "2345", "1 1", "pay",
                "bayar-kasbon KDMP-0002 20.000",
                "BRS-PW-5KG", "pay qris",
                "close", "200.000",
            ])
        try shop.till(
            "01", day: day3, time: "09:15:00",
            ReportShop.cashier + [
                "120.000", "SAS-DLM-140", "2*SLQ-ALM-58", "pay 50.000",
                "anggota KDMP-0003", "BRS-DESA-5KG", "2200012019504", "pay",
            ])
    }
}

/// Three days of many sales at two registers, made from a seeded sequence: products from
/// across the demo catalogue, quantities, members, tenders, a refund a day.
enum GeneratedHistory {
    static let products = [
        "BRS-PW-5KG", "GLP-GLK-1KG", "SAS-DLM-140", "SKM-FF-370", "KSK-BLD-180", "SLQ-ALM-58", "TEH-PCK-350", "SUSU-ULT-1L",
        "SBC-MML-780", "SMP-SNS-10", "PBL-CHM-10", "BMB-SASA-250", "BRS-DESA-5KG", "GLA-AREN-500", "BRS-MERAH-1KG",
    ]
    static let tenders = ["pay", "pay qris", "pay debit", "pay 2.000.000"]

    static func ring(_ shop: ReportShop) throws {
        var random = SeededGenerator(seed: 20_261_125)
        for (index, day) in shop.days.enumerated() {
            for register in ["01", "02"] {
                let user = register == "01" ? ReportShop.cashier : ReportShop.supervisor
                var lines = user + ["300.000"]
                for _ in 0..<12 {
                    if random.next(upTo: 3) == 0 { lines.append("anggota KDMP-\(String(format: "%04d", random.next(in: 1...20)))") }
                    for _ in 0..<random.next(in: 1...4) {
                        lines.append("\(random.next(in: 1...3))*\(products[random.next(upTo: products.count)])")
                    }
                    lines.append(tenders[random.next(upTo: tenders.count)])
                }
                if index > 0, register == "01" {
                    let previous = shop.days[index - 1].replacingOccurrences(of: "-", with: "")
                    lines += ["refund 01-\(previous)-000\(random.next(in: 1...9))", "02", "2345", "1", "pay"]
                }
                let last = index == shop.days.count - 1 && register == "01"
                if !last { lines += ["close", String(random.next(in: 900...1500) * 1000)] }
                try shop.till(register, day: day, time: register == "01" ? "08:00:00" : "13:00:00", lines)
            }
        }
    }
}
