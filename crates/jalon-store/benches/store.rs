//! Speed targets of PRODUCT.md that read or write SQLite: the summary of a 10,000-objective
//! report read from SQLite under 50 ms; plus import of a seed-sized page; and the periods: a save with its history and the arrows
//! against the previous period (target: under 16 ms with the roll-up), closing a period, and
//! comparing two. Run with `cargo bench -p jalon-store`.

use criterion::{BatchSize, Criterion, criterion_group, criterion_main};
use jalon_core::{Strategy, summarize, synthetic};
use jalon_store::{Session, Store, import};
use std::hint::black_box;

/// A page shaped like the seed: one axis, four actions, seventeen entries (one objective in two
/// parts), each with a few paragraphs, in both parts.
fn seed_sized_page() -> String {
    let actions = [(14u32, 6usize), (15, 4), (16, 4), (17, 3)];
    let mut summary = String::from(
        "2026 Progress Report\n\nA benchmark strategy\n\n4 axes, 17 key actions and 46 objectives.\n\nFilter by axis:\n\n17 objectives\n\n",
    );
    let mut detail = String::new();
    let mut n = 30;
    for (action, count) in actions {
        summary.push_str(&format!(
            "Axis 4: A benchmark axis\nAction {action}: A benchmark action\nProgress : 50%\n"
        ));
        for k in 0..count {
            let title =
                format!("Objective {n} : A benchmark objective with a realistic title length");
            let paragraphs = "A first paragraph of achievement text, about as long as a real one on a published page.\n\nA second paragraph:\n\n  • one bullet;\n  • another bullet.";
            summary.push_str(&format!("{title}\n\nIn progress\n\n{paragraphs}\n\n\nNext steps text for the coming quarter.\n\n\n"));
            detail.push_str(&format!(
                "{title}\n\nCONTEXT\n\nAXE\n\nAxis 4: A benchmark axis\n\nACTION\n\nAction {action}: A benchmark action\n\nSTATUS\n\nIn progress\n\nProgress : {}%\n\nAchievement\n\n{paragraphs}\n\n\nNext steps\n\nNext steps text for the coming quarter.\n\n\n",
                (k * 17) % 100
            ));
            n += 1;
        }
    }
    summary + &detail
}

fn benches(c: &mut Criterion) {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("bench.jalon");
    {
        let mut s = Store::create(&path).expect("create");
        s.replace(&synthetic::generate(10_000)).expect("fill");
    }
    c.bench_function(
        "open a 10k-objective report file (schema check, quick_check)",
        |b| b.iter(|| Store::open(black_box(&path)).expect("open")),
    );
    let store = Store::open(&path).expect("open");
    c.bench_function("schema check of a 10k-objective report", |b| {
        b.iter(|| store.schema_differences().expect("schema"))
    });
    c.bench_function("summary of 10k objectives from sqlite", |b| {
        b.iter(|| summarize(&store.report().expect("report")))
    });

    let page = seed_sized_page();
    c.bench_function("import seed-sized page", |b| {
        b.iter(|| {
            let mut s = Store::open_in_memory().expect("store");
            import::import_page(&mut s, black_box(&page)).expect("import")
        })
    });

    drop(store);
    periods(c, &dir, &path);
}

/// A 10k-objective report on disk with its period named and dated, ready to close.
fn dated(path: &std::path::Path) -> Store {
    let mut s = Store::open(path).expect("open");
    let st = s.strategy().expect("strategy");
    s.update_strategy(&Strategy {
        reporting_period: "2026-Q1".into(),
        as_of: "2026-03-31".into(),
        ..st
    })
    .expect("name the period");
    s
}

/// A copy of `template` beside it, so that each benchmark starts from the same file.
fn copy_of(template: &std::path::Path, name: &str) -> std::path::PathBuf {
    let to = template.with_file_name(name);
    std::fs::copy(template, &to).expect("copy");
    to
}

