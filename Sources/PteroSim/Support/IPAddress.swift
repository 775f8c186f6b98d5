import Foundation

/// IP and CIDR checks for allow-lists and allocation input, without sockets.
enum IPAddress {
    static func isIPv4(_ text: String) -> Bool {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        return parts.count == 4 && parts.allSatisfy { part in
            !part.isEmpty && part.count <= 3 && part.allSatisfy(\.isNumber) && Int(part).map { $0 <= 255 } == true
                && !(part.count > 1 && part.hasPrefix("0"))
        }
    }

    static func isIPv6(_ text: String) -> Bool {
        guard text.contains(":"), text.count <= 45 else { return false }
        let groups = text.split(separator: ":", omittingEmptySubsequences: false)
        guard groups.count >= 3, groups.count <= 8 || text.contains("::") else { return false }
        return groups.allSatisfy { group in group.count <= 4 && group.allSatisfy(\.isHexDigit) || isIPv4(String(group)) }
            && text.components(separatedBy: "::").count <= 2
    }

    static func isValid(_ text: String) -> Bool { isIPv4(text) || isIPv6(text) }

    /// `1.2.3.4/24` style ranges (or a plain IP).
    static func isValidRange(_ text: String) -> Bool {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        if parts.count == 1 { return isValid(text) }
        guard parts.count == 2, let mask = Int(parts[1]) else { return false }
        let address = String(parts[0])
        if isIPv4(address) { return (0...32).contains(mask) }
        return isIPv6(address) && (0...128).contains(mask)
    }
}

extension IPAddress {
    /// Whether an IPv4 `address` lies in `range` (an IP or CIDR block); IPv6 compares exactly.
    static func range(_ range: String, contains address: String) -> Bool {
        let parts = range.split(separator: "/")
        guard parts.count == 2, let mask = Int(parts[1]), isIPv4(String(parts[0])), isIPv4(address) else { return range == address }
        func value(_ text: String) -> UInt32 { text.split(separator: ".").compactMap { UInt32($0) }.reduce(0) { $0 << 8 | $1 } }
        let bits: UInt32 = mask == 0 ? 0 : ~UInt32(0) << UInt32(32 - mask)
        return value(String(parts[0])) & bits == value(address) & bits
    }
}
