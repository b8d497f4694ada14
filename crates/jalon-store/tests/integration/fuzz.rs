//! Untrusted inputs, mutated at random: JSON documents with bytes flipped, cut or doubled,
//! page bytes in no particular encoding, and copies of a real report file with random bytes
//! flipped in its pages. Each gives a clear error or a correct result, never a panic, and a
//! refused file is never written to.

use std::sync::LazyLock;

use jalon_store::import::{import_json, import_page};
use jalon_store::{Session, Store};
use proptest::prelude::*;

/// A real report file (the demo, with closed periods and history), made once.
static REPORT: LazyLock<(tempfile::TempDir, Vec<u8>)> = LazyLock::new(|| {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("demo.jalon");
    let mut s = Store::create(&path).expect("create");
    import_json(&mut s, &crate::demo_json()).expect("demo");
    drop(s);
    let bytes = std::fs::read(&path).expect("bytes");
    (dir, bytes)
});

#[derive(Debug, Clone)]
enum Cut {
    Flip(usize, u8),
    Delete(usize, usize),
    Double(usize, usize),
}

fn cut() -> impl Strategy<Value = Cut> {
    prop_oneof![
        (any::<usize>(), 1u8..=255).prop_map(|(i, x)| Cut::Flip(i, x)),
        (any::<usize>(), 1usize..64).prop_map(|(i, n)| Cut::Delete(i, n)),
        (any::<usize>(), 1usize..64).prop_map(|(i, n)| Cut::Double(i, n)),
    ]
}

fn apply(bytes: &mut Vec<u8>, c: &Cut) {
    if bytes.is_empty() {
        return;
    }
    match *c {
        Cut::Flip(i, x) => {
            let i = i % bytes.len();
            bytes[i] ^= x;
        }
        Cut::Delete(i, n) => {
            let i = i % bytes.len();
            let end = (i + n).min(bytes.len());
            bytes.drain(i..end);
        }
        Cut::Double(i, n) => {
            let i = i % bytes.len();
            let end = (i + n).min(bytes.len());
            let copy = bytes[i..end].to_vec();
            bytes.splice(i..i, copy);
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(128))]

    #[test]
    fn a_mutated_json_document_imports_whole_or_is_refused_with_the_store_unchanged(
        cuts in proptest::collection::vec(cut(), 1..6)
    ) {
        let mut bytes = crate::demo_json().into_bytes();
        for c in &cuts {
            apply(&mut bytes, c);
        }
        let text = String::from_utf8_lossy(&bytes);
        let mut s = Store::open_in_memory().expect("store");
        let empty = s.export_json().expect("export");
        match import_json(&mut s, &text) {
            Ok(_) => prop_assert!(s.report().expect("report").validate().is_ok()),
            Err(e) => {
                prop_assert!(!e.to_string().is_empty());
                prop_assert_eq!(s.export_json().expect("export"), empty, "nothing written");
            }
        }
    }

    #[test]
    fn page_bytes_in_no_particular_encoding_decode_or_are_refused(
        bytes in proptest::collection::vec(any::<u8>(), 0..600)
    ) {
        match jalon_page::decode(&bytes) {
            Ok(text) => {
                let mut s = Store::open_in_memory().expect("store");
                let _ = import_page(&mut s, &text);
            }
            Err(e) => prop_assert!(!e.to_string().is_empty()),
        }
    }

    #[test]
    fn a_report_file_with_corrupted_pages_opens_or_is_refused_and_left_as_it_was(
        flips in proptest::collection::vec((any::<usize>(), 1u8..=255), 1..8)
    ) {
        let (_, original) = &*REPORT;
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("copy.jalon");
        let mut bytes = original.clone();
        for (i, x) in &flips {
            let i = i % bytes.len();
            bytes[i] ^= x;
        }
        std::fs::write(&path, &bytes).expect("write");
        match Store::open(&path).and_then(Session::new) {
            Ok(session) => {
                // Whatever opened reads through: the report, the periods, the history.
                let _ = session.store().report();
                let _ = session.store().periods();
                let _ = session.store().all_history();
            }
            Err(e) => {
                prop_assert!(!e.to_string().is_empty());
                prop_assert_eq!(
                    std::fs::read(&path).expect("bytes"),
                    bytes,
                    "a refused file is not written to: {}",
                    e
                );
            }
        }
    }
}