fn periods(c: &mut Criterion, dir: &tempfile::TempDir, path: &std::path::Path) {
    drop(dated(path));
    let template = dir.path().join("template.jalon");
    Store::open(path)
        .expect("open")
        .save_copy(&template)
        .expect("template");

    let mut group = c.benchmark_group("periods");
    group.sample_size(10);
    // Each closing starts from a fresh copy of the same file, so that the file does not grow
    // with every iteration's snapshot.
    let copy = dir.path().join("closing.jalon");
    group.bench_function("close a period of 10k objectives (on disk)", |b| {
        b.iter_batched(
            || {
                std::fs::copy(&template, &copy).expect("copy");
                Store::open(&copy).expect("open")
            },
            |mut s| s.close_period("2026-Q2", "2026-06-30").expect("close"),
            BatchSize::PerIteration,
        )
    });

    // The hot path with periods: save one objective (its history in the same transaction),
    // then the figures, the warnings and the arrows against the closed period.
    let mut store = Store::open(copy_of(&template, "editing.jalon")).expect("open");
    store.close_period("2026-Q2", "2026-06-30").expect("close");
    let mut session = Session::new(store).expect("session");
    let (id, mut fields) = session
        .report()
        .objectives()
        .map(|(_, _, o)| (o.id, o.fields.clone()))
        .next()
        .expect("objective");
    let mut p = 0;
    group.bench_function("save + history + roll-up + arrows, 10k objectives", |b| {
        b.iter(|| {
            p = (p + 7) % 101;
            fields.progress = p;
            session.update_objective(id, &fields).expect("save");
            black_box(session.figures_and_warnings())
        })
    });
    // The History tab's first page and its count, in a file with 6,000 recorded changes.
    let mut journal = Store::open(copy_of(&template, "journal.jalon")).expect("open");
    let ids: Vec<(i64, jalon_core::ObjectiveFields)> = journal
        .report()
        .expect("report")
        .objectives()
        .map(|(_, _, o)| (o.id, o.fields.clone()))
        .take(3000)
        .collect();
    for (i, (id, f)) in ids.into_iter().enumerate() {
        let f = jalon_core::ObjectiveFields {
            progress: (f.progress + 1) % 101,
            next_steps: format!("{} Step {i}.", f.next_steps),
            ..f
        };
        journal.update_objective(id, &f).expect("save");
    }
    let open = journal.open_period().expect("open period").id;
    group.bench_function(
        "history tab: newest 200 of 6,000 changes, with the count",
        |b| b.iter(|| black_box(journal.period_history(Some(open), 200).expect("history"))),
    );
    // A change of structure reads every objective's place before and after, for the history.
    let action = session.report().axes[0].actions[0].id;
    group.bench_function("add then delete an objective, 10k objectives", |b| {
        b.iter(|| {
            let id = session
                .edit(|st| st.add_objective(action, None, None, &fields))
                .expect("add");
            session.edit(|st| st.delete_objective(id)).expect("delete")
        })
    });
    let periods = session.store().periods().expect("periods");
    group.bench_function("compare two periods of 10k objectives", |b| {
        b.iter(|| {
            session
                .store()
                .compare_periods(periods[0].id, periods[1].id)
                .expect("compare")
        })
    });
    // A year of quarters: what a chart preview and a period switch cost as closed periods add up.
    drop(session);
    let mut store = Store::open(copy_of(&template, "year.jalon")).expect("open");
    for (label, as_of) in [
        ("2026-Q2", "2026-06-30"),
        ("2026-Q3", "2026-09-30"),
        ("2026-Q4", "2026-12-31"),
        ("2027-Q1", "2027-03-31"),
    ] {
        store.close_period(label, as_of).expect("close");
    }
    let mut session = Session::new(store).expect("session");
    group.bench_function("trend series, 4 closed periods of 10k objectives", |b| {
        b.iter(|| black_box(session.trend_summaries().expect("trend")))
    });
    let first = session.store().periods().expect("periods")[0].id;
    group.bench_function("switch to a closed period and back, 4 closed of 10k", |b| {
        b.iter(|| {
            session.view_period(Some(first)).expect("view");
            session.view_period(None).expect("back")
        })
    });
    group.finish();
}

criterion_group! {
    name = store;
    config = Criterion::default().sample_size(30);
    targets = benches
}
criterion_main!(store);
