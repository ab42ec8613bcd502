//! Provenance written into every delivered image: its prompt, model, job id and the words
//! "AI-generated", so a file saved and shared elsewhere still says what it is and where it came from.
//!
//! PNG gets `iTXt` chunks (readable by any PNG tool) plus an XMP packet; JPEG an XMP `APP1` segment;
//! WebP an `XMP ` chunk (turning a simple file into the extended format). The pixels are never touched,
//! and it is applied after an image is re-encoded to fit Discord, so a re-encode never loses it.
//!
//! Whatever the provider wrote into the file is removed first: ComfyUI's `prompt` and `workflow` text
//! (the server's whole filled graph: checkpoints, file names, the negative prompt, the seed),
//! AUTOMATIC1111's `parameters`, EXIF and XMP. Members get Easel's provenance, which shows only what a
//! member may see, on every backend.

/// What an image is marked with.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Provenance {
    /// The prompt as the member wrote it (or the instruction of an edit).
    pub prompt: String,
    /// The catalogue's model id.
    pub model: String,
    /// The job's id.
    pub job: String,
}

/// The mark every image carries.
pub const AI_GENERATED: &str = "AI-generated";
/// IPTC's term for media made by a trained model.
const DIGITAL_SOURCE_TYPE: &str = "http://cv.iptc.org/newscodes/digitalsourcetype/trainedAlgorithmicMedia";
/// The most prompt characters written (a JPEG segment holds at most 64 KB).
const MAX_PROMPT_CHARS: usize = 8000;
const XMP_KEYWORD: &str = "XML:com.adobe.xmp";
const JPEG_XMP_HEADER: &[u8] = b"http://ns.adobe.com/xap/1.0/\0";

/// The most bytes [`stamp`] adds for `provenance`: an image is fitted under the upload limit less this,
/// so the mark never pushes it over.
pub fn overhead(provenance: &Provenance) -> u64 {
    let xmp = xmp(provenance).len() as u64;
    let fields = (prompt_of(provenance).len() + provenance.model.len() * 2 + provenance.job.len() * 2) as u64;
    xmp + fields + 512
}

/// Marks encoded image `bytes` (PNG, JPEG or WebP, by `extension`); other formats, or bytes that are
/// not laid out as their format says, come back unchanged.
pub fn stamp(bytes: Vec<u8>, extension: &str, provenance: &Provenance) -> Vec<u8> {
    let stamped = match extension {
        "png" => stamp_png(&bytes, provenance),
        "jpg" | "jpeg" => stamp_jpeg(&bytes, provenance),
        "webp" => stamp_webp(&bytes, provenance),
        _ => None,
    };
    stamped.unwrap_or(bytes)
}

fn prompt_of(provenance: &Provenance) -> String {
    provenance.prompt.chars().take(MAX_PROMPT_CHARS).collect()
}

/// The XMP packet: description, tool, IPTC digital source type, and Easel's own fields.
pub fn xmp(provenance: &Provenance) -> String {
    let e = escape;
    format!(
        "<?xpacket begin=\"\u{feff}\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\
<x:xmpmeta xmlns:x=\"adobe:ns:meta/\"><rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\
<rdf:Description rdf:about=\"\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:xmp=\"http://ns.adobe.com/xap/1.0/\" \
xmlns:Iptc4xmpExt=\"http://iptc.org/std/Iptc4xmpExt/2008-02-29/\" xmlns:easel=\"https://easel.invalid/ns/1.0/\">\
<dc:description><rdf:Alt><rdf:li xml:lang=\"x-default\">{}</rdf:li></rdf:Alt></dc:description>\
<xmp:CreatorTool>Easel</xmp:CreatorTool>\
<Iptc4xmpExt:DigitalSourceType>{DIGITAL_SOURCE_TYPE}</Iptc4xmpExt:DigitalSourceType>\
<easel:Notice>{AI_GENERATED}</easel:Notice><easel:Model>{}</easel:Model><easel:Job>{}</easel:Job>\
</rdf:Description></rdf:RDF></x:xmpmeta><?xpacket end=\"w\"?>",
        e(&prompt_of(provenance)),
        e(&provenance.model),
        e(&provenance.job)
    )
}

