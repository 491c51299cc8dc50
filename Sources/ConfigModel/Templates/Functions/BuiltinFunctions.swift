/// Go's predefined template functions: `and or not len index slice print printf println html js
/// urlquery eq ne lt le gt ge`.
public enum BuiltinFunctions {
    /// The predefined functions as a set.
    public static let set = FunctionSet(all)

    static let all: [TemplateFunction] = [
        TemplateFunction(special: .and, name: "and"),
        TemplateFunction(special: .or, name: "or"),
        TemplateFunction("not", arguments: 1) { .bool(!$0[0].isTruthy) },
        TemplateFunction("len", arguments: 1) { try length($0[0]) },
        TemplateFunction("index", minArguments: 1, maxArguments: nil) { try index($0[0], Array($0.dropFirst())) },
        TemplateFunction("slice", minArguments: 1, maxArguments: 4) { try slice($0[0], Array($0.dropFirst())) },
        TemplateFunction("print", minArguments: 0, maxArguments: nil) { .string(GoPrintf.sprint($0)) },
        TemplateFunction("println", minArguments: 0, maxArguments: nil) { .string(GoPrintf.sprintln($0)) },
        TemplateFunction("printf", minArguments: 1, maxArguments: nil) {
            .string(GoPrintf.sprintf(try TemplateArguments.string($0, 0), Array($0.dropFirst())))
        },
        TemplateFunction("html", minArguments: 0, maxArguments: nil) { .string(TemplateEscaping.html(evalArgs($0))) },
        TemplateFunction("js", minArguments: 0, maxArguments: nil) { .string(TemplateEscaping.js(evalArgs($0))) },
        TemplateFunction("urlquery", minArguments: 0, maxArguments: nil) { .string(TemplateEscaping.queryEscape(evalArgs($0))) },
        TemplateFunction("eq", minArguments: 1, maxArguments: nil) { args in
            guard args.count > 1 else { throw TemplateRuntimeError("missing argument for comparison") }
            for other in args.dropFirst() where try TemplateComparison.equal(args[0], other) { return .bool(true) }
            return .bool(false)
        },
        TemplateFunction("ne", arguments: 2) { .bool(!(try TemplateComparison.equal($0[0], $0[1]))) },
        TemplateFunction("lt", arguments: 2) { .bool(try TemplateComparison.less($0[0], $0[1])) },
        TemplateFunction("le", arguments: 2) {
            .bool(try TemplateComparison.less($0[0], $0[1]) || TemplateComparison.equal($0[0], $0[1]))
        },
        TemplateFunction("gt", arguments: 2) {
            .bool(!(try TemplateComparison.less($0[0], $0[1]) || TemplateComparison.equal($0[0], $0[1])))
        },
        TemplateFunction("ge", arguments: 2) { .bool(!(try TemplateComparison.less($0[0], $0[1]))) },
    ]

    /// The text of `html`/`js`/`urlquery` arguments: a lone string as is, otherwise `fmt.Sprint`.
    static func evalArgs(_ args: [TemplateValue]) -> String {
        if args.count == 1, case .string(let s) = args[0] { return s }
        return GoPrintf.sprint(args)
    }

    // MARK: - len, index, slice

    static func length(_ value: TemplateValue) throws -> TemplateValue {
        switch value.underlying {
        case .string(let s): return .int(s.utf8.count)
        case .list(let l): return .int(l.count)
        case .map(let m): return .int(m.entries.count)
        default: throw TemplateRuntimeError("len of type \(value.goTypeName)")
        }
    }

    static func index(_ item: TemplateValue, _ indexes: [TemplateValue]) throws -> TemplateValue {
        var current = item
        for key in indexes {
            switch current.underlying {
            case .list(let list):
                guard case .int(let i) = key else { throw TemplateRuntimeError("cannot index slice/array with type \(key.goTypeName)") }
                guard i >= 0, i < list.count else { throw TemplateRuntimeError("index out of range: \(i)") }
                current = list[i]
            case .string(let s):
                guard case .int(let i) = key else { throw TemplateRuntimeError("cannot index slice/array with type \(key.goTypeName)") }
                let bytes = Array(s.utf8)
                guard i >= 0, i < bytes.count else { throw TemplateRuntimeError("index out of range: \(i)") }
                current = .int(Int(bytes[i]))
            case .map(let map):
                guard case .string(let k) = key else {
                    throw TemplateRuntimeError("value has type \(key.goTypeName); should be string")
                }
                current = map.entries[k] ?? map.elementZero
            case .null:
                throw TemplateRuntimeError("index of untyped nil")
            default:
                throw TemplateRuntimeError("can't index item of type \(current.goTypeName)")
            }
        }
        return current
    }

    static func slice(_ item: TemplateValue, _ bounds: [TemplateValue]) throws -> TemplateValue {
        var numbers: [Int] = []
        for b in bounds {
            guard case .int(let n) = b else { throw TemplateRuntimeError("cannot index slice/array with type \(b.goTypeName)") }
            numbers.append(n)
        }
        switch item.underlying {
        case .string(let s):
            if numbers.count > 2 { throw TemplateRuntimeError("cannot 3-index slice a string") }
            let bytes = Array(s.utf8)
            let (i, j) = try bounds2(numbers, count: bytes.count)
            return .string(String(decoding: bytes[i..<j], as: UTF8.self))
        case .list(let list):
            let (i, j) = try bounds2(Array(numbers.prefix(2)), count: list.count)
            if numbers.count == 3, numbers[2] < j || numbers[2] > list.count {
                throw TemplateRuntimeError("invalid slice index: \(j) > \(numbers[2])")
            }
            return .list(Array(list[i..<j]))
        case .null:
            throw TemplateRuntimeError("slice of untyped nil")
        default:
            throw TemplateRuntimeError("can't slice item of type \(item.goTypeName)")
        }
    }

    private static func bounds2(_ numbers: [Int], count: Int) throws -> (Int, Int) {
        let i = numbers.first ?? 0
        let j = numbers.count > 1 ? numbers[1] : count
        guard i >= 0, i <= count else { throw TemplateRuntimeError("index out of range: \(i)") }
        guard j >= 0, j <= count else { throw TemplateRuntimeError("index out of range: \(j)") }
        guard i <= j else { throw TemplateRuntimeError("invalid slice index: \(i) > \(j)") }
        return (i, j)
    }
}
