/// Compiles a syntax tree to a `Program` for the Pike VM.
struct Compiler {
    /// Programs larger than this are rejected with "expression too large".
    static let maxInstructions = 100_000

    private var prog = Program()
    private var classIndex: [[UInt32]: Int32] = [:]

    /// Compiles `root` wrapped in capture group 0; `groups` is the number of capture groups (without 0).
    static func compile(_ root: RegexNode, groups: Int) throws -> Program {
        var c = Compiler()
        c.prog.slotCount = 2 * (groups + 1)
        c.prog.anchoredStart = root.startsWithBeginText
        c.prog.start = 0
        try c.emit(.capture(index: 0, name: nil, root))
        _ = try c.append(Instruction(.match))
        return c.prog
    }

    // MARK: - Emission

    private var here: Int32 { Int32(prog.instructions.count) }

    @discardableResult
    private mutating func append(_ inst: Instruction) throws -> Int {
        guard prog.instructions.count < Self.maxInstructions else {
            throw RegexSyntaxError(.tooLarge, offset: 0)
        }
        var inst = inst
        if inst.out < 0 && inst.op != .match && inst.op != .fail { inst.out = here + 1 }
        prog.instructions.append(inst)
        return prog.instructions.count - 1
    }

    private mutating func patch(_ at: Int, out: Int32? = nil, arg: Int32? = nil) {
        if let out { prog.instructions[at].out = out }
        if let arg { prog.instructions[at].arg = arg }
    }

    /// Emits code for `node`. Recursion depth follows the tree depth (bounded by the parser's
    /// nesting limit); each case lives in its own function to keep this frame small.
    private mutating func emit(_ node: RegexNode) throws {
        switch node {
        case .empty: break
        case .noMatch: try append(Instruction(.fail))
        case .literal: try emitLiteral(node)
        case let .charClass(cls): try emitClass(cls)
        case .anyChar: try append(Instruction(.any))
        case .anyCharNotNL: try append(Instruction(.anyNotNL))
        case .assertion: try emitAssertion(node)
        case .capture: try emitCapture(node)
        case .concat: try emitConcat(node)
        case .alternate: try emitAlternation(node)
        case .repeat: try emitRepeat(node)
        }
    }

    @inline(never)
    private mutating func emitLiteral(_ node: RegexNode) throws {
        guard case let .literal(scalars, fold) = node else { return }
        for c in scalars {
            let variants = fold ? CaseFolding.variants(of: c) : []
            if variants.isEmpty {
                try append(Instruction(.char, arg: Int32(bitPattern: c)))
            } else {
                try emitClass(CharClass(([c] + variants).map { $0...$0 }))
            }
        }
    }

    @inline(never)
    private mutating func emitAssertion(_ node: RegexNode) throws {
        guard case let .assertion(kind) = node else { return }
        prog.hasAssertions = true
        try append(Instruction(.assert, arg: Int32(kind.rawValue)))
    }

    @inline(never)
    private mutating func emitCapture(_ node: RegexNode) throws {
        guard case let .capture(index, _, sub) = node else { return }
        try append(Instruction(.save, arg: Int32(2 * index)))
        try emit(sub)
        try append(Instruction(.save, arg: Int32(2 * index + 1)))
    }

    @inline(never)
    private mutating func emitConcat(_ node: RegexNode) throws {
        guard case let .concat(subs) = node else { return }
        for sub in subs { try emit(sub) }
    }

    private mutating func emitClass(_ cls: CharClass) throws {
        let key = cls.ranges.flatMap { [$0.lowerBound, $0.upperBound] }
        let index: Int32
        if let known = classIndex[key] {
            index = known
        } else {
            index = Int32(prog.classes.count)
            prog.classes.append(ClassMatcher(cls))
            classIndex[key] = index
        }
        try append(Instruction(.charClass, arg: index))
    }

    @inline(never)
    private mutating func emitAlternation(_ node: RegexNode) throws {
        guard case let .alternate(subs) = node else { return }
        var jumps: [Int] = []
        for (i, sub) in subs.enumerated() {
            if i == subs.count - 1 {
                try emit(sub)
                break
            }
            let split = try append(Instruction(.split))
            try emit(sub)
            jumps.append(try append(Instruction(.jump)))
            patch(split, arg: here)
        }
        for j in jumps { patch(j, out: here) }
    }

    // MARK: - Repetition

    @inline(never)
    private mutating func emitRepeat(_ node: RegexNode) throws {
        guard case let .repeat(sub, min, max, greedy) = node else { return }
        if max == -1 {
            if min == 0 {
                try emitStar(sub, greedy: greedy)
                return
            }
            for _ in 0..<(min - 1) { try emit(sub) }
            try emitPlus(sub, greedy: greedy)
            return
        }
        for _ in 0..<min { try emit(sub) }
        guard max > min else { return }
        var exits: [Int] = []
        for _ in 0..<(max - min) {
            exits.append(try append(Instruction(.split)))
            try emit(sub)
        }
        for e in exits { setSplit(e, body: Int32(e + 1), exit: here, greedy: greedy) }
    }

    private mutating func emitStar(_ sub: RegexNode, greedy: Bool) throws {
        if sub.canMatchEmpty {
            // `x*` as `(x+)?` so that an empty iteration still records captures (as Go does).
            let skip = try append(Instruction(.split))
            try emitPlus(sub, greedy: greedy)
            setSplit(skip, body: Int32(skip + 1), exit: here, greedy: greedy)
            return
        }
        let loop = try append(Instruction(.split))
        try emit(sub)
        try append(Instruction(.jump, out: Int32(loop)))
        setSplit(loop, body: Int32(loop + 1), exit: here, greedy: greedy)
    }

    private mutating func emitPlus(_ sub: RegexNode, greedy: Bool) throws {
        let body = here
        try emit(sub)
        let split = try append(Instruction(.split))
        setSplit(split, body: body, exit: here, greedy: greedy)
    }

    private mutating func setSplit(_ at: Int, body: Int32, exit: Int32, greedy: Bool) {
        if greedy { patch(at, out: body, arg: exit) } else { patch(at, out: exit, arg: body) }
    }
}

// MARK: - Tree queries used by the compiler

extension RegexNode {
    /// Whether the node can match the empty string.
    var canMatchEmpty: Bool {
        switch self {
        case .empty, .assertion: return true
        case .noMatch, .charClass, .anyChar, .anyCharNotNL: return false
        case let .literal(scalars, _): return scalars.isEmpty
        case let .capture(_, _, sub): return sub.canMatchEmpty
        case let .concat(subs): return subs.allSatisfy(\.canMatchEmpty)
        case let .alternate(subs): return subs.contains(where: \.canMatchEmpty)
        case let .repeat(sub, min, _, _): return min == 0 || sub.canMatchEmpty
        }
    }

    /// Whether every match of the node must begin at the start of the text.
    var startsWithBeginText: Bool {
        switch self {
        case .assertion(.beginText): return true
        case let .capture(_, _, sub): return sub.startsWithBeginText
        case let .concat(subs): return subs.first?.startsWithBeginText ?? false
        case let .alternate(subs): return !subs.isEmpty && subs.allSatisfy(\.startsWithBeginText)
        default: return false
        }
    }
}
