import Foundation
import Grading
import LabCatalog
import LabContent

extension FuzzTarget {
    /// Lab specs (`lab.yaml`), decoded and validated with their PromQL answer keys, and the starter and
    /// defect patch files beside them.
    public static let labSpec = FuzzTarget(name: "lab-spec", summary: "lab spec, starter and defect files") { bytes in
        let text = FuzzInput.text(bytes)
        let (spec, _) = LabSpecDecoder().decode(text, file: "lab.yaml")
        if let spec {
            _ = LabSpecValidator().validate(spec)
            _ = SpecQueryValidator.validate(spec)
        }
        _ = LabPatchDecoder().decodeStarter(text, file: "starter.yaml")
        _ = LabPatchDecoder().decodeDefects(text, file: "defects.yaml")
        return []
    }

    /// Student rosters (CSV) against the catalogue's domains, and domain files.
    public static let roster = FuzzTarget(name: "roster", summary: "roster CSV and domain file parsers") { bytes in
        let text = FuzzInput.text(bytes)
        _ = Roster.parse(text, file: "roster.csv", domains: catalogueDomains)
        _ = Roster.parse(text, file: "roster.csv", domains: nil)
        _ = DomainCatalog.parse(text, file: "domains.yaml")
        return []
    }
}

/// The repository's `labs/domains.yaml`, read once (nil when the sources are not beside the build).
private let catalogueDomains = try? DomainCatalog.load(root: LabContentBundle.sourceRoot)
