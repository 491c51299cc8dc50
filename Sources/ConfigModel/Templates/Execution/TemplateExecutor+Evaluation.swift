import GoCompat

// MARK: - Pipelines, commands, fields and calls

extension TemplateExecutor {
    /// Evaluates a pipeline; declares or assigns its variables.
    mutating func evalPipeline(_ pipe: TemplatePipeline, dot: TemplateValue) throws(TemplateError) -> TemplateValue {
        var value: TemplateValue?
        for cmd in pipe.commands {
            value = try evalCommand(cmd, dot: dot, final: value)
        }
        let result = value ?? .null
        for name in pipe.declarations {
            if pipe.isAssign {
                try assign(name, result)
            } else {
                variables.append((name, result))
            }
        }
        return result
    }

    /// Evaluates one command; `final` is the previous command's result in a pipeline.
    mutating func evalCommand(_ cmd: TemplateCommand, dot: TemplateValue, final: TemplateValue?) throws(TemplateError) -> TemplateValue {
        try step()
        guard let first = cmd.args.first else { return .null }
        let rest = Array(cmd.args.dropFirst())
        switch first {
        case .field(let names, let position):
            at(.operand(first), position)
            return try evalFieldChain(dot: dot, receiver: dot, names: names, args: rest, final: final, source: first.source)
        case .chain(let base, let names, let position):
            let receiver = try evalArg(base, dot: dot)
            at(.operand(first), position)
            return try evalFieldChain(dot: dot, receiver: receiver, names: names, args: rest, final: final, source: first.source)
        case .identifier(let name, let position):
            at(.text(name), position)
            return try evalFunction(name, args: rest, dot: dot, final: final)
        case .variable(let name, let names, let position):
            at(.operand(first), position)
            let value = try lookup(name)
            if names.isEmpty {
                try notAFunction(cmd, final: final)
                return value
            }
            return try evalFieldChain(dot: dot, receiver: value, names: names, args: rest, final: final, source: first.source)
        case .pipeline(let pipe, let position):
            at(.operand(first), position)
            try notAFunction(cmd, final: final)
            return try evalPipeline(pipe, dot: dot)
        case .nilValue(let position):
            at(.text("nil"), position)
            throw error("nil is not a command")
        case .dot(let position):
            at(.text("."), position)
            try notAFunction(cmd, final: final)
            return dot
        case .literal(let value, let text, let position):
            at(.text(text), position)
            try notAFunction(cmd, final: final)
            return value
        }
    }

    private func notAFunction(_ cmd: TemplateCommand, final: TemplateValue?) throws(TemplateError) {
        if cmd.args.count > 1 || final != nil {
            throw error("can't give argument to non-function \(cmd.args.first?.source ?? "")")
        }
    }

    /// Evaluates an argument operand (functions named without arguments are called).
    mutating func evalArg(_ operand: TemplateOperand, dot: TemplateValue) throws(TemplateError) -> TemplateValue {
        switch operand {
        case .dot: return dot
        case .nilValue: return .null
        case .literal(let value, _, _): return value
        case .field(let names, let position):
            at(.operand(operand), position)
            return try evalFieldChain(dot: dot, receiver: dot, names: names, args: [], final: nil, source: operand.source)
        case .variable(let name, let names, let position):
            at(.operand(operand), position)
            let value = try lookup(name)
            if names.isEmpty { return value }
            return try evalFieldChain(dot: dot, receiver: value, names: names, args: [], final: nil, source: operand.source)
        case .identifier(let name, let position):
            at(.text(name), position)
            return try evalFunction(name, args: [], dot: dot, final: nil)
        case .pipeline(let pipe, _):
            return try evalPipeline(pipe, dot: dot)
        case .chain(let base, let names, let position):
            let receiver = try evalArg(base, dot: dot)
            at(.operand(operand), position)
            return try evalFieldChain(dot: dot, receiver: receiver, names: names, args: [], final: nil, source: operand.source)
        }
    }

    // MARK: - Fields and methods

    mutating func evalFieldChain(dot: TemplateValue, receiver: TemplateValue, names: [String], args: [TemplateOperand],
                                 final: TemplateValue?, source: String) throws(TemplateError) -> TemplateValue {
        var current = receiver
        for (i, name) in names.enumerated() {
            let isLast = i == names.count - 1
            current = try evalField(name, receiver: current, dot: dot, args: isLast ? args : [],
                                    final: isLast ? final : nil)
        }
        return current
    }

