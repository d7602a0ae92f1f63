import Foundation

/// An inline SVG world map (equirectangular: x is longitude, y is latitude, one unit a degree)
/// with a dot per place at its gazetteer coordinates, its area growing with its mentions.
///
/// The land is a hand-simplified outline of a few hundred points, enough to tell where a dot
/// is without tiles or any file beside the page. A country's dot sits at its capital, as the
/// gazetteer places it.
struct PlaceMap {
    struct Place {
        var name: String
        var latitude: Double
        var longitude: Double
        var mentions: Int
    }

    /// Most mentioned first; they are drawn last-first so small dots stay on top.
    let places: [Place]
    /// How many get a name printed beside the dot (all have a tooltip).
    var labelled = 12

    func svg() -> String {
        var out = "<svg class=\"map\" viewBox=\"0 5 360 150\" role=\"img\" aria-label=\"Places mentioned, on a world map\">"
        out += "<rect class=\"sea\" width=\"360\" height=\"180\"/>"
        out += "<g class=\"grid\">"
        for longitude in stride(from: -150, through: 150, by: 30) { out += "<line x1=\"\(longitude + 180)\" y1=\"0\" x2=\"\(longitude + 180)\" y2=\"180\"/>" }
        for latitude in stride(from: -60, through: 60, by: 30) { out += "<line x1=\"0\" y1=\"\(90 - latitude)\" x2=\"360\" y2=\"\(90 - latitude)\"/>" }
        out += "</g><g class=\"land\">"
        for outline in Self.land {
            let points = stride(from: 0, to: outline.count - 1, by: 2).map { "\(Self.number(outline[$0] + 180)),\(Self.number(90 - outline[$0 + 1]))" }
            out += "<polygon points=\"\(points.joined(separator: " "))\"/>"
        }
        out += "</g><g class=\"dots\">"
        let most = Double(places.map(\.mentions).max() ?? 1)
        for (rank, place) in places.enumerated().reversed() {
            let x = Self.number(max(-180, min(180, place.longitude)) + 180)
            let y = Self.number(90 - max(-90, min(90, place.latitude)))
            let radius = Self.number(1.2 + 4.8 * (Double(max(place.mentions, 1)) / most).squareRoot())
            let tooltip = "\(place.name): \(place.mentions) mention\(place.mentions == 1 ? "" : "s")"
            out += "<circle cx=\"\(x)\" cy=\"\(y)\" r=\"\(radius)\"><title>\(HTML.text(tooltip))</title></circle>"
            if rank < labelled {
                out += "<text x=\"\(x)\" y=\"\(y)\" dx=\"\(radius)\" dy=\"-1\">\(HTML.text(place.name))</text>"
            }
        }
        out += "</g></svg>"
        return out
    }

    /// Places at the same point (a country and its capital, the gazetteer puts both there)
    /// become one dot named after both, with their mentions added; most mentioned first.
    static func merged(_ places: [Place]) -> [Place] {
        var order: [String] = []
        var byPoint: [String: Place] = [:]
        for place in places {
            let key = String(format: "%.1f,%.1f", place.latitude, place.longitude)
            if var existing = byPoint[key] {
                existing.name += ", " + place.name
                existing.mentions += place.mentions
                byPoint[key] = existing
            } else {
                order.append(key)
                byPoint[key] = place
            }
        }
        return order.compactMap { byPoint[$0] }.sorted { ($0.mentions, $1.name) > ($1.mentions, $0.name) }
    }

    private static func number(_ value: Double) -> String {
        String(format: "%.1f", value)
    }

