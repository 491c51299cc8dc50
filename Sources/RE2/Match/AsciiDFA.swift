/// A small DFA for match-only questions on ASCII input, built eagerly at compile time from the
/// program by subset construction.
///
/// It is built only for programs whose assertions are `\A` and `\z` (what anchoring adds), and
/// only up to `maxStates` states; otherwise `build` returns nil and the Pike VM is used. Input with
/// non-ASCII bytes is declined (nil) so the VM decides. Immutable once built, so it is `Sendable`.
struct AsciiDFA: Sendable {
    /// The most states built; beyond this the DFA is abandoned (bounded memory: 64 KiB of table).
    static let maxStates = 128

    /// `transitions[state << 7 | byte]` is the next state.
    private let transitions: [Int32]
    /// States holding a match (any match suffices for `matches`).
    private let matching: [Bool]
    /// States that match when the input ends here (pending `\z` assertions satisfied).
    private let acceptingAtEnd: [Bool]
    /// States from which nothing can match.
    private let dead: [Bool]

    // MARK: - Running

    /// Whether the program matches somewhere in (or, when anchored, all of) `bytes`; nil when
    /// the input is not ASCII.
    func matches(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool? {
        var s = 0
        if matching[0] { return true }
        for b in bytes {
            if b >= 0x80 { return nil }
            s = Int(transitions[s << 7 | Int(b)])
            if matching[s] { return true }
            if dead[s] { return false }
        }
        return acceptingAtEnd[s]
    }

    // MARK: - Building

    /// Builds the DFA, or nil when the program has unsupported assertions or too many states.
    static func build(_ program: Program) -> AsciiDFA? {
        let insts = program.instructions
        for inst in insts where inst.op == .assert {
            let kind = RegexAssertion(rawValue: UInt8(truncatingIfNeeded: inst.arg))
            if kind != .beginText && kind != .endText { return nil }
        }
        var builder = Builder(program: program)
        let (byteClass, representatives) = builder.byteClasses()
        let start = builder.closure(from: [Int32(program.start)], atStart: true)
        let restart = program.anchoredStart ? [] : builder.closure(from: [Int32(program.start)], atStart: false)
        var states: [[Int32]] = [start]
        var index: [[Int32]: Int32] = [start: 0]
        var transitions: [Int32] = []
        var classTargets = [Int32](repeating: 0, count: representatives.count)
        var next = 0
        while next < states.count {
            let state = states[next]
            next += 1
            for (k, b) in representatives.enumerated() {
                var targets: [Int32] = restart.isEmpty ? [] : [Int32(program.start)]
                for pc in state {
                    let inst = insts[Int(pc)]
                    if builder.consumes(inst, scalar: UInt32(b)) { targets.append(inst.out) }
                }
                if !restart.isEmpty { targets.append(targets.removeFirst()) }
                let set = builder.closure(from: targets, atStart: false)
                if let known = index[set] {
                    classTargets[k] = known
                } else {
                    guard states.count < maxStates else { return nil }
                    index[set] = Int32(states.count)
                    classTargets[k] = Int32(states.count)
                    states.append(set)
                }
            }
            for b in 0..<128 { transitions.append(classTargets[Int(byteClass[b])]) }
        }
        let matching = states.map { $0.contains { insts[Int($0)].op == .match } }
        var atEnd: [Bool] = []
        for state in states { atEnd.append(builder.acceptsAtEnd(state)) }
        let dead = states.map(\.isEmpty)
        return AsciiDFA(transitions: transitions, matching: matching, acceptingAtEnd: atEnd, dead: dead)
    }

    /// Epsilon closures over the program, ignoring captures.
    private struct Builder {
        let program: Program
        /// Generation marks for visited instructions (avoids a Set per closure).
        private var marks: [UInt32]
        private var generation: UInt32 = 0

        init(program: Program) {
            self.program = program
            marks = Array(repeating: 0, count: program.instructions.count)
        }

        /// Groups ASCII bytes that every consuming instruction treats alike; returns the class of
        /// each byte and one representative byte per class.
        func byteClasses() -> ([UInt8], [UInt8]) {
            // One instruction per distinct test: a repeated group (`(abc){900}`) repeats the same few
            // tests thousands of times, and the signatures below stay as short as the distinct ones.
            var seen = Set<UInt64>()
            let consuming = program.instructions.filter { inst in
                guard inst.consumes else { return false }
                let key = UInt64(inst.op.rawValue) << 32 | UInt64(UInt32(bitPattern: inst.arg))
                return seen.insert(key).inserted
            }
            var classOf = [UInt8](repeating: 0, count: 128)
            var signatures: [[Bool]: UInt8] = [:]
            var representatives: [UInt8] = []
            for b in 0..<128 {
                let signature = consuming.map { consumes($0, scalar: UInt32(b)) }
                if let known = signatures[signature] {
                    classOf[b] = known
                } else {
                    let k = UInt8(representatives.count)
                    signatures[signature] = k
                    representatives.append(UInt8(b))
                    classOf[b] = k
                }
            }
            return (classOf, representatives)
        }

        private mutating func visit(_ pc: Int32) -> Bool {
            if marks[Int(pc)] == generation { return false }
            marks[Int(pc)] = generation
            return true
        }

        func consumes(_ inst: Instruction, scalar c: UInt32) -> Bool {
            switch inst.op {
            case .char: return UInt32(bitPattern: inst.arg) == c
            case .charClass: return program.classes[Int(inst.arg)].contains(c)
            case .any: return true
            case .anyNotNL: return c != 0x0A
            default: return false
            }
        }

        /// The sorted set of consuming, match and pending-`\z` instructions reachable from `pcs`.
        mutating func closure(from pcs: [Int32], atStart: Bool) -> [Int32] {
            generation += 1
            var out: [Int32] = []
            var stack = pcs.reversed() as [Int32]
            while let pc = stack.popLast() {
                guard visit(pc) else { continue }
                let inst = program.instructions[Int(pc)]
                switch inst.op {
                case .jump, .save: stack.append(inst.out)
                case .split:
                    stack.append(inst.arg)
                    stack.append(inst.out)
                case .assert:
                    if inst.arg == Int32(RegexAssertion.beginText.rawValue) {
                        if atStart { stack.append(inst.out) }
                    } else {
                        out.append(pc)
                    }
                case .fail: break
                default: out.append(pc)
                }
            }
            return out.sorted()
        }

        /// Whether a match is reachable from `state` once the input ends.
        mutating func acceptsAtEnd(_ state: [Int32]) -> Bool {
            generation += 1
            var stack = state
            while let pc = stack.popLast() {
                guard visit(pc) else { continue }
                let inst = program.instructions[Int(pc)]
                switch inst.op {
                case .match: return true
                case .jump, .save: stack.append(inst.out)
                case .split:
                    stack.append(inst.arg)
                    stack.append(inst.out)
                case .assert:
                    if inst.arg == Int32(RegexAssertion.endText.rawValue) { stack.append(inst.out) }
                default: break
                }
            }
            return false
        }
    }
}
