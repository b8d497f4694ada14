//! Reporting periods on real report files: closing, carrying forward, frozen snapshots and
//! their checksums, comparison, history, and reports made before periods existed.

use jalon_core::checks::CheckCode;
use jalon_core::exchange::read_document;
use jalon_core::period::{Piece, prepublication};
use jalon_core::{Error, PeriodState, Status, summarize};
use jalon_store::Level;
use jalon_store::import::{import_json, import_page, import_page_as_period};
use jalon_store::{Session, Store};
use rusqlite::Connection;

use crate::fixture;

fn demo_store(dir: &tempfile::TempDir, name: &str) -> Store {
    let mut s = Store::create(dir.path().join(name)).expect("create");
    import_json(
        &mut s,
        &std::fs::read_to_string(
            std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
                .join("../../tests/fixtures/documents/jalon1-demo.json"),
        )
        .expect("fixture"),
    )
    .expect("the jalon/1 demo imports");
    s
}

/// The id and fields of the first objective in progress.
fn in_progress(s: &Store) -> (i64, jalon_core::ObjectiveFields) {
    let r = s.report().expect("report");
    let (_, _, o) = r
        .objectives()
        .find(|(_, _, o)| o.fields.status == Status::InProgress && o.fields.indicator.is_none())
        .expect("an objective in progress");
    (o.id, o.fields.clone())
}

/// A report with its ids cleared: a snapshot's ids are its own.
fn without_ids(mut r: jalon_core::Report) -> jalon_core::Report {
    for axis in &mut r.axes {
        axis.id = 0;
        for action in &mut axis.actions {
            action.id = 0;
            for o in &mut action.objectives {
                o.id = 0;
            }
        }
    }
    r
}

#[test]
fn closing_freezes_the_report_and_opens_the_next_period_with_everything_carried_forward() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut s = demo_store(&dir, "r.jalon");
    let before = s.report().expect("report");
    let open = s.open_period().expect("open period");
    assert_eq!(
        (open.label.as_str(), open.as_of.as_str()),
        ("2026-Q1", "2026-03-31"),
        "the open period is the strategy's reporting period"
    );
    let next = s.close_period("2026-Q2", "2026-06-30").expect("closes");
    assert_eq!(
        (next.label.as_str(), next.state),
        ("2026-Q2", PeriodState::Open)
    );
    let periods = s.periods().expect("periods");
    assert_eq!(periods.len(), 2);
    assert_eq!(periods[0].label, "2026-Q1");
    assert_eq!(periods[0].state, PeriodState::Closed);
    assert!(
        periods[0]
            .closed_at
            .as_deref()
            .is_some_and(|t| t.ends_with('Z'))
    );

    let after = s.report().expect("report");
    assert_eq!(
        after.axes, before.axes,
        "every axis, action and objective carried forward"
    );
    assert_eq!(after.strategy.reporting_period, "2026-Q2");
    assert_eq!(after.strategy.as_of, "2026-06-30");

    let frozen = s.period_report(&periods[0]).expect("snapshot");
    assert_eq!(
        summarize(&frozen),
        summarize(&before),
        "the snapshot holds the closed figures"
    );
    assert_eq!(
        without_ids(frozen.clone()).axes,
        without_ids(before.clone()).axes,
        "and every text and field, not only the figures"
    );
    assert_eq!(frozen.strategy.reporting_period, "2026-Q1");

    // Later edits change the open period only.
    let (id, mut f) = in_progress(&s);
    f.progress = 99;
    s.update_objective(id, &f).expect("edit");
    drop(s);
    let s = Store::open(dir.path().join("r.jalon")).expect("reopen");
    let periods = s.periods().expect("periods");
    assert_eq!(
        summarize(&s.period_report(&periods[0]).expect("snapshot")),
        summarize(&before),
        "the closed period did not move after the edit and a restart"
    );
}

