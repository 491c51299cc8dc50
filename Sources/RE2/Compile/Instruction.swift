/// One instruction of a compiled regular-expression program (a Thompson NFA in array form).
struct Instruction: Sendable, Equatable {
    /// Instruction kinds.
    enum Op: UInt8, Sendable {
        /// Consume the scalar `arg`.
        case char
        /// Consume a scalar of class `arg` (an index into `Program.classes`).
        case charClass
        /// Consume any scalar.
        case any
        /// Consume any scalar but `\n`.
        case anyNotNL
        /// Continue at `out` (preferred) and at `arg`.
        case split
        /// Continue at `out`.
        case jump
        /// Record the current position in capture slot `arg`.
        case save
        /// Continue only if assertion `arg` (a `RegexAssertion` raw value) holds.
        case assert
        /// The match succeeds.
        case match
        /// The thread dies.
        case fail
    }

    var op: Op
    /// The next instruction.
    var out: Int32
    /// Operand: scalar, class index, alternative target, slot or assertion.
    var arg: Int32

    init(_ op: Op, out: Int32 = -1, arg: Int32 = 0) {
        self.op = op
        self.out = out
        self.arg = arg
    }

    /// Whether the instruction consumes one scalar.
    var consumes: Bool {
        switch op {
        case .char, .charClass, .any, .anyNotNL: return true
        default: return false
        }
    }
}
