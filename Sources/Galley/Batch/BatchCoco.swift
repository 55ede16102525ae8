// The COCO file of a batch, gathered from what the batch folder holds.

import Foundation

/// Gathers a batch's COCO dataset from its output folder.
///
/// The workers write each input's layout JSON beside its PNG pages; the COCO file is made
/// from those files, not from the workers' answers, so that inputs a rerun skips as up to date
/// are in it just as much as the ones it rendered.
public enum BatchCoco {
    public static let fileName = "annotations.coco.json"

    /// The file name for a batch: `annotations.coco.json`, or with `--shard K/N`
    /// `annotations-K-of-N.coco.json`, so that shards sharing a folder keep their own.
    public static func fileName(shard: Shard?) -> String {
        guard let shard else { return fileName }
        return "annotations-\(shard.index)-of-\(shard.count).coco.json"
    }

    /// The dataset of `jobs` (in the order given) from `folder`: each job's
    /// `outputName.layout.json` and `outputName-N.png` pages. A job whose files cannot be read
    /// is left out and named in `problems`.
    public static func gather(_ jobs: [BatchJob], folder: String, dpi: Double, version: String) -> (
        dataset: CocoDataset, problems: [String]
    ) {
        var articles: [CocoDataset.ArticlePages] = []
        var problems: [String] = []
        for job in jobs {
            let layoutPath = (folder as NSString).appendingPathComponent(job.outputName + ".layout.json")
            guard let data = FileManager.default.contents(atPath: layoutPath),
                let layout = try? JSONDecoder().decode(LayoutJSON.self, from: data)
            else {
                problems.append("\(job.key): cannot read \(layoutPath)")
                continue
            }
            let names = OutputFormat.png.fileNames(for: job.outputName, pages: layout.pages.count)
            let images = names.compactMap { name in
                PNGSize(contentsOf: (folder as NSString).appendingPathComponent(name)).map {
                    CocoDataset.PageImage(fileName: name, size: $0)
                }
            }
            guard images.count == layout.pages.count else {
                problems.append("\(job.key): its PNG pages are missing or unreadable in \(folder)")
                continue
            }
            articles.append(CocoDataset.ArticlePages(layout: layout, images: images))
        }
        return (CocoDataset(articles: articles, dpi: dpi, version: version), problems)
    }
}