#[test]
fn closing_needs_a_label_and_a_date_and_a_refusal_changes_nothing() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("r.jalon");
    let mut s = demo_store(&dir, "r.jalon");
    let mut st = s.strategy().expect("strategy");
    st.as_of = String::new();
    s.update_strategy(&st).expect("clear the date");
    drop(s);
    let bytes = std::fs::read(&path).expect("read");
    let mut s = Store::open(&path).expect("open");
    let err = s.close_period("2026-Q2", "").expect_err("no as-of date");
    assert!(
        matches!(&err, jalon_store::Error::Core(Error::Invalid { field, .. }) if field == "as of"),
        "{err}"
    );
    let err = s.close_period("", "").expect_err("no next label");
    assert!(
        matches!(&err, jalon_store::Error::Core(Error::Invalid { .. })),
        "{err}"
    );
    assert_eq!(
        s.periods().expect("periods").len(),
        1,
        "still one open period"
    );
    drop(s);
    assert_eq!(
        std::fs::read(&path).expect("read"),
        bytes,
        "the file is unchanged"
    );

    let mut s = Store::open(&path).expect("open");
    st.as_of = "2026-03-31".into();
    s.update_strategy(&st).expect("date");
    s.close_period("2026-Q2", "2026-06-30").expect("closes");
    st = s.strategy().expect("strategy");
    st.reporting_period = "2026-Q1".into();
    st.as_of = "2026-06-30".into();
    s.update_strategy(&st).expect("rename the open period");
    let err = s
        .close_period("2026-Q3", "")
        .expect_err("label already closed");
    assert!(
        matches!(err, jalon_store::Error::Core(Error::Conflict(_))),
        "{err}"
    );
    st.reporting_period = "2026-Q2".into();
    st.as_of = "2026-01-01".into();
    s.update_strategy(&st).expect("rename");
    let err = s
        .close_period("2026-Q3", "")
        .expect_err("date before the last closed one");
    assert!(
        matches!(&err, jalon_store::Error::Core(Error::Invalid { field, .. }) if field == "as of"),
        "{err}"
    );
}

#[test]
fn a_closed_period_cannot_be_edited_through_the_app_or_behind_its_back() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("r.jalon");
    let mut s = demo_store(&dir, "r.jalon");
    s.close_period("2026-Q2", "2026-06-30").expect("close");
    let closed = s.periods().expect("periods")[0].clone();

    let mut session = Session::new(s).expect("session");
    session
        .view_period(Some(closed.id))
        .expect("view the closed period");
    assert_eq!(session.viewing().map(|p| p.label.as_str()), Some("2026-Q1"));
    let (_, _, o) = session.shown().objectives().next().expect("objective");
    let (id, mut f) = (o.id, o.fields.clone());
    f.progress = 1;
    let err = session.update_objective(id, &f).expect_err("refused");
    assert!(
        matches!(&err, jalon_store::Error::Core(Error::ClosedPeriod { label }) if label == "2026-Q1"),
        "{err}"
    );
    assert!(session.edit(|st| st.add_axis(None, "New")).is_err());
    assert!(
        session.close_period("x", "").is_err(),
        "closing is refused too"
    );
    session.view_period(None).expect("back to the open period");
    assert!(session.viewing().is_none());
    drop(session);

    // Another program writing to the file is refused by the file's own triggers.
    let conn = Connection::open(&path).expect("sqlite");
    for sql in [
        "UPDATE period SET snapshot = '{}' WHERE state = 'closed'",
        "UPDATE period SET label = 'other' WHERE state = 'closed'",
        "DELETE FROM period WHERE state = 'closed'",
    ] {
        let err = conn.execute(sql, []).expect_err(sql);
        assert!(err.to_string().contains("closed period"), "{sql}: {err}");
    }
}

