/// A compiled regular expression: instructions, classes and capture layout.
struct Program: Sendable {
    /// The instructions; execution starts at `start`.
    var instructions: [Instruction] = []
    /// Classes referenced by `.charClass` instructions.
    var classes: [ClassMatcher] = []
    /// The first instruction.
    var start: Int = 0
    /// Number of capture slots (two per group, group 0 included).
    var slotCount: Int = 2
    /// Whether every match must start at the beginning of the text (`\A` or `^` first).
    var anchoredStart = false
    /// Whether the program contains assertions (so the matcher must compute position context).
    var hasAssertions = false
}
