// Geometry in points (1/72 inch), origin at the top left of a page, y growing downwards.

/// A position on a page or inside a frame, in points.
public struct Point: Hashable, Codable, Sendable {
    public var x: Double
    public var y: Double
    public init(x: Double, y: Double) { self.x = x; self.y = y }
    public static let zero = Point(x: 0, y: 0)
    public func offset(by p: Point) -> Point { Point(x: x + p.x, y: y + p.y) }
}

/// A width and height in points.
public struct Size: Hashable, Codable, Sendable {
    public var width: Double
    public var height: Double
    public init(width: Double, height: Double) { self.width = width; self.height = height }
    public static let zero = Size(width: 0, height: 0)
}

/// An axis-aligned rectangle in points.
public struct Rect: Hashable, Codable, Sendable {
    public var origin: Point
    public var size: Size
    public init(origin: Point, size: Size) { self.origin = origin; self.size = size }
    public init(x: Double, y: Double, width: Double, height: Double) {
        self.init(origin: Point(x: x, y: y), size: Size(width: width, height: height))
    }
    public var minX: Double { origin.x }
    public var minY: Double { origin.y }
    public var maxX: Double { origin.x + size.width }
    public var maxY: Double { origin.y + size.height }
    public var width: Double { size.width }
    public var height: Double { size.height }

    /// Whether `other` lies inside this rectangle, allowing `tolerance` points on every side.
    public func contains(_ other: Rect, tolerance: Double = 0.01) -> Bool {
        other.minX >= minX - tolerance && other.minY >= minY - tolerance
            && other.maxX <= maxX + tolerance && other.maxY <= maxY + tolerance
    }
}

/// An sRGB colour with alpha, each component 0...1.
public struct Color: Hashable, Codable, Sendable {
    public var red: Double
    public var green: Double
    public var blue: Double
    public var alpha: Double
    public init(red: Double, green: Double, blue: Double, alpha: Double = 1) {
        self.red = red; self.green = green; self.blue = blue; self.alpha = alpha
    }

    /// A colour from `#rrggbb` or `#rrggbbaa`; nil when the text is not such a colour.
    public init?(hex: String) {
        var digits = Substring(hex)
        if digits.hasPrefix("#") { digits = digits.dropFirst() }
        guard digits.count == 6 || digits.count == 8, let value = UInt64(digits, radix: 16) else { return nil }
        let components = digits.count == 8 ? value : (value << 8) | 0xFF
        red = Double((components >> 24) & 0xFF) / 255
        green = Double((components >> 16) & 0xFF) / 255
        blue = Double((components >> 8) & 0xFF) / 255
        alpha = Double(components & 0xFF) / 255
    }

    public var hex: String {
        func byte(_ v: Double) -> String {
            let s = String(Int((v * 255).rounded()), radix: 16)
            return s.count == 1 ? "0" + s : s
        }
        return "#" + byte(red) + byte(green) + byte(blue) + (alpha < 1 ? byte(alpha) : "")
    }

    /// This colour mixed with white: `amount` 0 keeps it, 1 gives white.
    public func lightened(by amount: Double) -> Color {
        Color(
            red: red + (1 - red) * amount, green: green + (1 - green) * amount,
            blue: blue + (1 - blue) * amount, alpha: alpha)
    }

    public static let black = Color(red: 0, green: 0, blue: 0)
    public static let white = Color(red: 1, green: 1, blue: 1)
}

/// Lengths written with units in templates and on the command line.
public enum Length {
    public static let pointsPerMillimetre = 72.0 / 25.4
    public static func millimetres(_ mm: Double) -> Double { mm * pointsPerMillimetre }
}