#[test]
fn a_snapshot_changed_after_closing_is_detected_on_read() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("r.jalon");
    let mut s = demo_store(&dir, "r.jalon");
    s.close_period("2026-Q2", "2026-06-30").expect("close");
    drop(s);
    // Someone drops the guard, edits the frozen figures directly, and puts the guard back as
    // it was (a file whose guard is missing is refused at open: see untrusted.rs).
    let conn = Connection::open(&path).expect("sqlite");
    let guard: String = conn
        .query_row(
            "SELECT sql FROM sqlite_schema WHERE name = 'closed_period_is_frozen'",
            [],
            |r| r.get(0),
        )
        .expect("the guard");
    conn.execute_batch(
        "DROP TRIGGER closed_period_is_frozen;
         UPDATE period SET snapshot = replace(snapshot, '\"progress\": 40', '\"progress\": 90')
         WHERE state = 'closed';",
    )
    .expect("tamper");
    conn.execute_batch(&guard).expect("guard put back");
    drop(conn);
    let s = Store::open(&path).expect("the report still opens");
    let closed = s.periods().expect("periods")[0].clone();
    let err = s.period_report(&closed).expect_err("checksum mismatch");
    assert!(
        matches!(&err, jalon_store::Error::Core(Error::Tampered { label, expected, found }) if label == "2026-Q1" && expected != found),
        "{err}"
    );
    assert!(
        s.export_json().is_err(),
        "an export does not launder the change"
    );
    let session = Session::new(s).expect("session");
    assert!(
        matches!(session.integrity(), Some(jalon_store::Error::Core(Error::Tampered { label, .. })) if label == "2026-Q1"),
        "the app is told which period"
    );
    let err = session
        .trend_summaries()
        .expect_err("a failing snapshot is never taken for a trend point");
    assert!(
        matches!(err, jalon_store::Error::Core(Error::Tampered { .. })),
        "{err}"
    );
}

#[test]
fn the_trend_follows_the_period_on_screen_and_each_point_is_its_snapshot() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut s = demo_store(&dir, "r.jalon");
    s.close_period("2026-Q2", "2026-06-30").expect("close");
    let mut session = Session::new(s).expect("session");
    let (id, mut f) = in_progress(session.store());
    f.progress = 100;
    f.status = Status::Completed;
    session.update_objective(id, &f).expect("edit");
    session
        .close_period("2026-Q3", "2026-09-30")
        .expect("close again");
    f.progress = 0;
    f.status = Status::NotStarted;
    session
        .update_objective(id, &f)
        .expect("edit the open period");

    // Every point, read again from the file without the session's figures.
    let fresh = session.store().period_summaries().expect("fresh");
    let trend = session.trend_summaries().expect("trend");
    assert_eq!(trend, fresh, "the session's points are the snapshots' own");
    let strategy: Vec<_> = trend.iter().map(|(_, s)| s.strategy.progress).collect();
    assert_eq!(trend.len(), 3);
    assert!(
        strategy[1] > strategy[0] && strategy[2] < strategy[1],
        "the edits moved the strategy up then down: {strategy:?}"
    );

    // On a closed period, the trend stops at it, and the arrows compare with the one before.
    let second = trend[1].0.id;
    session.view_period(Some(second)).expect("view 2026-Q2");
    let up_to = session.trend_summaries().expect("trend");
    assert_eq!(up_to, fresh[..2].to_vec());
    let deltas = session.deltas().expect("arrows against 2026-Q1");
    assert_eq!(deltas.against, "2026-Q1");
    let (before, now) = (strategy[0].expect("figure"), strategy[1].expect("figure"));
    assert_eq!(deltas.strategy, Some(now as i32 - before as i32));
    session.view_period(None).expect("back");
    assert_eq!(session.deltas().expect("arrows").against, "2026-Q2");
}

