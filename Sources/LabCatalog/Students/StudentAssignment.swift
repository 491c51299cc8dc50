/// A roster student with everything a per-student variant needs: the domain and entity (from the
/// roster, or assigned deterministically from the student id when the roster leaves them empty).
public struct StudentAssignment: Sendable, Hashable {
    public var student: RosterStudent
    public var domain: Domain
    public var entity: String
    /// Whether the domain / entity came from the id hash rather than the roster.
    public var domainAssigned: Bool
    public var entityAssigned: Bool

    /// Assigns `student` a domain and an entity. The same id always gets the same ones: the choice
    /// is a stable hash (FNV-1a) of the id, not Swift's per-process randomised `Hasher`.
    public static func assign(_ student: RosterStudent, domains: DomainCatalog) throws -> StudentAssignment {
        guard !domains.domains.isEmpty else { throw CatalogError("the domain catalogue is empty") }
        let key = student.id.lowercased()
        let domain: Domain
        let domainAssigned: Bool
        if let given = student.domain {
            guard let found = domains.domain(named: given) else {
                throw CatalogError("\(student.location): unknown domain \"\(given)\"")
            }
            domain = found
            domainAssigned = false
        } else {
            domain = domains.domains[pick("domain:" + key, count: domains.domains.count)]
            domainAssigned = true
        }
        let entity = student.entity
            ?? domain.entities[pick("entity:" + domain.id + ":" + key, count: domain.entities.count)]
        return StudentAssignment(student: student, domain: domain, entity: entity, domainAssigned: domainAssigned,
                                 entityAssigned: student.entity == nil)
    }

    /// The lab parameter values of this student, restricted to the parameters `spec` declares.
    public func values(for spec: LabSpec) -> [String: String] {
        let all: [String: String] = [
            "student": student.id,
            "prefix": student.prefix,
            "domain": domain.id,
            "entity": entity,
            "business_counter": domain.counter,
            "business_gauge": domain.gauge,
        ]
        var values: [String: String] = [:]
        for parameter in spec.parameters {
            if let value = all[parameter.name] { values[parameter.name] = value }
        }
        return values
    }

    // MARK: - Stable choice

    /// An index in `0..<count` from a 64-bit FNV-1a hash of `text`.
    static func pick(_ text: String, count: Int) -> Int {
        guard count > 0 else { return 0 }
        return Int(fnv1a(text) % UInt64(count))
    }

    /// 64-bit FNV-1a of the UTF-8 bytes (wrapping multiplication is part of the hash).
    static func fnv1a(_ text: String) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash = hash.multipliedReportingOverflow(by: 0x0000_0100_0000_01B3).partialValue
        }
        return hash
    }
}
