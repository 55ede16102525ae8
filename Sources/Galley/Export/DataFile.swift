// One way to write galley's JSON data files, so that the same data gives the same bytes.

import Foundation

/// The encoding of every JSON file galley writes for people and programs (layout, report,
/// COCO annotations, the batch report): keys sorted, slashes unescaped, pretty-printed unless
/// `compact` (for files that only programs read and that grow large, such as a dataset's).
public enum DataFile {
    public static func encode<Value: Encodable>(_ value: Value, compact: Bool = false) throws -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        if !compact { encoder.outputFormatting.insert(.prettyPrinted) }
        return [UInt8](try encoder.encode(value))
    }
}
