import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// IP and CIDR checks for allow-lists and allocation input, without sockets.
///
/// IPv4 keeps PHP's `filter_var(FILTER_VALIDATE_IP)` strictness (Laravel's `ip` rule): four
/// decimal parts, none with a leading zero. IPv6 is the C library's `inet_pton`, which refuses
/// what a hand-written group count let through (`1:2:3`, `:::`).
enum IPAddress {
    static func isIPv4(_ text: String) -> Bool {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        return parts.count == 4 && parts.allSatisfy { part in
            !part.isEmpty && part.count <= 3 && part.allSatisfy(\.isASCIIDigit) && Int(part).map { $0 <= 255 } == true
                && !(part.count > 1 && part.hasPrefix("0"))
        }
    }

    static func isIPv6(_ text: String) -> Bool {
        // The longest IPv6 text form (an IPv4 tail included) is 45 characters (INET6_ADDRSTRLEN - 1).
        guard text.contains(":"), text.utf8.count <= 45, !text.utf8.contains(0) else { return false }
        var address = in6_addr()
        return text.withCString { inet_pton(AF_INET6, $0, &address) } == 1
    }

    static func isValid(_ text: String) -> Bool { isIPv4(text) || isIPv6(text) }

    /// `1.2.3.4/24` style ranges (or a plain IP): the prefix is decimal digits only and at most
    /// the address's width (32 for IPv4, 128 for IPv6).
    static func isValidRange(_ text: String) -> Bool {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        if parts.count == 1 { return isValid(text) }
        guard parts.count == 2, !parts[1].isEmpty, parts[1].count <= 3, parts[1].allSatisfy(\.isASCIIDigit),
              let prefix = Int(parts[1]) else { return false }
        let address = String(parts[0])
        if isIPv4(address) { return (0...32).contains(prefix) }
        return isIPv6(address) && (0...128).contains(prefix)
    }
}

private extension Character {
    /// `0`-`9` only; `isNumber` also takes other scripts' digits and fractions, which no address has.
    var isASCIIDigit: Bool { isASCII && isNumber }
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