fn escape(text: &str) -> String {
    text.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;")
}

fn stamp_png(bytes: &[u8], provenance: &Provenance) -> Option<Vec<u8>> {
    const SIGNATURE: &[u8] = b"\x89PNG\r\n\x1a\n";
    if !bytes.starts_with(SIGNATURE) {
        return None;
    }
    let bytes = &without_png_text(bytes)?;
    let iend = png_chunk_offset(bytes, b"IEND")?;
    let entries = [
        ("Description", prompt_of(provenance)),
        ("Comment", format!("{AI_GENERATED} by {} (Easel job {})", provenance.model, provenance.job)),
        ("Software", "Easel".to_owned()),
        ("Model", provenance.model.clone()),
        ("Job", provenance.job.clone()),
        (XMP_KEYWORD, xmp(provenance)),
    ];
    let mut out = Vec::with_capacity(bytes.len() + 4096);
    out.extend_from_slice(&bytes[..iend]);
    for (keyword, text) in entries {
        let mut data = Vec::with_capacity(keyword.len() + text.len() + 5);
        data.extend_from_slice(keyword.as_bytes());
        data.extend_from_slice(&[0, 0, 0, 0, 0]); // end of keyword, uncompressed, method, no language, no translation
        data.extend_from_slice(text.as_bytes());
        push_png_chunk(&mut out, b"iTXt", &data);
    }
    out.extend_from_slice(&bytes[iend..]);
    Some(out)
}

/// A PNG without its text and metadata chunks (`tEXt`, `zTXt`, `iTXt`, `eXIf`): what a provider wrote.
fn without_png_text(bytes: &[u8]) -> Option<Vec<u8>> {
    let mut out = bytes.get(..8)?.to_vec();
    let mut at = 8;
    while at + 12 <= bytes.len() {
        let length = u32::from_be_bytes(bytes[at..at + 4].try_into().ok()?) as usize;
        let end = at.checked_add(12)?.checked_add(length)?;
        let chunk = bytes.get(at..end)?;
        if !matches!(&chunk[4..8], b"tEXt" | b"zTXt" | b"iTXt" | b"eXIf") {
            out.extend_from_slice(chunk);
        }
        at = end;
    }
    Some(out)
}

/// The offset of the first chunk of `kind`, walking the chunk list from the signature.
fn png_chunk_offset(bytes: &[u8], kind: &[u8; 4]) -> Option<usize> {
    let mut at = 8;
    while at + 12 <= bytes.len() {
        let length = u32::from_be_bytes(bytes[at..at + 4].try_into().ok()?) as usize;
        if &bytes[at + 4..at + 8] == kind {
            return Some(at);
        }
        at = at.checked_add(12)?.checked_add(length)?;
    }
    None
}

fn push_png_chunk(out: &mut Vec<u8>, kind: &[u8; 4], data: &[u8]) {
    out.extend_from_slice(&(data.len() as u32).to_be_bytes());
    let mut crc = crc32fast::Hasher::new();
    crc.update(kind);
    crc.update(data);
    out.extend_from_slice(kind);
    out.extend_from_slice(data);
    out.extend_from_slice(&crc.finalize().to_be_bytes());
}