#[test]
fn comparison_gives_deltas_status_changes_and_word_changes() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut s = demo_store(&dir, "r.jalon");
    s.close_period("2026-Q2", "2026-06-30").expect("close");
    let (id, mut f) = in_progress(&s);
    let old_progress = f.progress;
    f.progress = 100;
    f.status = Status::Completed;
    f.achievement = format!("{} Finished in June.", f.achievement);
    s.update_objective(id, &f).expect("edit");
    let mut session = Session::new(s).expect("session");
    let periods = session.store().periods().expect("periods");
    let c = session
        .store()
        .compare_periods(periods[0].id, periods[1].id)
        .expect("compare");
    assert_eq!((c.from.as_str(), c.to.as_str()), ("2026-Q1", "2026-Q2"));
    assert_eq!(
        c.objectives.len(),
        1,
        "only the edited objective changed: {c:?}"
    );
    let o = &c.objectives[0];
    assert_eq!(o.progress.delta, Some(100 - old_progress as i32));
    assert_eq!(
        (o.status_from, o.status_to),
        (Some(Status::InProgress), Some(Status::Completed))
    );
    let added: String = o
        .achievement
        .iter()
        .filter(|r| r.kind == Piece::Added)
        .map(|r| r.text.as_str())
        .collect();
    assert_eq!(added.trim(), "Finished in June.");
    assert!(o.next_steps.is_empty(), "next steps did not change");

    // The level deltas are the differences of the displayed percentages, level by level.
    let q1 = summarize(&session.store().period_report(&periods[0]).expect("q1"));
    let q2 = summarize(session.report());
    let pairs = q1
        .axes
        .iter()
        .flat_map(|a| &a.actions)
        .zip(q2.axes.iter().flat_map(|a| &a.actions));
    for ((a, b), change) in pairs.zip(&c.actions) {
        assert_eq!(change.number, b.number);
        let expected = a.progress.zip(b.progress).map(|(x, y)| y as i32 - x as i32);
        assert_eq!(change.progress.delta, expected, "Action {}", b.number);
    }
    assert!(
        c.actions
            .iter()
            .any(|a| a.progress.delta.is_some_and(|d| d > 0))
    );
    assert_eq!(
        c.strategy.delta,
        q1.strategy
            .progress
            .zip(q2.strategy.progress)
            .map(|(x, y)| y as i32 - x as i32)
    );

    // The dashboard's arrows say the same, keyed by the live ids.
    let d = session.deltas().expect("deltas against 2026-Q1");
    assert_eq!(d.against, "2026-Q1");
    assert_eq!(d.objectives.get(&id), Some(&(100 - old_progress as i32)));
    assert_eq!(d.strategy, c.strategy.delta);
    session.view_period(Some(periods[0].id)).expect("view Q1");
    assert!(
        session.deltas().is_none(),
        "nothing before the first period"
    );
}

#[test]
fn every_change_goes_to_the_history_which_survives_a_restart() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("r.jalon");
    let s = demo_store(&dir, "r.jalon");
    let (id, mut f) = in_progress(&s);
    let old = f.progress;
    let mut session = Session::new(s).expect("session");
    f.progress = old + 5;
    f.next_steps = "Pilot in two regions".into();
    session.update_objective(id, &f).expect("save");
    session.undo().expect("undo");
    drop(session);

    let s = Store::open(&path).expect("reopen");
    let h = s.history(id).expect("history");
    let columns: Vec<(String, String, String)> = h.iter().map(|e| e.columns()).collect();
    let fields: Vec<(&str, &str, &str)> = columns
        .iter()
        .map(|(f, o, n)| (f.as_str(), o.as_str(), n.as_str()))
        .collect();
    let (o5, o) = ((old + 5).to_string(), old.to_string());
    assert_eq!(
        fields
            .iter()
            .filter(|x| x.0 == "progress")
            .copied()
            .collect::<Vec<_>>(),
        vec![
            ("progress", o5.as_str(), o.as_str()),
            ("progress", o.as_str(), o5.as_str())
        ],
        "newest first: the undo, then the save"
    );
    assert!(
        fields
            .iter()
            .any(|x| x.0 == "next_steps" && x.2 == "Pilot in two regions")
    );
    assert!(h.iter().all(|e| e.period == "2026-Q1" && e.at.len() == 20));
    assert!(s.history(id + 1000).expect("none").is_empty());
}

/// The history of one objective as (field, old, new), oldest first.
fn changes(s: &Store, id: i64) -> Vec<(String, String, String)> {
    let mut h: Vec<_> = s
        .history(id)
        .expect("history")
        .into_iter()
        .map(|e| e.columns())
        .collect();
    h.reverse();
    h
}

