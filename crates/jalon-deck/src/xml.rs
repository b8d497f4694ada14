//! A zip package written part by part (text is escaped by `jalon_core::xml`).

use std::io::Write;

use zip::write::SimpleFileOptions;

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
