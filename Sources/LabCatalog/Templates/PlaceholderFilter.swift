import Foundation

/// Filters applied to a placeholder value: `<<labctl:prefix|upper>>`.
public enum PlaceholderFilter: String, Sendable, CaseIterable {
    /// `ana_shop` → `ANA_SHOP`
    case upper
    /// `Ana_Shop` → `ana_shop`
    case lower
    /// `ana_shop` → `ana-shop`
    case kebab
    /// `ana-shop` → `ana_shop`
    case snake
    /// `ana_shop` → `AnaShop` (alert names)
    case pascal

    /// The filtered value.
    public func apply(_ value: String) -> String {
        switch self {
        case .upper: return value.uppercased()
        case .lower: return value.lowercased()
        case .kebab: return value.replacingOccurrences(of: "_", with: "-")
        case .snake: return value.replacingOccurrences(of: "-", with: "_")
        case .pascal:
            return value.split(whereSeparator: { $0 == "_" || $0 == "-" || $0 == " " })
                .map { $0.prefix(1).uppercased() + $0.dropFirst() }
                .joined()
        }
    }
}