/// A JPEG without its EXIF, XMP, IPTC (`APP1`, `APP13`) and comment segments: what a provider wrote.
/// Segments are walked up to the start of the image data; the rest is copied as it is.
fn without_jpeg_metadata(bytes: &[u8]) -> Option<Vec<u8>> {
    let mut out = bytes.get(..2)?.to_vec();
    let mut at = 2;
    loop {
        let marker = *bytes.get(at + 1)?;
        if *bytes.get(at)? != 0xFF || marker == 0xDA || !(0xC0..=0xFE).contains(&marker) {
            out.extend_from_slice(&bytes[at..]);
            return Some(out);
        }
        let length = u16::from_be_bytes(bytes.get(at + 2..at + 4)?.try_into().ok()?) as usize;
        let end = at.checked_add(2)?.checked_add(length)?;
        let segment = bytes.get(at..end)?;
        if !matches!(marker, 0xE1 | 0xED | 0xFE) {
            out.extend_from_slice(segment);
        }
        at = end;
    }
}

fn stamp_jpeg(bytes: &[u8], provenance: &Provenance) -> Option<Vec<u8>> {
    if !bytes.starts_with(&[0xFF, 0xD8]) {
        return None;
    }
    let bytes = &without_jpeg_metadata(bytes)?;
    let mut payload = JPEG_XMP_HEADER.to_vec();
    payload.extend_from_slice(xmp(provenance).as_bytes());
    let length = u16::try_from(payload.len() + 2).ok()?;
    // After the JFIF APP0 segment when there is one (it must come first), else right after SOI.
    let mut at = 2;
    if bytes.get(2..4) == Some(&[0xFF, 0xE0]) {
        let app0 = u16::from_be_bytes(bytes.get(4..6)?.try_into().ok()?) as usize;
        at = 4 + app0;
    }
    if at > bytes.len() {
        return None;
    }
    let mut out = Vec::with_capacity(bytes.len() + payload.len() + 4);
    out.extend_from_slice(&bytes[..at]);
    out.extend_from_slice(&[0xFF, 0xE1]);
    out.extend_from_slice(&length.to_be_bytes());
    out.extend_from_slice(&payload);
    out.extend_from_slice(&bytes[at..]);
    Some(out)
}

fn stamp_webp(bytes: &[u8], provenance: &Provenance) -> Option<Vec<u8>> {
    if bytes.len() < 20 || &bytes[..4] != b"RIFF" || &bytes[8..12] != b"WEBP" {
        return None;
    }
    let first = &bytes[12..16];
    let mut out = bytes[..12].to_vec();
    match first {
        b"VP8X" => {
            // The provider's EXIF and XMP go; Easel's XMP is added below.
            let mut at = 12;
            while at + 8 <= bytes.len() {
                let size = u32::from_le_bytes(bytes[at + 4..at + 8].try_into().ok()?) as usize;
                let end = (at + 8).checked_add(size + size % 2)?.min(bytes.len());
                if !matches!(&bytes[at..at + 4], b"EXIF" | b"XMP ") {
                    out.extend_from_slice(&bytes[at..end]);
                }
                at = end;
            }
            out[20] = (out[20] | 0x04) & !0x08; // the XMP flag on, the EXIF flag off
        }
        b"VP8 " | b"VP8L" => {
            let (width, height, alpha) = webp_canvas(bytes)?;
            let mut vp8x = vec![0x04 | if alpha { 0x10 } else { 0 }, 0, 0, 0];
            vp8x.extend_from_slice(&(width - 1).to_le_bytes()[..3]);
            vp8x.extend_from_slice(&(height - 1).to_le_bytes()[..3]);
            push_riff_chunk(&mut out, b"VP8X", &vp8x);
            out.extend_from_slice(&bytes[12..]);
        }
        _ => return None,
    }
    push_riff_chunk(&mut out, b"XMP ", xmp(provenance).as_bytes());
    let riff_size = u32::try_from(out.len() - 8).ok()?;
    out[4..8].copy_from_slice(&riff_size.to_le_bytes());
    Some(out)
}