    /// Coarse land outlines as longitude, latitude pairs, drawn by hand from an atlas.
    static let land: [[Double]] = [
        // North and Central America
        [-168, 66, -162, 70, -156, 71, -140, 70, -128, 70, -115, 68, -95, 72, -80, 73, -68, 66, -62, 58, -56, 52, -66, 45,
         -70, 41, -76, 35, -81, 31, -80, 25, -83, 29, -90, 30, -97, 27, -97, 22, -92, 18, -87, 21, -88, 16, -83, 10, -79, 9,
         -78, 7, -83, 8, -86, 12, -92, 14, -97, 16, -105, 20, -110, 24, -112, 30, -114, 30, -110, 23, -117, 32, -122, 37,
         -124, 42, -124, 48, -130, 54, -137, 58, -148, 60, -153, 57, -165, 54, -158, 58, -164, 60, -166, 64],
        // Greenland
        [-73, 78, -60, 82, -30, 83, -20, 80, -20, 70, -40, 65, -44, 60, -52, 64, -55, 70, -68, 76],
        // South America
        [-78, 8, -72, 12, -62, 11, -52, 5, -50, 0, -44, -2, -35, -6, -38, -13, -41, -22, -48, -26, -53, -33, -58, -38,
         -62, -40, -65, -46, -68, -52, -72, -54, -74, -50, -73, -40, -71, -30, -70, -18, -76, -14, -81, -6, -80, 0, -77, 4],
        // Europe and Asia
        [-10, 36, -9, 43, -2, 44, -5, 48, 2, 51, 8, 54, 10, 57, 5, 58, 5, 62, 14, 67, 20, 70, 28, 71, 40, 67, 45, 68, 60, 69,
         70, 73, 80, 73, 100, 77, 112, 74, 130, 71, 140, 72, 160, 70, 180, 69, 180, 65, 172, 64, 178, 62, 163, 60, 156, 51,
         156, 57, 162, 60, 150, 59, 142, 53, 140, 48, 135, 43, 130, 42, 127, 38, 126, 35, 121, 40, 122, 37, 119, 35, 121, 31,
         122, 28, 117, 23, 110, 21, 106, 18, 109, 12, 105, 9, 100, 13, 98, 8, 103, 1, 100, 6, 98, 16, 94, 17, 92, 22, 88, 22,
         80, 15, 78, 8, 73, 18, 72, 21, 67, 25, 57, 25, 56, 27, 51, 27, 48, 30, 50, 25, 56, 24, 60, 22, 58, 18, 52, 16, 45, 13,
         43, 15, 38, 21, 35, 28, 33, 31, 36, 36, 30, 36, 26, 38, 27, 40, 22, 40, 24, 38, 22, 37, 19, 42, 14, 45, 12, 44, 16, 40,
         18, 40, 15, 38, 11, 42, 8, 44, 3, 43, 0, 39, -2, 37, -6, 36],
        // Africa
        [-17, 21, -10, 30, -6, 36, 10, 37, 11, 33, 20, 31, 25, 32, 32, 31, 35, 28, 38, 18, 43, 12, 51, 12, 44, 4, 40, -3,
         40, -15, 35, -24, 33, -28, 27, -34, 20, -35, 17, -29, 12, -17, 14, -10, 9, -1, 9, 4, 4, 6, -3, 5, -8, 4, -13, 8, -17, 14],
        // Australia
        [114, -22, 122, -18, 130, -12, 137, -12, 136, -15, 141, -11, 145, -15, 153, -25, 150, -37, 144, -38, 138, -35, 132, -32,
         124, -34, 115, -34],
        // Great Britain, Ireland, Iceland
        [-5, 50, 1, 51, 2, 53, -2, 56, -2, 58, -5, 58, -6, 55, -3, 54, -5, 52],
        [-10, 52, -6, 52, -6, 55, -8, 55],
        [-24, 64, -14, 64, -14, 66, -22, 66],
        // Japan, Sumatra, Borneo, New Guinea, Madagascar, New Zealand
        [130, 31, 135, 34, 140, 35, 142, 39, 141, 45, 145, 44, 140, 41, 136, 37, 131, 34],
        [95, 5, 106, -6, 102, -4],
        [109, 2, 117, 7, 119, 1, 116, -4, 110, -3],
        [131, -1, 141, -3, 150, -10, 141, -9, 138, -8],
        [44, -25, 50, -15, 49, -12, 44, -16],
        [172, -34, 178, -38, 174, -41, 167, -46, 170, -46, 174, -41],
    ]
}
