#!/usr/bin/env python3
"""Reads a galley PDF back with pikepdf and five text readers; prints JSON facts for the tests.
usage: inspect_pdf.py OUT.pdf
Facts: catalog (/Lang, /MarkInfo, DisplayDocTitle), structure element counts, Figure /Alt and
each element's own /Lang (in tree order),
/Artifact sequences and drawing operators outside any marked content,
XMP fields (dc:title, dc:language, pdfaid, pdfuaid), output intents, fonts without an embedded
font program, and each reader's text (poppler, pdfminer, pypdf, MuPDF, PDFium)."""
import json, subprocess, sys
import pikepdf

def structure(root):
    counts, alts, langs, seen = {}, [], [], set()
    def walk(node, depth):
        if depth > 64 or not isinstance(node, pikepdf.Dictionary): return
        if node.objgen != (0, 0):
            if node.objgen in seen: return
            seen.add(node.objgen)
        s = node.get("/S")
        if s is not None:
            name = str(s)[1:]
            counts[name] = counts.get(name, 0) + 1
            if name == "Figure": alts.append(str(node.get("/Alt", "")))
            if "/Lang" in node: langs.append([name, str(node.Lang)])
        kids = node.get("/K")
        if isinstance(kids, pikepdf.Array):
            for kid in kids: walk(kid, depth + 1)
        else:
            walk(kids, depth + 1)
    tree = root.get("/StructTreeRoot")
    if tree is not None: walk(tree, 0)
    return counts, alts, langs

def unembedded_fonts(pdf):
    missing = set()
    for page in pdf.pages:
        fonts = page.obj.get("/Resources", {}).get("/Font", {})
        for name, font in fonts.items():
            for f in [font] + list(font.get("/DescendantFonts", [])):
                if f.get("/Subtype") == "/Type3": continue
                desc = f.get("/FontDescriptor")
                if desc is None:
                    if f.get("/Subtype") != "/Type0": missing.add(str(f.get("/BaseFont")))
                    continue
                if not any(k in desc for k in ("/FontFile", "/FontFile2", "/FontFile3")):
                    missing.add(str(f.get("/BaseFont")))
    return sorted(missing)

def marked_content(pdf):
    """(artifacts, drawing operators outside any marked content) over all pages."""
    artifacts = untagged = 0
    painting = {"Tj", "TJ", "'", '"', "f", "f*", "F", "S", "s", "B", "B*", "b", "b*", "Do", "sh", "BI"}
    for page in pdf.pages:
        depth = 0
        for operands, operator in pikepdf.parse_content_stream(page):
            op = str(operator)
            if op in ("BMC", "BDC"):
                depth += 1
                if operands and str(operands[0]) == "/Artifact": artifacts += 1
            elif op == "EMC":
                depth -= 1
            elif op in painting and depth == 0:
                untagged += 1
    return artifacts, untagged

def readers(path):
    import pdfplumber, pypdf, pymupdf, pypdfium2
    out = {"poppler": subprocess.run(["pdftotext", "-enc", "UTF-8", path, "-"], capture_output=True, text=True).stdout}
    with pdfplumber.open(path) as d: out["pdfminer"] = "\n".join(p.extract_text() or "" for p in d.pages)
    out["pypdf"] = "\n".join(p.extract_text() or "" for p in pypdf.PdfReader(path).pages)
    with pymupdf.open(path) as d: out["mupdf"] = "\n".join(p.get_text() for p in d)
    d = pypdfium2.PdfDocument(path)
    out["pdfium"] = "\n".join(d[i].get_textpage().get_text_range() for i in range(len(d))).replace("\r", "")
    return out

def main(path):
    pdf = pikepdf.open(path)
    root = pdf.Root
    counts, alts, langs = structure(root)
    facts = {
        "lang": str(root.get("/Lang", "")),
        "marked": bool(root.get("/MarkInfo", {}).get("/Marked", False)),
        "displayDocTitle": bool(root.get("/ViewerPreferences", {}).get("/DisplayDocTitle", False)),
        "structure": counts, "figureAlt": alts, "elementLanguages": langs,
        "unembeddedFonts": unembedded_fonts(pdf),
        "outputIntents": [
            {"s": str(oi.get("/S")), "profileComponents": int(oi.DestOutputProfile.get("/N", 0)) if "/DestOutputProfile" in oi else 0,
             "profileBytes": len(oi.DestOutputProfile.read_bytes()) if "/DestOutputProfile" in oi else 0}
            for oi in root.get("/OutputIntents", [])],
    }
    facts["artifacts"], facts["untaggedOperators"] = marked_content(pdf)
    with pdf.open_metadata() as meta:
        facts["xmp"] = {k: str(meta.get(k, "")) for k in
            ("dc:title", "dc:language", "dc:source", "pdfaid:part", "pdfaid:conformance", "pdfuaid:part", "xmp:CreateDate", "pdf:Producer")}
    facts["readers"] = readers(path)
    print(json.dumps(facts, ensure_ascii=False))

if __name__ == "__main__":
    if len(sys.argv) != 2: print(__doc__); sys.exit(2)
    main(sys.argv[1])
