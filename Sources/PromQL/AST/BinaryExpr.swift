/// A binary operation `lhs op [bool] [on|ignoring (…)] [group_left|group_right (…)] [fill…] rhs`.
public struct BinaryExpr: Hashable, Sendable {
    public var op: BinaryOperator
    public var lhs: Expr
    public var rhs: Expr
    /// Vector matching; `nil` when at least one side is a scalar (as Prometheus normalises it).
    public var matching: VectorMatching?
    /// The `bool` modifier of comparisons.
    public var returnBool: Bool
    public var span: SourceSpan

    public init(op: BinaryOperator, lhs: Expr, rhs: Expr, matching: VectorMatching?, returnBool: Bool,
                span: SourceSpan) {
        self.op = op
        self.lhs = lhs
        self.rhs = rhs
        self.matching = matching
        self.returnBool = returnBool
        self.span = span
    }
}

/// How the two sides of a vector/vector operation are matched.
public struct VectorMatching: Hashable, Sendable {
    /// How many series of each side may match: `group_left` is many-to-one, `group_right` one-to-many;
    /// set operators are many-to-many.
    public enum Cardinality: String, Hashable, Sendable {
        case oneToOne = "one-to-one", manyToOne = "many-to-one", oneToMany = "one-to-many"
        case manyToMany = "many-to-many"
    }

    public var cardinality: Cardinality
    /// Labels of `on(…)` / `ignoring(…)`.
    public var matchingLabels: [String]
    /// `true` for `on`, `false` for `ignoring` (or no clause).
    public var on: Bool
    /// Extra labels of `group_left(…)` / `group_right(…)`.
    public var include: [String]
    /// The experimental `fill(v)`, `fill_left(v)`, `fill_right(v)` modifiers.
    public var fill: FillValues

    public init(cardinality: Cardinality = .oneToOne, matchingLabels: [String] = [], on: Bool = false,
                include: [String] = [], fill: FillValues = FillValues()) {
        self.cardinality = cardinality
        self.matchingLabels = matchingLabels
        self.on = on
        self.include = include
        self.fill = fill
    }
}

/// Values used for series missing on one side of a binary operation (`fill_left`/`fill_right`).
public struct FillValues: Hashable, Sendable {
    /// Value used when the left-hand side has no match.
    public var lhs: Double?
    /// Value used when the right-hand side has no match.
    public var rhs: Double?

    public init(lhs: Double? = nil, rhs: Double? = nil) {
        self.lhs = lhs
        self.rhs = rhs
    }

    public var isEmpty: Bool { lhs == nil && rhs == nil }

    private static func same(_ a: Double?, _ b: Double?) -> Bool {
        switch (a, b) {
        case (nil, nil): return true
        case let (x?, y?): return x == y || (x.isNaN && y.isNaN)
        default: return false
        }
    }

    public static func == (a: FillValues, b: FillValues) -> Bool { same(a.lhs, b.lhs) && same(a.rhs, b.rhs) }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(lhs.map { $0.isNaN ? Double.nan.bitPattern : $0.bitPattern })
        hasher.combine(rhs.map { $0.isNaN ? Double.nan.bitPattern : $0.bitPattern })
    }
}

/// Binary operators with Prometheus's precedence.
public enum BinaryOperator: String, Hashable, Sendable, CaseIterable {
    case add = "+", sub = "-", mul = "*", div = "/", mod = "%", pow = "^", atan2
    /// `</`: keeps the part of a native histogram below the scalar (trims the upper end).
    case trimUpper = "</"
    /// `>/`: keeps the part of a native histogram above the scalar (trims the lower end).
    case trimLower = ">/"
    case eql = "==", neq = "!=", gtr = ">", lss = "<", gte = ">=", lte = "<="
    case and, or, unless

    /// 1 (`or`) … 6 (`^`); higher binds tighter.
    public var precedence: Int {
        switch self {
        case .or: return 1
        case .and, .unless: return 2
        case .eql, .neq, .gtr, .lss, .gte, .lte: return 3
        case .add, .sub: return 4
        case .mul, .div, .mod, .atan2, .trimUpper, .trimLower: return 5
        case .pow: return 6
        }
    }

    /// Only `^` is right-associative.
    public var isRightAssociative: Bool { self == .pow }
    public var isComparison: Bool { precedence == 3 }
    public var isSetOperator: Bool { self == .and || self == .or || self == .unless }

    init?(token: TokenKind) {
        switch token {
        case .add: self = .add
        case .sub: self = .sub
        case .mul: self = .mul
        case .div: self = .div
        case .mod: self = .mod
        case .pow: self = .pow
        case .atan2: self = .atan2
        case .trimUpper: self = .trimUpper
        case .trimLower: self = .trimLower
        case .eqlc: self = .eql
        case .neq: self = .neq
        case .gtr: self = .gtr
        case .lss: self = .lss
        case .gte: self = .gte
        case .lte: self = .lte
        case .land: self = .and
        case .lor: self = .or
        case .lunless: self = .unless
        default: return nil
        }
    }
}
