import Foundation
import ToraTestSupport

extension ProjectionShop {
    /// Three days of the demo shop by hand: members and tiers, scale labels (weighed and
    /// priced), a voided line, a cancelled sale, subsidised goods bought by NIK and by a
    /// member's card, savings at the till and in the back office, change saved, QRIS,
    /// debit and credit, credit repaid at the till and in the back office, refunds in cash and to credit of an earlier
    /// day's sales, two registers, drawers over and short, the last shift left open.
    static func ringDemoDays(_ shop: ProjectionShop) throws {
        let (day1, day2, day3) = (shop.days[0], shop.days[1], shop.days[2])
        let compact1 = day1.replacingOccurrences(of: "-", with: "")
        try shop.till(
            "01", day: day1, time: "08:00:00",
            cashier + [
                "200.000", "anggota KDMP-0001", "2*BRS-DESA-5KG", "GLA-AREN-500", "pay 200.000",
                "8991001000132", "2000011012557", "pay qris",
                "2200012019504", "0,75*MKL-KAMPUNG", "3*BRS-MERAH-1KG", "batal 2", "pay",
                "SKM-FF-370", "TEH-PCK-350", "batalkan", "02", "2345",
                "nik 3201015501900001", "ELPIJI-3KG", "pay",
                "anggota KDMP-0002", "BRS-SPHP-5KG", "pay",
                "simpan KDMP-0001 sukarela 20.000",
                "anggota KDMP-0003", "TEH-PCK-350", "pay 50.000", "tabung 5.000",
                "close", "420.000",
            ])
        try shop.till(
            "02", day: day1, time: "14:00:00",
            supervisor + [
                "100.000", "anggota KDMP-0002", "3*BRS-MERAH-1KG", "2000014007505", "pay credit",
                "GLP-GLK-1KG", "SKM-FF-370", "diskon 2 10%", "pay debit",
                "bayar-kasbon KDMP-0002 20.000",
                // Another buyer whose NIK is masked alike (3201********0001): two buyers.
                "nik 3201024506850001", "ELPIJI-3KG", "pay",
                "close", "138.000",
            ])
        try shop.run(["members", "deposit", "KDMP-0004", "sukarela", "15.000", "--method", "qris"], day: day1, time: "16:00:00")
        try shop.run(["members", "withdraw", "KDMP-0004", "sukarela", "10.000"], day: day1, time: "16:05:00")
        try shop.run(["members", "repay", "KDMP-0002", "5.000", "--method", "debit"], day: day1, time: "16:10:00")
        try shop.till(
            "01", day: day2, time: "08:30:00",
            cashier + [
                "150.000", "anggota KDMP-0001", "TEH-PCK-350", "SUSU-ULT-1L", "2*KSK-BLD-180", "pay 100.000",
                "refund 01-\(compact1)-0001", "02", "2345", "1 1", "pay",
                "refund 02-\(compact1)-0001", "02", "2345", "1", "pay kredit",
                "refund 01-\(compact1)-0005", "02", "2345", "1", "pay",
                "bayar-kasbon KDMP-0002 100 qris",
                "BRS-PW-5KG", "pay qris",
                "close", "200.000",
            ])
        try shop.till(
            "01", day: day3, time: "09:15:00",
            cashier + [
                "120.000", "SAS-DLM-140", "2*SLQ-ALM-58", "pay 50.000",
                "anggota KDMP-0003", "BRS-DESA-5KG", "2200012019504", "pay",
            ])
    }

    /// Days of many seeded sales at two registers: products from across the demo
    /// catalogue, quantities, members, tenders, voids and discounts, a refund a day.
    static func ringGeneratedDays(_ shop: ProjectionShop, salesPerShift: Int) throws {
        let products = [
            "BRS-PW-5KG", "GLP-GLK-1KG", "SAS-DLM-140", "SKM-FF-370", "KSK-BLD-180", "SLQ-ALM-58", "TEH-PCK-350", "SUSU-ULT-1L",
            "SBC-MML-780", "SMP-SNS-10", "PBL-CHM-10", "BMB-SASA-250", "BRS-DESA-5KG", "GLA-AREN-500", "BRS-MERAH-1KG",
            "2200012019504", "2000011012557",
        ]
        let tenders = ["pay", "pay qris", "pay debit", "pay 2.000.000", "pay tunai"]
        var random = SeededGenerator(seed: 20_261_201)
        for (index, day) in shop.days.enumerated() {
            for register in ["01", "02"] {
                var lines = (register == "01" ? cashier : supervisor) + ["300.000"]
                for _ in 0..<salesPerShift {
                    if random.next(upTo: 3) == 0 { lines.append("anggota KDMP-\(String(format: "%04d", random.next(in: 1...20)))") }
                    let count = random.next(in: 1...4)
                    for _ in 0..<count { lines.append("\(random.next(in: 1...3))*\(products[random.next(upTo: products.count)])") }
                    if random.next(upTo: 6) == 0 { lines.append("batal \(random.next(in: 1...count))") }
                    if register == "02", random.next(upTo: 5) == 0 { lines.append("diskon 1 5%") }
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
