// `galley preview` without --serve: render once into the output folder.

/// Writes the preview's files once, for opening from the file system.
public enum StaticPreview {
    /// Renders every input on the calling thread and writes the files; returns the site so
    /// the caller can print diagnostics and pick the exit status.
    public static func build(_ configuration: PreviewConfiguration) throws -> (site: PreviewSite, notices: [String]) {
        let renderer = PreviewRenderer(configuration: configuration)
        let site = renderer.render()
        try site.write(to: configuration.outputFolder)
        return (site, renderer.notices)
    }
}
