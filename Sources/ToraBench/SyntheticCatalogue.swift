import Foundation
import ToraCore

/// One product of the synthetic catalogue, with what the history needs to price its lines.
struct SyntheticProduct: Sendable {
    let id: Int64
    let sku: String
    let barcodes: [String]
    let name: String
    let category: String
    let unit: MeasureUnit
    let price: Int64
    let memberPrice: Int64?
    let cost: Int64
    let tax: TaxClass
    let isLocal: Bool
    let origin: String
    let consignor: String?
    let plu: String?
    let reorderPoint: Int64
    let isDiscountable: Bool
    let isActive: Bool
}

/// Makes a catalogue of `count` products: 10% local, 2% weighed (kg, with a PLU and no
/// barcode), every other product an EAN-13 starting 899 with a correct check digit, one in
/// ten with a second code starting 890.
enum SyntheticCatalogue {
    static func make(count: Int, random: inout SeededRandom) -> [SyntheticProduct] {
        var products: [SyntheticProduct] = []
        products.reserveCapacity(count)
        var nextPLU = 1
        for index in 0..<count {
            let id = Int64(index + 1)
            let isWeighed = index % 50 == 7
            let isLocal = !isWeighed && random.chance(10)
            var name: String
            var category: String
            var origin = ""
            var consignor: String?
            if isWeighed {
                let good = random.pick(CatalogueWords.weighed)
                name = "\(good.name) \(random.pick(CatalogueWords.variants)) \(random.pick(CatalogueWords.villages))"
                category = good.category
            } else if isLocal {
                let maker = random.pick(CatalogueWords.makers)
                name = "\(random.pick(CatalogueWords.localGoods)) \(maker) \(random.pick(CatalogueWords.sizes))"
                category = random.pick(CatalogueWords.categories).name
                origin = "\(maker), \(random.pick(CatalogueWords.villages))"
                if random.chance(30) { consignor = maker.uppercased().replacingOccurrences(of: " ", with: "-") }
            } else {
                let group = random.pick(CatalogueWords.categories)
                category = group.name
                name =
                    "\(random.pick(group.goods)) \(random.pick(CatalogueWords.brands)) \(random.pick(CatalogueWords.variants)) "
                    + random.pick(CatalogueWords.sizes)
            }
            if name.count > 120 { name = String(name.prefix(120)) }
            // Log-uniform prices from Rp1.000 to Rp150.000, to the Rp100.
            let price = Int64(1000 * pow(150, random.fraction()) / 100) * 100
            let cost = price * Int64(random.int(75...90)) / 100
            var barcodes: [String] = []
            var plu: String?
            if isWeighed {
                plu = ShopCalendar.pad(nextPLU, 5)
                nextPLU += 1
            } else {
                barcodes.append(ean13(prefix: "899", serial: Int64(index)))
                if random.chance(10) { barcodes.append(ean13(prefix: "890", serial: Int64(index))) }
            }
            products.append(
                SyntheticProduct(
                    id: id, sku: "P" + ShopCalendar.pad(index + 1, 7), barcodes: barcodes, name: name, category: category,
                    unit: isWeighed ? .kg : .pcs, price: price,
                    memberPrice: !isWeighed && random.chance(10) ? price * 95 / 100 / 100 * 100 : nil, cost: cost,
                    tax: category == "sembako" || category == "beras" || isWeighed ? .exempt : .ppn, isLocal: isLocal, origin: origin,
                    consignor: consignor, plu: plu, reorderPoint: Int64(random.int(5...20)) * 1000,
                    isDiscountable: random.chance(95), isActive: random.chance(98)))
        }
        return products
    }

    /// An EAN-13 of `prefix` (3 digits) and a 9-digit serial scrambled by a bijection of
    /// 0..<10⁹ (multiplying by a number prime to 10), with its GS1 check digit.
    static func ean13(prefix: String, serial: Int64) -> String {
        let scrambled = (serial &* 387_420_489 &+ 12_345) % 1_000_000_000
        let body = prefix + ShopCalendar.pad(Int(scrambled), 9)
        return body + String(Barcode.checkDigit(of: body))
    }
}