    private mutating func evalField(_ name: String, receiver: TemplateValue, dot: TemplateValue, args: [TemplateOperand],
                                    final: TemplateValue?) throws(TemplateError) -> TemplateValue {
        let hasArgs = !args.isEmpty || final != nil
        switch receiver {
        case .null:
            if options.missingKey == .error { throw error("nil data; no entry for key \(GoQuoting.quote(name))") }
            return .null
        case .object(let object):
            if let method = object.methods[name] {
                return try callMethod(name, method, args: args, dot: dot, final: final)
            }
            if let field = object.fields[name] {
                if hasArgs { throw error("\(name) has arguments but cannot be invoked as function") }
                return field
            }
            if let underlying = object.underlying, case .map = underlying {
                return try evalField(name, receiver: underlying, dot: dot, args: args, final: final)
            }
            throw error("can't evaluate field \(name) in type \(object.typeName)")
        case .map(let map):
            if hasArgs { throw error("\(name) is not a method but has arguments") }
            if let value = map.entries[name] { return value }
            switch options.missingKey {
            case .invalid: return .null
            case .zero: return map.elementZero
            case .error: throw error("map has no entry for key \(GoQuoting.quote(name))")
            }
        case .time(let time):
            guard let method = Self.timeMethod(name, time) else {
                throw error("can't evaluate field \(name) in type time.Time")
            }
            return try callMethod(name, method, args: args, dot: dot, final: final)
        default:
            throw error("can't evaluate field \(name) in type \(receiver.goTypeName)")
        }
    }

    private mutating func callMethod(_ name: String, _ method: TemplateMethod, args: [TemplateOperand], dot: TemplateValue,
                                     final: TemplateValue?) throws(TemplateError) -> TemplateValue {
        var values: [TemplateValue] = []
        for arg in args { values.append(try evalArg(arg, dot: dot)) }
        if let final { values.append(final) }
        if let arity = method.arity, arity != values.count {
            throw error("wrong number of args for \(name): want \(arity) got \(values.count)")
        }
        do {
            return try method.call(values)
        } catch let e as TemplateError {
            throw e
        } catch let e as TemplateArguments.TypeError {
            throw self.error(e.message)
        } catch {
            throw self.error("error calling \(name): \(error)")
        }
    }

    /// The methods of `time.Time` that templates use.
    static func timeMethod(_ name: String, _ t: TemplateTime) -> TemplateMethod? {
        switch name {
        case "Format":
            return TemplateMethod(arity: 1) { args in
                guard case .string(let layout) = args.first else { throw TemplateArguments.wrongType(args.first, "string") }
                return .string(GoTimeFormat.format(t, layout: layout))
            }
        case "String": return TemplateMethod(arity: 0) { _ in .string(GoTimeFormat.string(t)) }
        case "Unix": return TemplateMethod(arity: 0) { _ in .int(Int(t.unixSeconds)) }
        case "UnixMilli":
            return TemplateMethod(arity: 0) { _ in
                .int(Int(t.unixSeconds.multipliedReportingOverflow(by: 1000).partialValue) + t.nanoseconds / 1_000_000)
            }
        case "UTC", "Local": return TemplateMethod(arity: 0) { _ in .time(t.utc) }
        case "IsZero": return TemplateMethod(arity: 0) { _ in .bool(t.isZero) }
        case "Year": return TemplateMethod(arity: 0) { _ in .int(Int(t.civil.year)) }
        case "Day": return TemplateMethod(arity: 0) { _ in .int(t.civil.day) }
        case "Hour": return TemplateMethod(arity: 0) { _ in .int(t.civil.hour) }
        case "Minute": return TemplateMethod(arity: 0) { _ in .int(t.civil.minute) }
        case "Second": return TemplateMethod(arity: 0) { _ in .int(t.civil.second) }
        default: return nil
        }
    }

    // MARK: - Functions

    private mutating func evalFunction(_ name: String, args: [TemplateOperand], dot: TemplateValue,
                                       final: TemplateValue?) throws(TemplateError) -> TemplateValue {
        guard let function = functions[name] else { throw error("\(GoQuoting.quote(name)) is not a defined function") }
        let position = currentPosition
        let count = args.count + (final == nil ? 0 : 1)
        if count < function.minArguments || (function.maxArguments.map { count > $0 } ?? false) {
            let want = function.maxArguments == nil ? "at least \(function.minArguments)" : "\(function.minArguments)"
            throw error("wrong number of args for \(name): want \(want) got \(count)")
        }
        if function.special != .none {
            // `and` / `or` evaluate their arguments lazily and stop at the first deciding one.
            var last: TemplateValue = .null
            for arg in args {
                last = try evalArg(arg, dot: dot)
                if (function.special == .and) != last.isTruthy { return last }
            }
            if let final { last = final }
            return last
        }
        var values: [TemplateValue] = []
        values.reserveCapacity(count)
        for arg in args { values.append(try evalArg(arg, dot: dot)) }
        if let final { values.append(final) }
        at(.text(name), position)
        do {
            return try function.body(values)
        } catch let e as TemplateError {
            throw e
        } catch let e as TemplateArguments.TypeError {
            throw self.error(e.message)
        } catch {
            throw self.error("error calling \(name): \(error)")
        }
    }
}
