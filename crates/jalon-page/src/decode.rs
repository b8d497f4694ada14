//! A page's bytes as text. Pages come from browsers and from older Windows tools: UTF-8 (with
//! or without a byte-order mark), UTF-16 with its byte-order mark, or Windows-1252 (which
//! Latin-1 text reads as too). Anything else, a binary file for instance, is refused rather
//! than read as garbage.

use encoding_rs::{UTF_16BE, UTF_16LE, WINDOWS_1252};

use jalon_core::error::{Error, Result};

/// The largest page or document Jalon reads: far above any real strategy (the published
/// dashboard of 46 objectives is about 40 kB), and small enough that a wrong file is refused
/// before it is parsed.
pub const MAX_INPUT_BYTES: usize = 16 * 1024 * 1024;

/// Refuses an input above `MAX_INPUT_BYTES`.
pub fn check_size(len: usize) -> Result<()> {
    if len > MAX_INPUT_BYTES {
        return Err(Error::TooLarge {
            size: len as u64,
            limit: MAX_INPUT_BYTES as u64,
        });
    }
    Ok(())
}

/// Decodes a page: by its byte-order mark, else as UTF-8, else as Windows-1252.
pub fn decode(bytes: &[u8]) -> Result<String> {
    check_size(bytes.len())?;
    let text = if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        std::str::from_utf8(rest)
            .map_err(|_| Error::Encoding)?
            .to_string()
    } else if bytes.starts_with(b"\xFF\xFE") {
        strict(UTF_16LE.decode_without_bom_handling_and_without_replacement(&bytes[2..]))?
    } else if bytes.starts_with(b"\xFE\xFF") {
        strict(UTF_16BE.decode_without_bom_handling_and_without_replacement(&bytes[2..]))?
    } else if let Ok(s) = std::str::from_utf8(bytes) {
        s.to_string()
    } else {
        strict(WINDOWS_1252.decode_without_bom_handling_and_without_replacement(bytes))?
    };
    // Text has no control characters but tabs and line ends: a binary file does.
    if text
        .chars()
        .any(|c| c.is_control() && !matches!(c, '\t' | '\n' | '\r'))
    {
        return Err(Error::Encoding);
    }
    Ok(text)
}

fn strict(decoded: Option<std::borrow::Cow<'_, str>>) -> Result<String> {
    decoded.map(|c| c.into_owned()).ok_or(Error::Encoding)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_encoding_a_page_comes_in_reads_as_the_same_text() {
        let text = "Objectif 30 : Réalisé à 75\u{a0}%";
        let (cp1252, _, _) = WINDOWS_1252.encode(text);
        let utf16le: Vec<u8> = [0xFF, 0xFE]
            .into_iter()
            .chain(text.encode_utf16().flat_map(u16::to_le_bytes))
            .collect();
        let utf16be: Vec<u8> = [0xFE, 0xFF]
            .into_iter()
            .chain(text.encode_utf16().flat_map(u16::to_be_bytes))
            .collect();
        let bom: Vec<u8> = b"\xEF\xBB\xBF"
            .iter()
            .chain(text.as_bytes())
            .copied()
            .collect();
        for bytes in [text.as_bytes(), &cp1252, &utf16le, &utf16be, &bom] {
            assert_eq!(decode(bytes).expect("decodes"), text, "{bytes:?}");
        }
    }

    #[test]
    fn a_binary_file_is_refused_not_read_as_garbage() {
        let png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR";
        assert!(matches!(decode(png), Err(Error::Encoding)));
        assert!(
            matches!(decode(b"abc\x81def"), Err(Error::Encoding)),
            "an undefined byte"
        );
        assert!(matches!(
            check_size(MAX_INPUT_BYTES + 1),
            Err(Error::TooLarge { .. })
        ));
    }
}
