use jalon_core::Error;
use jalon_core::exchange::{from_json, to_json};
use jalon_store::{Store, import::import_json};

#[test]
fn export_then_import_then_export_gives_identical_bytes() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut a = Store::create(dir.path().join("a.jalon")).expect("a");
    import_json(&mut a, &crate::demo_json()).expect("demo imports");
    let first = to_json(&a.report().expect("report"));
    let mut b = Store::create(dir.path().join("b.jalon")).expect("b");
    import_json(&mut b, &first).expect("export imports");
    let second = to_json(&b.report().expect("report"));
    assert_eq!(first, second, "round trip is byte-identical");
    assert!(
        first.starts_with("{\n  \"format\": \"jalon/5\""),
        "versioned"
    );
}

#[test]
fn the_demo_report_is_its_own_export() {
    let mut s = Store::open_in_memory().expect("store");
    import_json(&mut s, &crate::demo_json()).expect("demo imports");
    assert_eq!(
        s.export_json().expect("export"),
        crate::demo_json(),
        "the committed demo is in canonical form"
    );
}

#[test]
fn a_jalon_4_document_still_imports_as_it_did() {
    let four = crate::demo_json().replacen("\"jalon/5\"", "\"jalon/4\"", 1);
    assert_ne!(four, crate::demo_json());
    let mut s = Store::open_in_memory().expect("store");
    import_json(&mut s, &four).expect("jalon/4 imports");
    assert_eq!(
        s.export_json().expect("export"),
        crate::demo_json(),
        "the same report"
    );
}

#[test]
fn an_unknown_format_version_is_refused() {
    let err = from_json(r#"{"format": "jalon/99", "strategy": {"title": "x"}}"#)
        .expect_err("future format");
    assert!(
        matches!(&err, Error::UnsupportedFormat { found, .. } if found == "jalon/99"),
        "{err}"
    );
}

#[test]
fn a_bad_value_in_a_document_names_its_field_and_writes_nothing() {
    let mut s = Store::open_in_memory().expect("store");
    import_json(&mut s, &crate::demo_json()).expect("demo");
    let before = s.report().expect("report");
    let bad = crate::demo_json().replacen("\"progress\": 70", "\"progress\": 150", 1);
    let err = import_json(&mut s, &bad).expect_err("150 refused");
    assert_eq!(
        err.to_string(),
        "Objective 1: progress: must be a whole percent from 0 to 100, got 150"
    );
    let bad = crate::demo_json().replacen("\"in_progress\"", "\"started\"", 1);
    let err = import_json(&mut s, &bad).expect_err("unknown status refused");
    assert!(
        err.to_string().contains("unknown variant `started`") && err.to_string().contains("line"),
        "{err}"
    );
    assert_eq!(s.report().expect("report"), before, "nothing written");
}