#[test]
fn the_history_records_objectives_added_renumbered_moved_and_deleted() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("r.jalon");
    let s = demo_store(&dir, "r.jalon");
    let report = s.report().expect("report");
    let (a, b) = (&report.axes[0].actions[0], &report.axes[0].actions[1]);
    let (a_id, b_id, a_no, b_no) = (a.id, b.id, a.number, b.number);
    let mut session = Session::new(s).expect("session");
    let fields = jalon_core::ObjectiveFields {
        title: "Open a help desk".into(),
        ..Default::default()
    };
    let id = session
        .edit(|st| st.add_objective(a_id, Some(900), None, &fields))
        .expect("add");
    let part = jalon_core::Part { index: 1, count: 2 };
    session
        .edit(|st| st.renumber_objective(id, 901, Some(part)))
        .expect("renumber");
    let taken = report.axes[0].actions[0].objectives[0].number;
    session
        .edit(|st| st.renumber_objective(id, taken, None))
        .expect_err("a number already taken");
    assert_eq!(
        changes(session.store(), id).len(),
        2,
        "a refused change records nothing"
    );
    session
        .edit(|st| st.move_objective(id, b_id, 0))
        .expect("move");
    session
        .edit(|st| st.update_action(b_id, 950, "Renamed"))
        .expect("renumber the action it is in");
    session.edit(|st| st.delete_objective(id)).expect("delete");
    session.undo().expect("undo the deletion");
    drop(session);

    let s = Store::open(&path).expect("reopen");
    let t = |x: &str, y: &str, z: &str| (x.to_string(), y.to_string(), z.to_string());
    assert_eq!(
        changes(&s, id),
        vec![
            t("created", "", &a_no.to_string()),
            t("number", "900", "901 (1/2)"),
            t("action", &a_no.to_string(), &b_no.to_string()),
            t("action", &b_no.to_string(), "950"),
            t("deleted", "Open a help desk", ""),
            t("created", "", "950"),
        ],
        "each change of structure, in order, survives a restart"
    );
    // The other objectives of the renumbered action moved with it.
    let others = s.report().expect("report").axes[0].actions[1]
        .objectives
        .len();
    let moved_with_it = s
        .all_history()
        .expect("all")
        .iter()
        .filter(|e| {
            let (field, _, new) = e.columns();
            field == "action" && new == "950"
        })
        .count();
    assert_eq!(moved_with_it, others, "one row per objective of the action");
}

#[test]
fn a_period_history_is_its_own_changes_newest_first_a_page_at_a_time() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut s = demo_store(&dir, "r.jalon");
    let (id, mut f) = in_progress(&s);
    for p in [11, 12, 13] {
        f.progress = p;
        s.update_objective(id, &f).expect("save in 2026-Q1");
    }
    s.close_period("2026-Q2", "2026-06-30").expect("close");
    f.progress = 14;
    s.update_objective(id, &f).expect("save in 2026-Q2");
    let periods = s.periods().expect("periods");
    let (q1, q2) = (periods[0].id, periods[1].id);

    let page = s.period_history(Some(q1), 2).expect("q1");
    assert_eq!(page.total, 3, "all of 2026-Q1's changes are counted");
    let values: Vec<String> = page.entries.iter().map(|e| e.columns().2).collect();
    assert_eq!(values, vec!["13", "12"], "the newest two, newest first");
    assert!(page.entries.iter().all(|e| e.period == "2026-Q1"));

    let page = s.period_history(Some(q2), 10).expect("q2");
    assert_eq!((page.total, page.entries.len()), (1, 1));
    assert_eq!(page.entries[0].columns().2, "14");

    let all = s.period_history(None, 10).expect("all");
    assert_eq!(all.total, 4);
    assert_eq!(all.entries.len(), 4);
    assert_eq!(
        all.entries[0].period, "2026-Q2",
        "newest first across periods"
    );
}

/// A period's changes at one level, oldest first, as (reference, field, old, new).
fn level_changes(s: &Store, level: Level) -> Vec<(String, String, String, String)> {
    let mut h: Vec<_> = s
        .period_history(None, 1000)
        .expect("history")
        .entries
        .into_iter()
        .filter(|e| e.level == level)
        .map(|e| {
            let (field, old, new) = e.columns();
            (e.reference.to_string(), field, old, new)
        })
        .collect();
    h.reverse();
    h
}

