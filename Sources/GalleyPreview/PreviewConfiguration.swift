// What the command line hands the preview: the input, the output folder and the settings.

import Foundation
import Galley
import GalleyLayout

/// The settings of a preview, Sendable so that the render thread can own its own copy.
public struct PreviewConfiguration: Sendable {
    /// An article file or a folder of `*.txt` articles.
    public var input: String
    /// Where the files are written (default `output/preview`).
    public var outputFolder: String
    public var options: ConvertOptions
    /// The template as loaded at start.
    public var template: Template
    /// The template's file when it is one (watched for changes); nil for a built-in template.
    public var templateFile: String?
    /// Loads the template again after its file changed; throws a message to show.
    public var reloadTemplate: @Sendable () throws -> Template

    public init(
        input: String, outputFolder: String, options: ConvertOptions, template: Template, templateFile: String?,
        reloadTemplate: @escaping @Sendable () throws -> Template
    ) {
        self.input = input
        self.outputFolder = outputFolder
        self.options = options
        self.template = template
        self.templateFile = templateFile
        self.reloadTemplate = reloadTemplate
    }

    /// The folder of real media for an input file: `--assets`, else `assets/` beside it.
    func assetsFolder(for path: String) -> String {
        if let folder = options.assetsFolder { return folder }
        let parent = (path as NSString).deletingLastPathComponent
        return (parent.isEmpty ? "." : parent) + "/assets"
    }
}
