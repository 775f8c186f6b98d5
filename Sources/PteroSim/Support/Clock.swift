import Foundation

/// Wall-clock seconds; the living state compares against these.
enum Clock {
    static func now() -> Double { Date().timeIntervalSince1970 }
}
