/// A Pike VM: simulates the program's NFA over the input in one pass, tracking capture positions
/// per thread. Time is O(input × program), memory O(program × slots); no backtracking.
///
/// Thread order encodes priority, giving leftmost-first (Perl/Go) semantics.
struct PikeVM {
    let program: Program

    /// A sparse set of instruction indices with per-entry capture slots.
    private struct ThreadList {
        var sparse: [Int32]
        var dense: [Int32]
        var count = 0
        var slots: [Int]
        let slotCount: Int

        init(size: Int, slotCount: Int) {
            sparse = Array(repeating: 0, count: size)
            dense = Array(repeating: 0, count: size)
            slots = Array(repeating: -1, count: slotCount > 0 ? size * slotCount : 0)
            self.slotCount = slotCount
        }

        @inline(__always)
        func contains(_ pc: Int32) -> Bool {
            let i = Int(sparse[Int(pc)])
            return i < count && dense[i] == pc
        }

        /// Inserts `pc` and returns its dense index.
        @inline(__always)
        mutating func insert(_ pc: Int32) -> Int {
            let i = count
            sparse[Int(pc)] = Int32(i)
            dense[i] = pc
            count += 1
            return i
        }
    }

    /// A stack entry of the thread-adding walk: explore `pc`, or restore `slot` to `value`.
    private struct Frame {
        var pc: Int32
        var slot: Int32
        var value: Int
    }

    // MARK: - Running

    /// Searches `bytes` from byte offset `from`; returns capture slots (byte offsets, -1 when unset)
    /// of the leftmost-first match, or nil. With `wantSlots == false` it stops at the first match
    /// found and returns an empty array.
    func run(_ bytes: UnsafeBufferPointer<UInt8>, from: Int, wantSlots: Bool) -> [Int]? {
        let insts = program.instructions
        let size = insts.count
        let slotCount = wantSlots ? program.slotCount : 0
        var clist = ThreadList(size: size, slotCount: slotCount)
        var nlist = ThreadList(size: size, slotCount: slotCount)
        var stack: [Frame] = []
        stack.reserveCapacity(16)
        var work = Array(repeating: -1, count: slotCount)
        var matched: [Int]?
        let end = bytes.count
        var pos = from
        let needContext = program.hasAssertions
        var context: UInt8 = needContext ? UTF8Input.assertionsAt(bytes, pos) : 0

        while true {
            if matched == nil && (pos == from || !program.anchoredStart) {
                for k in 0..<slotCount { work[k] = -1 }
                addThread(&clist, Int32(program.start), pos, context, &work, &stack, insts)
            }
            if clist.count == 0 { break }
            var c: UInt32 = 0
            var width = 0
            if pos < end { (c, width) = UTF8Input.decode(bytes, pos) }
            let nextPos = pos + width
            if needContext && width > 0 { context = UTF8Input.assertionsAt(bytes, nextPos) }
            nlist.count = 0
            var i = 0
            threads: while i < clist.count {
                let pc = clist.dense[i]
                let inst = insts[Int(pc)]
                var ok = false
                switch inst.op {
                case .match:
                    if !wantSlots { return [] }
                    let base = i * slotCount
                    matched = Array(clist.slots[base..<(base + slotCount)])
                    break threads
                case .char: ok = width > 0 && c == UInt32(bitPattern: inst.arg)
                case .charClass: ok = width > 0 && program.classes[Int(inst.arg)].contains(c)
                case .any: ok = width > 0
                case .anyNotNL: ok = width > 0 && c != 0x0A
                default: ok = false
                }
                if ok {
                    if slotCount > 0 {
                        let base = i * slotCount
                        for k in 0..<slotCount { work[k] = clist.slots[base + k] }
                    }
                    addThread(&nlist, inst.out, nextPos, context, &work, &stack, insts)
                }
                i += 1
            }
            if width == 0 { break }
            swap(&clist, &nlist)
            pos = nextPos
        }
        return matched
    }

    // MARK: - Adding threads

    /// Follows non-consuming instructions from `pc0` in priority order, adding consuming ones
    /// (and matches) to `list` with a copy of the capture slots.
    private func addThread(
        _ list: inout ThreadList, _ pc0: Int32, _ pos: Int, _ context: UInt8,
        _ work: inout [Int], _ stack: inout [Frame], _ insts: [Instruction]
    ) {
        stack.append(Frame(pc: pc0, slot: -1, value: 0))
        while let frame = stack.popLast() {
            if frame.slot >= 0 {
                work[Int(frame.slot)] = frame.value
                continue
            }
            var pc = frame.pc
            while true {
                if list.contains(pc) { break }
                let index = list.insert(pc)
                let inst = insts[Int(pc)]
                switch inst.op {
                case .jump:
                    pc = inst.out
                    continue
                case .split:
                    stack.append(Frame(pc: inst.arg, slot: -1, value: 0))
                    pc = inst.out
                    continue
                case .save:
                    let slot = Int(inst.arg)
                    if slot < work.count {
                        stack.append(Frame(pc: 0, slot: inst.arg, value: work[slot]))
                        work[slot] = pos
                    }
                    pc = inst.out
                    continue
                case .assert:
                    if context & (1 << UInt8(truncatingIfNeeded: inst.arg)) != 0 {
                        pc = inst.out
                        continue
                    }
                case .fail:
                    break
                default:
                    let n = list.slotCount
                    if n > 0 {
                        let base = index * n
                        for k in 0..<n { list.slots[base + k] = work[k] }
                    }
                }
                break
            }
        }
    }
}
