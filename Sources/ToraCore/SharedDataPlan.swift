/// What applying one version of the cooperative's shared data changes at a shop, worked
/// out from the shop's current values before anything is written: the store writes the
/// plan in one transaction (with a journal entry per change), or nothing when it has
/// problems. Pure, so the rule of what a shop keeps is the same wherever it is applied.
public struct SharedDataPlan: Sendable, Hashable {
    public var version: Int64
    public var productsCreated: [Product] = []
    public var productsChanged: [ProductChange] = []
    public var tiersSet: [Tier] = []
    public var programmesSet: [SubsidyProgramme] = []
    public var membersCreated: [Member] = []
    public var membersChanged: [MemberChange] = []
    /// Replaces the units the shop counts as sold elsewhere.
    public var subsidyUse: [SubsidyUse] = []

    public struct ProductChange: Sendable, Hashable {
        public let old: Product
        public let new: Product
    }

    public struct MemberChange: Sendable, Hashable {
        public let old: Member
        public let new: Member
    }

    public var changeCount: Int {
        productsCreated.count + productsChanged.count + tiersSet.count + programmesSet.count + membersCreated.count
            + membersChanged.count
    }
}

/// What the shop holds now, as the plan needs it.
public struct SharedDataBase: Sendable {
    public var appliedVersion: Int64
    public var products: [String: Product]
    public var members: [String: Member]
    public var tiers: [String: Tier]
    public var programmes: [String: SubsidyProgramme]

    /// Keys are looked up case-insensitively: give them lower-cased.
    public init(
        appliedVersion: Int64, products: [String: Product], members: [String: Member], tiers: [String: Tier],
        programmes: [String: SubsidyProgramme]
    ) {
        self.appliedVersion = appliedVersion
        self.products = products
        self.members = members
        self.tiers = tiers
        self.programmes = programmes
    }
}

extension CooperativeData {
    /// The plan of this version against the shop's `base`: nil when the shop already has
    /// this version; every problem of the version at once (naming the entry) when it cannot
    /// be applied, so none of it is.
    /// Over 60 lines on purpose: tiers, then programmes, then products, each checked against what came before it.
    public func plan(against base: SharedDataBase) throws(SharedDataError) -> SharedDataPlan? {
        if version == base.appliedVersion { return nil }
        guard version > base.appliedVersion else {
            throw SharedDataError(problems: [
                "version \(version) is older than version \(base.appliedVersion), which this shop already applied"
            ])
        }
        var plan = SharedDataPlan(version: version)
        var problems: [String] = []
        func note(_ entry: String, _ errors: [CoreError]) {
            problems += errors.map { "\(entry): \($0.reason)" }
        }

        var tiers = base.tiers
        for tier in self.tiers {
            do throws(CoreError) {
                let valid = try tier.validated()
                if base.tiers[valid.name.lowercased()] != valid { plan.tiersSet.append(valid) }
                tiers[valid.name.lowercased()] = valid
            } catch { note("tier \(tier.name)", [error]) }
        }
        var programmes = base.programmes
        for programme in self.programmes {
            let errors = programme.problems()
            note("programme \(programme.code)", errors)
            guard errors.isEmpty else { continue }
            if base.programmes[programme.code.lowercased()] != programme { plan.programmesSet.append(programme) }
            programmes[programme.code.lowercased()] = programme
        }
        var seenSKUs: Set<String> = []
        for shared in products {
            let key = shared.sku.lowercased()
            guard seenSKUs.insert(key).inserted else {
                problems.append("product \(shared.sku): listed twice")
                continue
            }
            let old = base.products[key]
            if old == nil, shared.name == nil || shared.price == nil {
                problems.append("product \(shared.sku): a product new to the shop needs a name and a price")
                continue
            }
            let new = shared.applied(to: old ?? Product(sku: shared.sku, name: "", price: .zero))
            var errors = new.problems()
            if let code = new.subsidy {
                if let programme = programmes[code.lowercased()] {
                    for (field, price) in [("price", new.price), ("member_price", new.memberPrice)] {
                        guard let price else { continue }
                        do throws(CoreError) { try programme.checkPrice(price, field: field, sku: new.sku) } catch { errors.append(error) }
                    }
                } else {
                    problems.append("product \(shared.sku): programme \(code) is neither in this version nor at the shop")
                }
            }
            note("product \(shared.sku)", errors)
            guard errors.isEmpty else { continue }
            if let old {
                if old != new { plan.productsChanged.append(.init(old: old, new: new)) }
            } else {
                plan.productsCreated.append(new)
            }
        }
        for shared in members {
            let old = base.members[shared.number.lowercased()]
            let new = shared.applied(to: old ?? Member(number: shared.number, name: shared.name))
            var errors = new.problems()
            if tiers[new.tier.lowercased()] == nil {
                errors.append(CoreError(.invalidField, field: "tier", value: new.tier, reason: "tier \(new.tier) does not exist"))
            }
            note("member \(shared.number)", errors)
            guard errors.isEmpty else { continue }
            if let old {
                if old != new { plan.membersChanged.append(.init(old: old, new: new)) }
            } else {
                plan.membersCreated.append(new)
            }
        }
        for use in subsidyUse {
            var errors: [CoreError] = []
            do throws(CoreError) { _ = try NIK(use.nik) } catch { errors.append(error) }
            if programmes[use.programme.lowercased()] == nil {
                errors.append(
                    CoreError(.invalidField, field: "programme", value: use.programme, reason: "programme \(use.programme) does not exist"))
            }
            if BusinessDay(use.day) == nil {
                errors.append(CoreError(.invalidField, field: "day", value: use.day, reason: "'\(use.day)' is not a day (YYYY-MM-DD)"))
            }
            if use.units.thousandths <= 0 {
                errors.append(
                    CoreError(.invalidQuantity, field: "units", value: "\(use.units.thousandths)", reason: "units must be more than 0"))
            }
            note("subsidy use of \(use.programme) on \(use.day)", errors)
            if errors.isEmpty { plan.subsidyUse.append(use) }
        }
        guard problems.isEmpty else { throw SharedDataError(problems: problems) }
        return plan
    }
}

/// Why a version of the shared data cannot be applied: every problem found, each naming
/// its entry; nothing of the version was applied.
public struct SharedDataError: Error, Sendable, Hashable, CustomStringConvertible {
    public let problems: [String]
    public var description: String {
        "the cooperative's data cannot be applied (nothing was changed): " + problems.prefix(5).joined(separator: "; ")
            + (problems.count > 5 ? "; and \(problems.count - 5) more" : "")
    }
}
