//! The one escaper, fed every class of character, read back by a real XML parser: whatever a
//! report's text holds, the markup around it stays well-formed and the text reads back as it
//! was, less what XML 1.0 forbids.

use jalon_core::xml::{allowed, escape};
use proptest::prelude::*;

/// Characters of every class: markup, quotes, the C0 controls (allowed or not), ASCII, Latin
/// with accents and no-break spaces, the rest of the BMP with its two non-characters and the
/// private use area, and the astral planes.
fn any_class() -> impl Strategy<Value = char> {
    prop_oneof![
        prop::sample::select(vec!['&', '<', '>', '"', '\'', ';', '#', ']']),
        (0u32..0x20).prop_map(|c| char::from_u32(c).unwrap()),
        prop::char::range(' ', '~'),
        prop::sample::select(vec!['é', 'ç', '\u{a0}', '\u{202f}', '’', '—', '•']),
        prop::sample::select(vec![
            '\u{fffe}', '\u{ffff}', '\u{fffd}', '\u{e000}', '\u{d7ff}'
        ]),
        prop::char::range('\u{100}', '\u{d7ff}'),
        prop::char::range('\u{10000}', '\u{10ffff}'),
    ]
}

/// What a conforming parser gives back: the text less what XML forbids, and in an attribute,
/// a literal tab or line feed as a space (XML 1.0 § 3.3.3; the escaper writes a carriage
/// return as a reference, which is kept).
fn read_back(s: &str, attribute: bool) -> String {
    let kept: String = s.chars().filter(|c| allowed(*c)).collect();
    if attribute {
        kept.replace(['\n', '\t'], " ")
    } else {
        kept
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn escaped_text_is_well_formed_xml_and_reads_back(s in prop::collection::vec(any_class(), 0..40)) {
        let s: String = s.into_iter().collect();
        let e = escape(&s);
        let doc = format!("<a d=\"{e}\" s='{e}'>{e}</a>");
        let parsed = roxmltree::Document::parse(&doc);
        prop_assert!(parsed.is_ok(), "{doc:?} is not well-formed: {parsed:?}");
        let parsed = parsed.unwrap();
        let root = parsed.root_element();
        prop_assert_eq!(root.text().unwrap_or(""), read_back(&s, false), "element text of {:?}", s);
        prop_assert_eq!(root.attribute("d").unwrap_or(""), read_back(&s, true), "double-quoted attribute of {:?}", s);
        prop_assert_eq!(root.attribute("s").unwrap_or(""), read_back(&s, true), "single-quoted attribute of {:?}", s);
        prop_assert!(!e.contains(['<', '>', '"', '\'']), "a markup character is left in {:?}", e);
    }
}
