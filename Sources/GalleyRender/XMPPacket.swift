// The XMP metadata packet of a PDF: the document information again, as RDF/XML.

/// An XMP packet that agrees with the PDF's document information (PDF/A checks that title,
/// creator tool, producer and dates say the same in both), plus the language and source,
/// and the PDF/A and PDF/UA identification when a standard is claimed. PDF/A-2 accepts only
/// its predefined schemas unless described: the pdfuaid schema comes with its description.
struct XMPPacket {
    let facts: PDFFacts
    let metadata: DocumentMetadata
    let producer: String

    var text: String {
        var fields: [String] = ["<dc:format>application/pdf</dc:format>"]
        if !metadata.title.isEmpty {
            fields.append("<dc:title><rdf:Alt><rdf:li xml:lang=\"x-default\">\(escape(metadata.title))</rdf:li></rdf:Alt></dc:title>")
        }
        if !metadata.subject.isEmpty {
            fields.append("<dc:description><rdf:Alt><rdf:li xml:lang=\"x-default\">\(escape(metadata.subject))</rdf:li></rdf:Alt></dc:description>")
        }
        if !metadata.author.isEmpty {
            fields.append("<dc:creator><rdf:Seq><rdf:li>\(escape(metadata.author))</rdf:li></rdf:Seq></dc:creator>")
        }
        fields.append("<dc:language><rdf:Bag><rdf:li>\(escape(facts.language))</rdf:li></rdf:Bag></dc:language>")
        if !facts.source.isEmpty { fields.append("<dc:source>\(escape(facts.source))</dc:source>") }
        fields.append("<xmp:CreateDate>\(metadata.date)</xmp:CreateDate>")
        fields.append("<xmp:ModifyDate>\(metadata.date)</xmp:ModifyDate>")
        fields.append("<xmp:MetadataDate>\(metadata.date)</xmp:MetadataDate>")
        if !metadata.creator.isEmpty { fields.append("<xmp:CreatorTool>\(escape(metadata.creator))</xmp:CreatorTool>") }
        if !metadata.keywords.isEmpty { fields.append("<pdf:Keywords>\(escape(metadata.keywords))</pdf:Keywords>") }
        if !producer.isEmpty { fields.append("<pdf:Producer>\(escape(producer))</pdf:Producer>") }
        let pdfa = facts.standards.compactMap(\.pdfaConformance).first
        if let conformance = pdfa {
            fields.append("<pdfaid:part>2</pdfaid:part>")
            fields.append("<pdfaid:conformance>\(conformance)</pdfaid:conformance>")
        }
        let ua = facts.standards.contains(.ua1)
        if ua { fields.append("<pdfuaid:part>1</pdfuaid:part>") }
        var descriptions = [
            """
            <rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/" \
            xmlns:xmp="http://ns.adobe.com/xap/1.0/" xmlns:pdf="http://ns.adobe.com/pdf/1.3/" \
            xmlns:pdfaid="http://www.aiim.org/pdfa/ns/id/" xmlns:pdfuaid="http://www.aiim.org/pdfua/ns/id/">
            \(fields.map { "  " + $0 }.joined(separator: "\n"))
            </rdf:Description>
            """
        ]
        if ua && pdfa != nil { descriptions.append(Self.pdfuaidSchema) }
        return """
            <?xpacket begin="\u{FEFF}" id="W5M0MpCehiHzreSzNTczkc9d"?>
            <x:xmpmeta xmlns:x="adobe:ns:meta/">
            <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
            \(descriptions.joined(separator: "\n"))
            </rdf:RDF>
            </x:xmpmeta>
            <?xpacket end="r"?>
            """
    }

    /// The PDF/A extension schema that describes pdfuaid:part.
    static let pdfuaidSchema = """
        <rdf:Description rdf:about="" xmlns:pdfaExtension="http://www.aiim.org/pdfa/ns/extension/" \
        xmlns:pdfaSchema="http://www.aiim.org/pdfa/ns/schema#" xmlns:pdfaProperty="http://www.aiim.org/pdfa/ns/property#">
          <pdfaExtension:schemas><rdf:Bag><rdf:li rdf:parseType="Resource">
            <pdfaSchema:schema>PDF/UA Universal Accessibility Schema</pdfaSchema:schema>
            <pdfaSchema:namespaceURI>http://www.aiim.org/pdfua/ns/id/</pdfaSchema:namespaceURI>
            <pdfaSchema:prefix>pdfuaid</pdfaSchema:prefix>
            <pdfaSchema:property><rdf:Seq><rdf:li rdf:parseType="Resource">
              <pdfaProperty:name>part</pdfaProperty:name>
              <pdfaProperty:valueType>Integer</pdfaProperty:valueType>
              <pdfaProperty:category>internal</pdfaProperty:category>
              <pdfaProperty:description>Indicates, which part of ISO 14289 standard is followed</pdfaProperty:description>
            </rdf:li></rdf:Seq></pdfaSchema:property>
          </rdf:li></rdf:Bag></pdfaExtension:schemas>
        </rdf:Description>
        """

    private func escape(_ s: String) -> String { SVGPostProcessor.escapeXML(s) }
}
