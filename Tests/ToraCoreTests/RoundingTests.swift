import Testing

@testable import ToraCore

@Suite("Rounding helpers (docs/pricing.md: round half up to whole rupiah)")
struct RoundingTests {
    @Test("exactly one half rounds up")
    func halfGoesUp() {
        // 5 / 2 = 2,5 → 3 (not 2, as rounding half to even would give).
        #expect(roundHalfUp(5, dividedBy: 2) == 3)
        // 7 / 2 = 3,5 → 4.
        #expect(roundHalfUp(7, dividedBy: 2) == 4)
        // 245 / 10 = 24,5 → 25.
        #expect(roundHalfUp(245, dividedBy: 10) == 25)
    }

    @Test("below one half rounds down, above rounds up, exact stays")
    func belowAndAbove() {
        // 4 / 3 = 1,33 → 1.
        #expect(roundHalfUp(4, dividedBy: 3) == 1)
        // 5 / 3 = 1,67 → 2.
        #expect(roundHalfUp(5, dividedBy: 3) == 2)
        // 244 / 10 = 24,4 → 24.
        #expect(roundHalfUp(244, dividedBy: 10) == 24)
        #expect(roundHalfUp(24, dividedBy: 1) == 24)
        #expect(roundHalfUp(0, dividedBy: 7) == 0)
    }

    @Test("negatives round half away from zero, mirroring the positives")
    func negatives() {
        // −5 / 2 = −2,5 → −3 (the refund of a sale rounds to the same rupiah with the sign turned).
        #expect(roundHalfUp(-5, dividedBy: 2) == -3)
        // −4 / 3 = −1,33 → −1.
        #expect(roundHalfUp(-4, dividedBy: 3) == -1)
        // −1.225 × 2 / 100 = −24,5 → −25.
        #expect(multipliedRoundingHalfUp(-1_225, by: 2, dividedBy: 100) == -25)
        #expect(multipliedRoundingHalfUp(1_225, by: -2, dividedBy: 100) == -25)
        // (−1.225) × (−2) / 100 = +24,5 → 25.
        #expect(multipliedRoundingHalfUp(-1_225, by: -2, dividedBy: 100) == 25)
    }

    @Test("multipliedRoundingHalfUp is exact for huge values whose product passes Int64")
    func hugeValues() {
        // Int64.max × 1000 / 1000 = Int64.max: the product (≈ 9,2 × 10^21) needs 128 bits.
        #expect(multipliedRoundingHalfUp(Int64.max, by: 1_000, dividedBy: 1_000) == Int64.max)
        // Int64.max = 9.223.372.036.854.775.807; × 2 = 18.446.744.073.709.551.614;
        // / 4 = 4.611.686.018.427.387.903,5 → half up → 4.611.686.018.427.387.904.
        #expect(multipliedRoundingHalfUp(Int64.max, by: 2, dividedBy: 4) == 4_611_686_018_427_387_904)
        // 9.999.999.999 × 999.999 (999,999 kg in thousandths) / 1000
        //   = 9.999.999.999 × 999,999 = 9.999.999.999.000 − 9.999.999,999 = 9.999.989.999.000,001 → 9.999.989.999.000.
        #expect(multipliedRoundingHalfUp(9_999_999_999, by: 999_999, dividedBy: 1_000) == 9_999_989_999_000)
    }

    @Test("multipliedRoundingHalfUp says nil when the result does not fit in Int64")
    func overflowIsNil() {
        // Int64.max × 3 / 2 ≈ 1,38 × 10^19 > Int64.max.
        #expect(multipliedRoundingHalfUp(Int64.max, by: 3, dividedBy: 2) == nil)
        // Int64.max × Int64.max / 1: the 128-bit product's high half is far above the divisor.
        #expect(multipliedRoundingHalfUp(Int64.max, by: Int64.max, dividedBy: 1) == nil)
    }

    @Test("roundedDown goes to the multiple at or below, never up")
    func roundedDownToStep() {
        // 84.450 → multiples of 100: 84.400 (84.450 − 50).
        #expect(roundedDown(84_450, toMultipleOf: 100) == 84_400)
        // 84.499 → 84.400: DOWN, even when 99 is nearer the next hundred.
        #expect(roundedDown(84_499, toMultipleOf: 100) == 84_400)
        // Already a multiple: unchanged.
        #expect(roundedDown(84_400, toMultipleOf: 100) == 84_400)
        // 84.450 mod 500 = 450 → 84.000.
        #expect(roundedDown(84_450, toMultipleOf: 500) == 84_000)
        // 99 → 0.
        #expect(roundedDown(99, toMultipleOf: 100) == 0)
        // −150 → −200: down means toward minus infinity.
        #expect(roundedDown(-150, toMultipleOf: 100) == -200)
    }

    @Test("roundedDown with step zero (cash.rounding off) leaves the value")
    func stepZero() {
        #expect(roundedDown(84_450, toMultipleOf: 0) == 84_450)
    }
}
