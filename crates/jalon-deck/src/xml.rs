//! Text escaped for XML, and a zip package written part by part.

use std::io::Write;

use zip::write::SimpleFileOptions;

/// Escapes text for an element's content or an attribute (double-quoted). Characters XML 1.0
/// forbids (control characters other than tab and line breaks) are dropped.
pub fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\t' | '\n' | '\r' => out.push(c),
            c if (c as u32) < 0x20 || c == '\u{fffe}' || c == '\u{ffff}' => {}
            c => out.push(c),
        }
    }
    out
}

/// A zip package being written in memory.
pub struct Package {
    zip: zip::ZipWriter<std::io::Cursor<Vec<u8>>>,
}

impl Package {
    pub fn new() -> Package {
        Package {
            zip: zip::ZipWriter::new(std::io::Cursor::new(Vec::new())),
        }
    }

    /// A part stored as is (ODF's `mimetype` must be the first entry, uncompressed).
    pub fn stored(&mut self, name: &str, bytes: &[u8]) -> crate::Result<()> {
        let opts = SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
        self.zip.start_file(name, opts)?;
        self.zip.write_all(bytes)?;
        Ok(())
    }

    pub fn deflated(&mut self, name: &str, bytes: &[u8]) -> crate::Result<()> {
        let opts =
            SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated);
        self.zip.start_file(name, opts)?;
        self.zip.write_all(bytes)?;
        Ok(())
    }

    pub fn finish(self) -> crate::Result<Vec<u8>> {
        Ok(self.zip.finish()?.into_inner())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_and_forbidden_characters_are_escaped() {
        assert_eq!(
            esc("a < b & \"c\" >\u{1}d"),
            "a &lt; b &amp; &quot;c&quot; &gt;d"
        );
        assert_eq!(esc("Line\nnext\ttab"), "Line\nnext\ttab");
    }
}
