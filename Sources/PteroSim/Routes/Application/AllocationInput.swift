/// Parses allocation input the way the panel's AssignmentService does: IPs, /25–/32
/// blocks, single ports and `a-b` ranges, with its business-rule errors.
enum AllocationInput {
    static func addresses(_ text: String) throws -> [String] {
        let parts = text.split(separator: "/")
        if parts.count == 2, IPAddress.isIPv4(String(parts[0])), let mask = Int(parts[1]) {
            guard (25...32).contains(mask) else {
                throw PanelError.display("CIDR notation only allows masks between /25 and /32.", code: "CidrOutOfRangeException")
            }
            let octets = parts[0].split(separator: ".").compactMap { UInt32($0) }
            let base = octets.reduce(0) { $0 << 8 | $1 } & (mask == 32 ? UInt32.max : ~((UInt32(1) << (32 - mask)) - 1))
            return (0..<(UInt32(1) << (32 - mask))).map { offset in
                let value = base + offset
                return [24, 16, 8, 0].map { String((value >> UInt32($0)) & 255) }.joined(separator: ".")
            }
        }
        guard IPAddress.isValid(text) || text.contains(".") else {
            throw PanelError.display("The IP address provided was invalid and could not be processed.", code: "DisplayException")
        }
        // Hostnames would be resolved by the panel; the sim keeps them as given.
        return [text]
    }

    static func ports(_ text: String) throws -> [Int] {
        let invalid = PanelError.display("The mapping provided for \(text) was invalid and could not be processed.", code: "InvalidPortMappingException")
        let outOfRange = PanelError.display("Ports in an allocation must be greater than 1024 and less than or equal to 65535.", code: "PortOutOfRangeException")
        if RuleEvaluator.matches(text, "^[0-9]{4,5}-[0-9]{4,5}$") {
            let ends = text.split(separator: "-").compactMap { Int($0) }
            guard ends[0] <= ends[1] else { throw invalid }
            if ends[1] - ends[0] > 1000 {
                throw PanelError.display("Adding more than 1000 ports in a single range at once is not supported.", code: "TooManyPortsInRangeException")
            }
            guard ends[0] > 1024, ends[1] <= 65535 else { throw outOfRange }
            return Array(ends[0]...ends[1])
        }
        guard RuleEvaluator.matches(text, "^[0-9]+$"), let port = Int(text) else { throw invalid }
        guard port > 1024, port <= 65535 else { throw outOfRange }
        return [port]
    }
}
