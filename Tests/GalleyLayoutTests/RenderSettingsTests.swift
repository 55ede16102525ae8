// RenderSettings: every option that changes the output changes the batch's cache key.

import Foundation
import Galley
import GalleyLayout
import GalleyMarkup
import Testing

@Suite("render settings (the batch cache key)")
struct ConvertOptionsCoverageTests {
    func settings(_ change: (inout ConvertOptions) -> Void = { _ in }, template: Template = Template(), formats: [String] = ["pdf"], dpi: Double = 150, emit: [String] = [], version: String = "1") -> RenderSettings {
        var options = ConvertOptions()
        change(&options)
        return RenderSettings(template: template, options: options, formats: formats, dpi: dpi, emit: emit, galleyVersion: version)
    }

    /// A new field of ConvertOptions must be added to RenderSettings (or named here as one
    /// that the input itself decides), or the batch keeps stale files when it changes.
    @Test("every field of ConvertOptions is accounted for")
    func coverage() {
        let fields = Set(Mirror(reflecting: ConvertOptions()).children.compactMap(\.label))
        let inSettings: Set<String> = ["template", "language", "typography", "keepArtefacts", "encoding", "maxInputBytes", "assetsFolder", "maxPages", "pdfStandards"]
        // Per input, from the input's own file name and dump fields (hashed with its content).
        let perInput: Set<String> = ["sourceName", "date"]
        #expect(fields == inSettings.union(perInput), "add the new option to RenderSettings: \(fields.subtracting(inSettings.union(perInput)))")
    }

    @Test("each option changes the fingerprint; the assets folder's path does not (its files do, per article)")
    func fingerprints() {
        let base = settings().fingerprint
        var microtypeOff = Template()
        microtypeOff.microtype = .off
        let changed = [
            settings { $0.language = "en" }, settings { $0.typography = false }, settings { $0.keepArtefacts = true },
            settings { $0.encoding = .windows1251 }, settings { $0.maxInputBytes = 1000 }, settings { $0.maxPages = 3 },
            settings(template: microtypeOff), settings(formats: ["pdf", "png"]), settings(emit: ["layout"]), settings(version: "2"),
            settings { $0.pdfStandards = [.a2b] }, settings { $0.pdfStandards = [.a2b, .ua1] },
        ].map(\.fingerprint)
        #expect(Set(changed).count == changed.count && !changed.contains(base))
        #expect(settings { $0.assetsFolder = "/elsewhere" }.fingerprint == base)
        #expect(settings(dpi: 300).fingerprint == base, "dpi matters only with PNG pages")
        #expect(settings(formats: ["png"]).fingerprint == settings({ $0.pdfStandards = [.ua1] }, formats: ["png"]).fingerprint, "a PDF standard matters only with PDF pages")
        #expect(settings(formats: ["png"], dpi: 300).fingerprint != settings(formats: ["png"]).fingerprint)
    }
}
