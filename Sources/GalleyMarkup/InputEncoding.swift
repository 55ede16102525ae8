// The name of an input encoding: any that glibc's iconv knows, spelled canonically.

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// An encoding galley can read, by name. Any name `iconv_open` accepts is valid (`iconv -l`
/// lists them); the common ones have a canonical spelling (`utf-8`, `windows-1251`, `koi8-r`,
/// `ibm866`, `iso-8859-5`, `x-mac-cyrillic`, `windows-1252`, …, the WHATWG names) so reports
/// and JSON say the same thing however the user wrote it.
public struct InputEncoding: Hashable, Sendable, CustomStringConvertible {
    /// The canonical name, as reports print it.
    public let name: String
    /// The name handed to `iconv_open`.
    let iconvName: String

    private init(name: String, iconvName: String) {
        self.name = name
        self.iconvName = iconvName
    }

    public var description: String { name }

    public static let utf8 = InputEncoding(name: "utf-8", iconvName: "UTF-8")
    public static let utf16le = InputEncoding(name: "utf-16le", iconvName: "UTF-16LE")
    public static let utf16be = InputEncoding(name: "utf-16be", iconvName: "UTF-16BE")
    public static let windows1251 = InputEncoding(name: "windows-1251", iconvName: "CP1251")
    public static let koi8r = InputEncoding(name: "koi8-r", iconvName: "KOI8-R")
    public static let ibm866 = InputEncoding(name: "ibm866", iconvName: "CP866")
    public static let iso88595 = InputEncoding(name: "iso-8859-5", iconvName: "ISO-8859-5")
    public static let macCyrillic = InputEncoding(name: "x-mac-cyrillic", iconvName: "MACCYRILLIC")
    public static let windows1252 = InputEncoding(name: "windows-1252", iconvName: "CP1252")
    public static let latin1 = InputEncoding(name: "iso-8859-1", iconvName: "ISO-8859-1")

    /// The encodings with a canonical spelling, and the other names people write for them
    /// (compared without case, `-`, `_` or spaces).
    static let known: [(encoding: InputEncoding, aliases: [String])] = [
        (.utf8, ["utf8"]),
        (.utf16le, ["utf16le", "utf16"]),
        (.utf16be, ["utf16be"]),
        (.windows1251, ["windows1251", "cp1251", "win1251", "1251"]),
        (.koi8r, ["koi8r", "koi8"]),
        (.ibm866, ["ibm866", "cp866", "866", "dos866"]),
        (.iso88595, ["iso88595", "cyrillic", "isoir144"]),
        (.macCyrillic, ["xmaccyrillic", "maccyrillic", "maccyr"]),
        (.windows1252, ["windows1252", "cp1252", "win1252"]),
        (.latin1, ["iso88591", "latin1", "l1", "isolatin1"]),
    ]

    /// The encoding a user or uchardet names: a known alias gets its canonical spelling; any
    /// other name is taken when glibc's iconv can open it (`iconv -l`), spelled in lowercase.
    /// Nil when iconv does not know the name.
    public init?(name: String) {
        let key = String(String.UnicodeScalarView(name.lowercased().unicodeScalars.filter { !"-_ ".unicodeScalars.contains($0) }))
        if let entry = Self.known.first(where: { $0.aliases.contains(key) }) {
            self = entry.encoding
            return
        }
        let trimmed = name.trimmingSpaces
        guard !trimmed.isEmpty, !trimmed.contains("/"), Self.iconvKnows(trimmed) else { return nil }
        self.init(name: trimmed.lowercased(), iconvName: trimmed)
    }

    /// Whether iconv can convert from `name` to UTF-8.
    static func iconvKnows(_ name: String) -> Bool {
        let descriptor = iconv_open("UTF-8", name)
        guard descriptor != iconv_t(bitPattern: -1) else { return false }
        iconv_close(descriptor)
        return true
    }

    /// Whether ASCII bytes mean ASCII in this encoding (not so for UTF-16, UTF-32, UTF-7,
    /// EBCDIC…): such files are checked for NUL bytes and control characters before reading.
    var isASCIICompatible: Bool {
        let probe: [UInt8] = Array("Az 09\n".utf8)
        guard let decoded = try? Iconv.decode(probe[...], from: self, lenient: false) else { return false }
        return decoded.text == "Az 09\n"
    }
}

extension String {
    /// The string without leading and trailing spaces and tabs.
    var trimmingSpaces: String {
        let scalars = unicodeScalars.drop { $0 == " " || $0 == "\t" }
        return String(String.UnicodeScalarView(scalars.reversed().drop { $0 == " " || $0 == "\t" }.reversed()))
    }
}