/// Width, height and whether it has alpha, read from a simple WebP's bitstream header.
fn webp_canvas(bytes: &[u8]) -> Option<(u32, u32, bool)> {
    let data = bytes.get(20..)?;
    match &bytes[12..16] {
        b"VP8L" => {
            let bits = u32::from_le_bytes(data.get(1..5)?.try_into().ok()?);
            Some(((bits & 0x3FFF) + 1, ((bits >> 14) & 0x3FFF) + 1, bits >> 28 & 1 == 1))
        }
        _ => {
            // VP8: a 3-byte frame tag, the start code 9d 01 2a, then 14-bit width and height.
            if data.get(3..6)? != [0x9D, 0x01, 0x2A] {
                return None;
            }
            let width = u32::from(u16::from_le_bytes(data.get(6..8)?.try_into().ok()?) & 0x3FFF);
            let height = u32::from(u16::from_le_bytes(data.get(8..10)?.try_into().ok()?) & 0x3FFF);
            Some((width, height, false))
        }
    }
}

fn push_riff_chunk(out: &mut Vec<u8>, kind: &[u8; 4], data: &[u8]) {
    out.extend_from_slice(kind);
    out.extend_from_slice(&(data.len() as u32).to_le_bytes());
    out.extend_from_slice(data);
    if data.len() % 2 == 1 {
        out.push(0);
    }
}

/// The `iTXt` entries of a PNG (keyword, text), for checks and tools.
pub fn png_text(bytes: &[u8]) -> Vec<(String, String)> {
    let mut entries = Vec::new();
    let mut at = 8;
    while at + 12 <= bytes.len() {
        let length = u32::from_be_bytes([bytes[at], bytes[at + 1], bytes[at + 2], bytes[at + 3]]) as usize;
        let Some(data) = bytes.get(at + 8..at + 8 + length) else { break };
        if &bytes[at + 4..at + 8] == b"iTXt" {
            if let Some(keyword_end) = data.iter().position(|b| *b == 0) {
                let keyword = String::from_utf8_lossy(&data[..keyword_end]).into_owned();
                // Skip the flags, method, language and translated keyword (each NUL-terminated).
                let mut rest = &data[keyword_end + 3..];
                for _ in 0..2 {
                    let end = rest.iter().position(|b| *b == 0).unwrap_or(rest.len());
                    rest = rest.get(end + 1..).unwrap_or_default();
                }
                entries.push((keyword, String::from_utf8_lossy(rest).into_owned()));
            }
        }
        at += 12 + length;
    }
    entries
}

#[cfg(test)]
mod tests {
    use std::io::Cursor;

    use image::{DynamicImage, ImageFormat, RgbaImage};

    use super::*;

    fn provenance() -> Provenance {
        Provenance { prompt: "a fox <in> \"snow\" & ice".into(), model: "gpt-image-2".into(), job: "123".into() }
    }

    fn encoded(format: ImageFormat, alpha: bool) -> Vec<u8> {
        let img = RgbaImage::from_fn(40, 30, |x, y| image::Rgba([x as u8 * 6, y as u8 * 8, 90, 200]));
        let img = if alpha {
            DynamicImage::ImageRgba8(img)
        } else {
            DynamicImage::ImageRgb8(DynamicImage::ImageRgba8(img).to_rgb8())
        };
        let mut out = Cursor::new(Vec::new());
        img.write_to(&mut out, format).unwrap();
        out.into_inner()
    }

    fn still_decodes(bytes: &[u8], format: ImageFormat) {
        let img = image::load_from_memory_with_format(bytes, format).unwrap();
        assert_eq!((img.width(), img.height()), (40, 30));
    }

    #[test]
    fn a_png_carries_prompt_model_job_and_the_mark_and_still_decodes() {
        let stamped = stamp(encoded(ImageFormat::Png, true), "png", &provenance());
        still_decodes(&stamped, ImageFormat::Png);
        let text = png_text(&stamped);
        let get = |k: &str| text.iter().find(|(key, _)| key == k).map(|(_, v)| v.clone()).unwrap();
        assert_eq!(get("Description"), "a fox <in> \"snow\" & ice");
        assert_eq!((get("Model"), get("Job")), ("gpt-image-2".into(), "123".into()));
        assert!(get("Comment").starts_with(AI_GENERATED));
        assert!(get(XMP_KEYWORD).contains("a fox &lt;in&gt; &quot;snow&quot; &amp; ice"));
    }

