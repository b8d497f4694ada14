//! The one escaper for text that goes into markup: the charts' SVG, the deck's PPTX and ODP
//! parts, and the published HTML page. One function for element text and attribute values
//! alike (double- or single-quoted), so that no output can disagree with another: a chart's SVG
//! is embedded in the deck and the page as it was written.
//!
//! Characters XML 1.0 forbids (the C0 controls other than tab, line feed and carriage return,
//! and U+FFFE, U+FFFF) are dropped: no escape makes them legal, and a reader would refuse the
//! whole part for one of them (PowerPoint asks to repair the file).

/// `s` escaped for markup text or a quoted attribute value.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            // A raw carriage return would be read back as a line feed (XML 1.0 § 2.11).
            '\r' => out.push_str("&#13;"),
            c if allowed(c) => out.push(c),
            _ => {}
        }
    }
    out
}

/// Whether XML 1.0 allows `c` in a document (its `Char` production; a Rust `char` is never a
/// surrogate).
pub fn allowed(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\r') || (c >= ' ' && c != '\u{fffe}' && c != '\u{ffff}')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_characters_become_entities_and_forbidden_ones_are_dropped() {
        assert_eq!(
            escape("<b a='1'>\"x\" & y</b>\u{1}\u{fffe}"),
            "&lt;b a=&#39;1&#39;&gt;&quot;x&quot; &amp; y&lt;/b&gt;",
            "every markup character is escaped, controls and non-characters dropped"
        );
        assert_eq!(
            escape("Line\nnext\ttab\r"),
            "Line\nnext\ttab&#13;",
            "tab and line feed are kept, a carriage return kept as a reference"
        );
        assert_eq!(
            escape("65\u{a0}% — é"),
            "65\u{a0}% — é",
            "other text is kept as is"
        );
    }
}
