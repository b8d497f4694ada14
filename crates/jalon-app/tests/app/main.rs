//! The use cases on real report files, as both fronts call them.

use std::path::{Path, PathBuf};

use jalon_app::{
    App, ChartFormat, ChartScope, ChartSettings, Details, HistoryFilter, ImportKind, PeriodKey,
};

fn fixture(rel: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../tests/fixtures")
        .join(rel)
}

/// A report file made from the English fixture page, with its open period named.
fn report(dir: &Path) -> (App, PathBuf) {
    let db = dir.join("r.jalon");
    let mut app = App::create(&db).expect("create");
    app.import(ImportKind::Page, &fixture("pages/en-full.txt"))
        .expect("import the page");
    app.details(Details {
        reporting_period: Some("2026-Q1".into()),
        as_of: Some("2026-03-31".into()),
        ..Details::default()
    })
    .expect("name the period");
    (app, db)
}

#[test]
fn a_refused_detail_names_its_field_and_leaves_the_file_unchanged() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (mut app, db) = report(dir.path());
    let before = std::fs::read(&db).expect("bytes");
    let err = app
        .details(Details {
            as_of: Some("March 31".into()),
            ..Details::default()
        })
        .expect_err("not a date");
    assert!(err.to_string().starts_with("as_of:"), "{err}");
    assert_eq!(std::fs::read(&db).expect("bytes"), before, "file unchanged");
    assert_eq!(
        app.session().report().strategy.as_of,
        "2026-03-31",
        "the details on screen are unchanged too"
    );
}

#[test]
fn closing_with_defaults_opens_the_next_quarter_and_comparing_defaults_to_it() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (mut app, db) = report(dir.path());
    let checks = app.close_checks().expect("checks");
    assert_eq!(
        (
            checks.closing.as_str(),
            checks.next_label.as_str(),
            checks.next_as_of.as_str()
        ),
        ("2026-Q1", "2026-Q2", "2026-06-30")
    );
    let closed = app.close_period(None, None).expect("close");
    assert_eq!(closed.closed, "2026-Q1");
    assert_eq!(
        (closed.opened.label.as_str(), closed.opened.as_of.as_str()),
        ("2026-Q2", "2026-06-30")
    );
    assert_eq!(closed.change.periods.len(), 2, "one closed, one open");
    assert_eq!(closed.change.strategy.reporting_period, "2026-Q2");

    // Move one objective, then compare from the closed quarter (the default) to the open one.
    let o = app.view().report.axes[0].actions[0].objectives[0].clone();
    let mut fields = o.fields.clone();
    fields.progress = if fields.progress >= 90 {
        10
    } else {
        fields.progress + 10
    };
    let saved = app.save_objective(o.id, &fields).expect("save");
    assert!(saved.can_undo);
    let c = app.compare(None, None).expect("compare");
    assert_eq!((c.from.as_str(), c.to.as_str()), ("2026-Q1", "2026-Q2"));
    assert_eq!(
        c.objectives.len(),
        1,
        "only the edited objective moved: {c:?}"
    );

    // The same file, opened again as the CLI would, holds the edit and its history.
    drop(app);
    let again = App::open(&db).expect("reopen");
    let history = again
        .history(&HistoryFilter {
            period: Some(PeriodKey::Label("2026-Q2".into())),
            objective: Some(o.number),
            limit: None,
        })
        .expect("history");
    assert_eq!(history.total, 1, "{history:?}");
    assert!(
        matches!(
            history.entries[0].change,
            jalon_core::Change::Edited(jalon_core::FieldEdit::Progress { .. })
        ),
        "{:?}",
        history.entries[0].change
    );
    let unknown = again.history(&HistoryFilter {
        period: Some(PeriodKey::Label("1999-Q1".into())),
        ..HistoryFilter::default()
    });
    assert!(
        unknown.is_err(),
        "an unknown period is an error, not an empty history"
    );
}

#[test]
fn a_label_that_is_not_a_quarter_needs_the_next_period_named() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (mut app, db) = report(dir.path());
    app.details(Details {
        reporting_period: Some("Spring".into()),
        ..Details::default()
    })
    .expect("rename");
    let before = std::fs::read(&db).expect("bytes");
    let err = app
        .close_period(None, None)
        .expect_err("no quarter to guess");
    assert!(err.to_string().starts_with("next_label:"), "{err}");
    assert_eq!(std::fs::read(&db).expect("bytes"), before, "nothing closed");
}

#[test]
fn chart_previews_follow_the_asked_language_and_exports_write_the_scope() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (app, _db) = report(dir.path());
    let mut settings = ChartSettings {
        width: 1280,
        height: 720,
        format: ChartFormat::Svg,
        dark: false,
        lang: None,
    };
    let en = app
        .chart_previews(ChartScope::Strategy, &settings)
        .expect("previews");
    settings.lang = Some(jalon_core::Language::Fr);
    let fr = app
        .chart_previews(ChartScope::Strategy, &settings)
        .expect("previews");
    assert_eq!(en.len(), fr.len());
    assert_ne!(
        en[0].title, fr[0].title,
        "the French chart is titled in French"
    );
    let out = dir.path().join("charts");
    let written = app
        .export_charts(&out, &[ChartScope::Axis(2)], &settings)
        .expect("export");
    assert!(!written.files.is_empty());
    for f in &written.files {
        assert!(Path::new(f).exists(), "{f}");
        assert!(f.contains("axis-2"), "only the asked scope: {f}");
    }
}
