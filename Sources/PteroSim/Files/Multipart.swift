import Foundation

/// A minimal multipart/form-data reader for the signed upload URL.
enum Multipart {
    struct Part {
        var name: String?
        var filename: String?
        var content: [UInt8]
    }

    static func parse(_ body: [UInt8], contentType: String) -> [Part]? {
        guard let range = contentType.range(of: "boundary=") else { return nil }
        var boundary = String(contentType[range.upperBound...])
        if let semicolon = boundary.firstIndex(of: ";") { boundary = String(boundary[..<semicolon]) }
        boundary = boundary.trimmingCharacters(in: CharacterSet(charactersIn: "\" "))
        let delimiter = Array("--\(boundary)".utf8)
        var parts: [Part] = []
        var sections: [[UInt8]] = []
        var start: Int?
        var index = 0
        while index + delimiter.count <= body.count {
            if body[index] == delimiter[0], Array(body[index..<index + delimiter.count]) == delimiter {
                if let begin = start { sections.append(Array(body[begin..<index])) }
                index += delimiter.count
                start = index
            } else {
                index += 1
            }
        }
        for section in sections {
            var bytes = section
            if bytes.starts(with: [13, 10]) { bytes.removeFirst(2) }
            if bytes.count >= 2, bytes.suffix(2) == [13, 10] { bytes.removeLast(2) }
            guard let split = find([13, 10, 13, 10], in: bytes) else { continue }
            let headerText = String(decoding: bytes[..<split], as: UTF8.self)
            var part = Part(name: nil, filename: nil, content: Array(bytes[(split + 4)...]))
            for line in headerText.split(separator: "\r\n") where line.lowercased().hasPrefix("content-disposition") {
                part.name = value(of: "name", in: String(line))
                part.filename = value(of: "filename", in: String(line))
            }
            parts.append(part)
        }
        return parts
    }

    private static func find(_ needle: [UInt8], in haystack: [UInt8]) -> Int? {
        guard haystack.count >= needle.count else { return nil }
        for index in 0...(haystack.count - needle.count) where Array(haystack[index..<index + needle.count]) == needle { return index }
        return nil
    }

    private static func value(of key: String, in line: String) -> String? {
        guard let range = line.range(of: " \(key)=\"") ?? line.range(of: ";\(key)=\"") else { return nil }
        let rest = line[range.upperBound...]
        return rest.firstIndex(of: "\"").map { String(rest[..<$0]) }
    }
}