#[test]
fn the_history_follows_the_strategy_the_axes_and_the_actions() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("r.jalon");
    let s = demo_store(&dir, "r.jalon");
    let first_axis = s.report().expect("report").axes[0].id;
    let mut session = Session::new(s).expect("session");
    let st = session.store().strategy().expect("strategy");
    let old_title = st.title.clone();
    session
        .edit(|s| {
            s.update_strategy(&jalon_core::Strategy {
                title: "A renamed strategy".into(),
                method: jalon_core::RollupMethod::Flat,
                ..st
            })
        })
        .expect("strategy");
    let axis = session
        .edit(|s| s.add_axis(Some(9), "New axis"))
        .expect("axis");
    session
        .edit(|s| s.update_axis(axis, 9, "Renamed axis"))
        .expect("rename axis");
    let action = session
        .edit(|s| s.add_action(axis, Some(90), "New action"))
        .expect("action");
    session
        .edit(|s| s.move_action(action, first_axis, 0))
        .expect("move to the first axis");
    session
        .edit(|s| s.update_action(action, 91, "New action"))
        .expect("renumber");
    session
        .edit(|s| s.move_action(action, axis, 0))
        .expect("back to the new axis");
    session.edit(|s| s.delete_axis(axis)).expect("delete");
    drop(session);

    let s = Store::open(&path).expect("reopen");
    let t = |r: &str, f: &str, o: &str, n: &str| {
        (r.to_string(), f.to_string(), o.to_string(), n.to_string())
    };
    assert_eq!(
        level_changes(&s, Level::Strategy),
        vec![
            t("0", "title", &old_title, "A renamed strategy"),
            t("0", "method", "mean_of_children", "flat"),
        ]
    );
    assert_eq!(
        level_changes(&s, Level::Axis),
        vec![
            t("9", "created", "", ""),
            t("9", "title", "New axis", "Renamed axis"),
            t("9", "deleted", "Renamed axis", ""),
        ]
    );
    let first = s.report().expect("report").axes[0].number.to_string();
    assert_eq!(
        level_changes(&s, Level::Action),
        vec![
            t("90", "created", "", "9"),
            t("90", "axis", "9", &first),
            t("91", "number", "90", "91"),
            t("91", "axis", &first, "9"),
            t("91", "deleted", "New action", ""),
        ],
        "deleting an axis records its actions too"
    );
    assert!(
        s.history(action).expect("objective history").is_empty(),
        "an objective's history holds only objectives' rows, whatever their ids"
    );
}

#[test]
fn a_jalon2_document_with_history_imports_its_changes_as_objectives() {
    let text = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../../tests/fixtures/documents/jalon2-demo.json"),
    )
    .expect("fixture");
    assert!(text.starts_with("{\n  \"format\": \"jalon/2\""));
    let mut s = Store::open_in_memory().expect("store");
    import_json(&mut s, &text).expect("a jalon/2 document imports");
    let report = s.report().expect("report");
    let id_of = |number: u32, part: Option<u32>| {
        report
            .objectives()
            .find(|(_, _, o)| o.number == number && o.part.map(|p| p.index) == part)
            .map(|(_, _, o)| o.id)
            .expect("objective")
    };
    let h = s.all_history().expect("history");
    let read: Vec<_> = h
        .iter()
        .map(|e| {
            (
                e.level,
                e.subject_id,
                e.reference.to_string(),
                e.period.as_str(),
            )
        })
        .collect();
    assert_eq!(
        read,
        vec![
            (
                Level::Objective,
                id_of(11, None),
                "11".to_string(),
                "2026-Q1"
            ),
            (
                Level::Objective,
                id_of(32, Some(1)),
                "32 (1/2)".to_string(),
                "2025-Q4"
            ),
        ]
    );
    let doc = s.export_json().expect("export");
    assert!(doc.starts_with("{\n  \"format\": \"jalon/5\""));
    assert!(
        doc.contains("\"number\": 11,\n      \"change\": {\n        \"kind\": \"edited\",\n        \"field\": \"progress\""),
        "an objective's change names its number, with no level"
    );
}

