/// The drawers of several shifts added up, for a Z report (every shift of the day) or an
/// X report (one shift): floats, expected cash, counted cash and over/short of the closed
/// ones, and how many are still open (docs/shifts-and-credit.md).
public struct DrawerTally: Sendable, Hashable {
    public private(set) var openingFloat = Money.zero
    public private(set) var expected = Money.zero
    public private(set) var counted = Money.zero
    public private(set) var overShort = Money.zero
    public private(set) var openShifts = 0

    public init() {}

    /// Adds one shift's drawer; `counted` is nil while the shift is open.
    public mutating func add(_ drawer: DrawerCash, counted count: Money?) {
        openingFloat = Money(openingFloat.rupiah + drawer.openingFloat.rupiah)
        expected = Money(expected.rupiah + drawer.expected.rupiah)
        guard let count else {
            openShifts += 1
            return
        }
        counted = Money(counted.rupiah + count.rupiah)
        overShort = Money(overShort.rupiah + drawer.overShort(counted: count).rupiah)
    }
}

extension DrawerCash {
    /// counted − expected for a drawer whose expected cash was stored when it closed.
    public static func overShort(counted: Money, expected: Money) -> Money { Money(counted.rupiah - expected.rupiah) }
}