    #[test]
    fn jpeg_and_webp_carry_an_xmp_packet_and_still_decode() {
        for (format, extension, alpha) in
            [(ImageFormat::Jpeg, "jpg", false), (ImageFormat::WebP, "webp", true), (ImageFormat::WebP, "webp", false)]
        {
            let stamped = stamp(encoded(format, alpha), extension, &provenance());
            still_decodes(&stamped, format);
            let text = String::from_utf8_lossy(&stamped);
            assert!(text.contains("<easel:Notice>AI-generated</easel:Notice>"), "{extension}");
            assert!(text.contains("<easel:Job>123</easel:Job>") && text.contains("trainedAlgorithmicMedia"));
        }
    }

    /// A PNG with a `tEXt` chunk `keyword`: `text` after its header, as ComfyUI and AUTOMATIC1111 write.
    fn with_png_text(bytes: &[u8], keyword: &str, text: &str) -> Vec<u8> {
        let mut data = keyword.as_bytes().to_vec();
        data.push(0);
        data.extend_from_slice(text.as_bytes());
        let mut out = bytes[..33].to_vec(); // the signature and IHDR
        push_png_chunk(&mut out, b"tEXt", &data);
        out.extend_from_slice(&bytes[33..]);
        out
    }

    #[test]
    fn what_the_provider_wrote_into_the_file_is_gone_and_easels_mark_stays() {
        let comfy =
            with_png_text(&encoded(ImageFormat::Png, true), "prompt", r#"{"3": {"ckpt_name": "secret.safetensors"}}"#);
        let a1111 = with_png_text(&comfy, "parameters", "a fox\nNegative prompt: hidden words, Seed: 42");
        still_decodes(&a1111, ImageFormat::Png);
        let stamped = stamp(a1111, "png", &provenance());
        still_decodes(&stamped, ImageFormat::Png);
        let shown = String::from_utf8_lossy(&stamped);
        assert!(
            !shown.contains("secret.safetensors") && !shown.contains("hidden words"),
            "the provider's text is gone"
        );
        assert!(png_text(&stamped).iter().any(|(k, _)| k == "Description"), "Easel's own stays");

        let jpeg = encoded(ImageFormat::Jpeg, false);
        let mut exif = b"Exif\0\0UserComment: Steps: 20, Sampler: Euler, hidden words".to_vec();
        let mut with_exif = jpeg[..2].to_vec();
        with_exif.extend_from_slice(&[0xFF, 0xE1]);
        with_exif.extend_from_slice(&((exif.len() + 2) as u16).to_be_bytes());
        with_exif.append(&mut exif);
        with_exif.extend_from_slice(&[0xFF, 0xFE, 0x00, 0x0E]);
        with_exif.extend_from_slice(b"hidden words");
        with_exif.extend_from_slice(&jpeg[2..]);
        still_decodes(&with_exif, ImageFormat::Jpeg);
        let stamped = stamp(with_exif, "jpg", &provenance());
        still_decodes(&stamped, ImageFormat::Jpeg);
        let shown = String::from_utf8_lossy(&stamped);
        assert!(!shown.contains("hidden words") && shown.contains("<easel:Job>123</easel:Job>"));
    }

    #[test]
    fn bytes_that_are_not_what_they_claim_come_back_unchanged() {
        assert_eq!(stamp(b"not a png".to_vec(), "png", &provenance()), b"not a png");
        assert_eq!(
            stamp(vec![0xFF, 0xD8, 0xFF, 0xE0, 0xFF, 0xFF], "jpg", &provenance()),
            [0xFF, 0xD8, 0xFF, 0xE0, 0xFF, 0xFF]
        );
    }
}