#[test]
fn the_json_document_carries_periods_and_history_and_older_documents_still_import() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut a = demo_store(&dir, "a.jalon");
    a.close_period("2026-Q2", "2026-06-30").expect("close");
    let (id, mut f) = in_progress(&a);
    f.progress += 1;
    a.update_objective(id, &f).expect("edit");
    let doc = a.export_json().expect("export");
    assert!(doc.starts_with("{\n  \"format\": \"jalon/5\""));
    let read = read_document(&doc).expect("reads");
    assert_eq!(read.periods.len(), 1);
    assert_eq!(read.history.len(), 1);

    let mut b = Store::create(dir.path().join("b.jalon")).expect("b");
    import_json(&mut b, &doc).expect("imports");
    assert_eq!(
        b.export_json().expect("export b"),
        doc,
        "byte-identical round trip"
    );
    assert_eq!(b.history(in_progress(&b).0).expect("history").len(), 1);

    // A document with periods cannot replace closed periods.
    let err = import_json(&mut b, &doc).expect_err("b has closed periods");
    assert!(
        matches!(err, jalon_store::Error::Core(Error::Conflict(_))),
        "{err}"
    );

    // A snapshot edited inside the document is caught before anything is written.
    let tampered = doc.replacen("progress\\\": 40", "progress\\\": 41", 1);
    assert_ne!(tampered, doc, "the test edits a snapshot");
    let mut c = Store::create(dir.path().join("c.jalon")).expect("c");
    let err = import_json(&mut c, &tampered).expect_err("checksum");
    assert!(
        matches!(err, jalon_store::Error::Core(Error::Tampered { .. })),
        "{err}"
    );
    assert!(
        c.report().expect("report").axes.is_empty(),
        "nothing written"
    );
}

#[test]
fn a_report_made_before_periods_existed_migrates_with_its_period_open() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("old.jalon");
    {
        // Schema 1 exactly as the first version shipped it, with a report in it.
        let conn = Connection::open(&path).expect("sqlite");
        conn.execute_batch(include_str!("../../src/migrations/0001_initial.sql"))
            .expect("schema 1");
        conn.execute_batch(
            "PRAGMA user_version = 1;
             UPDATE strategy SET title = 'Old', reporting_period = '2025-Q4', as_of = '2025-12-31';
             INSERT INTO axis (id, number, title, position) VALUES (1, 1, 'Axis', 0);
             INSERT INTO action (id, axis_id, number, title, position) VALUES (1, 1, 1, 'Act', 0);
             INSERT INTO objective (id, action_id, number, title, status, progress, position)
             VALUES (1, 1, 1, 'Obj', 'in_progress', 40, 0);",
        )
        .expect("data");
    }
    let mut s = Store::open(&path).expect("migrates");
    let periods = s.periods().expect("periods");
    assert_eq!(periods.len(), 1);
    assert_eq!(
        (
            periods[0].label.as_str(),
            periods[0].as_of.as_str(),
            periods[0].state
        ),
        ("2025-Q4", "2025-12-31", PeriodState::Open)
    );
    assert_eq!(s.report().expect("report").objectives().count(), 1);
    let mut st = s.strategy().expect("strategy");
    st.reporting_period = "2026-Q1".into();
    s.update_strategy(&st).expect("rename");
    assert_eq!(
        s.open_period().expect("open").label,
        "2026-Q1",
        "kept in step"
    );
    s.close_period("2026-Q2", "").expect("closes");
}

#[test]
fn a_schema_2_history_migrates_as_objectives_changes() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("v2.jalon");
    {
        // Schemas 1 and 2 exactly as shipped, with an objective and one change of it.
        let conn = Connection::open(&path).expect("sqlite");
        conn.execute_batch(include_str!("../../src/migrations/0001_initial.sql"))
            .expect("schema 1");
        conn.execute_batch(include_str!("../../src/migrations/0002_periods.sql"))
            .expect("schema 2");
        conn.execute_batch(
            "PRAGMA user_version = 2;
             INSERT INTO axis (id, number, title, position) VALUES (1, 1, 'Axis', 0);
             INSERT INTO action (id, axis_id, number, title, position) VALUES (1, 1, 1, 'Act', 0);
             INSERT INTO objective (id, action_id, number, title, status, progress, position)
             VALUES (7, 1, 3, 'Obj', 'in_progress', 40, 0);
             INSERT INTO history (at, period_id, objective_id, number, part, field, old_value,
                 new_value)
             VALUES ('2026-01-05T10:00:00Z', 1, 7, 3, NULL, 'progress', '30', '40');",
        )
        .expect("data");
    }
    let mut s = Store::open(&path).expect("migrates");
    let h = s.history(7).expect("history");
    assert_eq!(h.len(), 1);
    assert_eq!(
        (
            h[0].level,
            h[0].subject_id,
            h[0].columns().0.as_str(),
            h[0].columns().2.as_str()
        ),
        (Level::Objective, 7, "progress", "40")
    );
    let mut st = s.strategy().expect("strategy");
    st.title = "Renamed".into();
    s.update_strategy(&st)
        .expect("a strategy change after the migration");
    assert_eq!(s.period_history(None, 10).expect("all").total, 2);
    assert!(
        s.history(7).expect("history").len() == 1,
        "the strategy's row is not the objective's"
    );
}

