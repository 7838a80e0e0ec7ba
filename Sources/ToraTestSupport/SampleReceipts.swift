import ToraCore

/// Receipts for printing tests, with numbers that add up (docs/pricing.md): a PKP shop's sale to
/// a member with a local product, a weighed line, discounts, QRIS plus cash with change
/// and cash rounding; a refund of part of it; a reprint of the sale.
public enum SampleReceipts {
    public static let header = Receipt.Header(
        shopName: "Toko Rakyat Sukamaju", address: "Jl. Raya Cibeureum No. 12 – Desa Sukamaju, Kec. Cisarua",
        phone: "0812-3456-7890", legalNumber: "AHU-0001234.AH.01.29.TAHUN 2025", npwp: "01.234.567.8-901.000")

    public static let auditHash = "9f2c4e7a1b3d5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8"

    static let member = Receipt.MemberLine(number: "A-0007", name: "Siti Aminah", purchasesThisYear: Money(1_256_297))

    /// Gross 160.050, discounts 3.753, total 156.297; PPN 11% on 119.400 of `ppn` lines;
    /// QRIS 100.000 then cash 60.000 for the 56.200 due after rounding 97: change 3.800.
    public static let sale = Receipt(
        header: header, number: "01-20261129-0007", issuedAt: "2026-11-29 09:30", register: "01", cashier: "Dewi",
        lines: [
            Receipt.Line(
                name: "Kopi Robusta Bubuk Desa 250 g", quantity: "2", unit: .pcs, unitPrice: Money(30_000), amount: Money(60_000),
                discount: Money(3_000), discountLabel: "Diskon anggota 5%", isLocal: true),
            Receipt.Line(
                name: "Telur Ayam Ras", quantity: "1,255", unit: .kg, unitPrice: Money(30_000), amount: Money(37_650),
                discount: Money(753), discountLabel: "Diskon anggota 2%"),
            Receipt.Line(name: "Roti Tawar Café Sari 400 g", quantity: "1", unit: .pcs, unitPrice: Money(15_300), amount: Money(15_300)),
            Receipt.Line(
                name: "Minyakita Minyak Goreng Pouch Isi Ulang 1 L “Hemat”", quantity: "3", unit: .pcs, unitPrice: Money(15_700),
                amount: Money(47_100)),
        ],
        gross: Money(160_050), discounts: Money(3_753), total: Money(156_297),
        taxes: [Receipt.TaxLine(rate: .defaultPPN, dpp: Money(107_568), tax: Money(11_832))],
        payments: [Receipt.PaymentLine(method: .qris, amount: Money(100_000)), Receipt.PaymentLine(method: .cash, amount: Money(60_000))],
        change: Money(3_800), rounding: Money(97), member: member, footer: "Terima kasih. Belanja di koperasi, untung bersama.",
        auditHash: auditHash, opensDrawer: true)

    /// One of the two coffees back, with its share of the discount; paid out in cash.
    public static let refund = Receipt(
        kind: .refund, header: header, number: "01-20261129-0012", refundOf: "01-20261129-0007", issuedAt: "2026-11-29 11:05",
        register: "01", cashier: "Dewi",
        lines: [
            Receipt.Line(
                name: "Kopi Robusta Bubuk Desa 250 g", quantity: "1", unit: .pcs, unitPrice: Money(30_000), amount: Money(30_000),
                discount: Money(1_500), discountLabel: "Diskon anggota 5%", isLocal: true)
        ],
        gross: Money(30_000), discounts: Money(1_500), total: Money(28_500),
        taxes: [Receipt.TaxLine(rate: .defaultPPN, dpp: Money(25_676), tax: Money(2_824))],
        payments: [Receipt.PaymentLine(method: .cash, amount: Money(28_500))],
        member: Receipt.MemberLine(number: "A-0007", name: "Siti Aminah", purchasesThisYear: Money(1_227_797)),
        footer: "Terima kasih. Belanja di koperasi, untung bersama.",
        auditHash: "0a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f9", opensDrawer: true)

    /// The sale printed again: marked SALINAN, and the drawer stays shut.
    public static var copy: Receipt {
        var receipt = sale
        receipt.isCopy = true
        receipt.opensDrawer = false
        return receipt
    }

    /// A small sale of a shop that is not PKP: no NPWP, no tax lines, no member, exact cash.
    public static let plain = Receipt(
        header: Receipt.Header(shopName: "Warung Koperasi Maju"), number: "02-20261129-0001", issuedAt: "2026-11-29 10:00",
        register: "02", cashier: "Budi",
        lines: [Receipt.Line(name: "Gula Pasir Gulaku 1 kg", quantity: "1", unit: .pcs, unitPrice: Money(17_500), amount: Money(17_500))],
        gross: Money(17_500), discounts: .zero, total: Money(17_500), payments: [Receipt.PaymentLine(method: .cash, amount: Money(17_500))],
        footer: "Terima kasih.", auditHash: auditHash)

    /// Every sample with the name its golden files use.
    public static let all: [(name: String, receipt: Receipt)] = [("sale", sale), ("refund", refund), ("copy", copy), ("plain", plain)]
}