#[test]
fn the_checks_before_closing_compare_with_the_previous_period() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut s = demo_store(&dir, "r.jalon");
    let r = s.report().expect("report");
    assert!(
        !prepublication(&r, None)
            .iter()
            .any(|w| w.code() == CheckCode::TextsUnchanged),
        "no previous period, nothing to compare"
    );
    s.close_period("2026-Q2", "2026-06-30").expect("close");
    let (id, mut f) = in_progress(&s);
    f.progress -= 5;
    f.achievement.push_str(" Delayed.");
    s.update_objective(id, &f).expect("edit");
    let session = Session::new(s).expect("session");
    let w = session.prepublication().expect("checks");
    let edited = session
        .report()
        .objectives()
        .find(|(_, _, o)| o.id == id)
        .map(|(_, _, o)| o.reference())
        .expect("edited");
    assert!(
        w.iter()
            .any(|x| x.code() == CheckCode::ProgressWentDown && x.objective == Some(edited))
    );
    assert!(
        !w.iter()
            .any(|x| x.code() == CheckCode::TextsUnchanged && x.objective == Some(edited)),
        "its text changed"
    );
    let in_progress_count = session
        .report()
        .objectives()
        .filter(|(_, _, o)| o.fields.status == Status::InProgress && o.id != id)
        .count();
    assert!(
        w.iter()
            .filter(|x| x.code() == CheckCode::TextsUnchanged)
            .count()
            >= in_progress_count,
        "every other objective in progress kept its texts"
    );
}

#[test]
fn a_past_edition_of_the_page_is_kept_as_a_closed_period() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut s = Store::create(dir.path().join("r.jalon")).expect("create");
    import_page(&mut s, &fixture("en-full.txt")).expect("this quarter's page");
    let mut st = s.strategy().expect("strategy");
    st.reporting_period = "2026-Q2".into();
    st.as_of = "2026-06-30".into();
    s.update_strategy(&st).expect("period");
    let earlier = fixture("en-full.txt").replacen("Progress : 30%", "Progress : 10%", 1);
    let live = s.report().expect("live");
    let mut session = Session::new(s).expect("session");
    assert!(
        session.deltas().is_none(),
        "no period before the open one yet"
    );
    session
        .edit(|st| import_page_as_period(st, &earlier, "2026-Q1", "2026-03-31"))
        .expect("past edition");
    let d = session
        .deltas()
        .expect("the new period is the one before the open one");
    assert_eq!(d.against, "2026-Q1");
    assert!(
        !session.can_undo(),
        "the live report did not change: nothing to undo"
    );
    let mut s = Store::open(dir.path().join("r.jalon")).expect("reopen");
    assert_eq!(
        s.report().expect("live"),
        live,
        "the report being edited is untouched"
    );
    let periods = s.periods().expect("periods");
    assert_eq!(periods.len(), 2);
    assert_eq!(
        (periods[0].label.as_str(), periods[0].state),
        ("2026-Q1", PeriodState::Closed)
    );
    let past = s.period_report(&periods[0]).expect("snapshot");
    assert_eq!(past.axes[0].actions[0].objectives[0].fields.progress, 10);
    let err = import_page_as_period(&mut s, &earlier, "2026-Q1", "2026-03-31")
        .expect_err("closed periods are not replaced");
    assert!(
        matches!(err, jalon_store::Error::Core(Error::Conflict(_))),
        "{err}"
    );
    let err = import_page_as_period(&mut s, &earlier, "2026-Q3", "2026-09-30")
        .expect_err("after the open period");
    assert!(
        matches!(&err, jalon_store::Error::Core(Error::Invalid { field, .. }) if field == "as of"),
        "{err}"
    );
}
