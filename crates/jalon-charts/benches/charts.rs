//! Speed targets of PRODUCT.md for charts: one 1920×1080 anti-aliased PNG in at most 15 ms;
//! one benchmark per chart of the catalogue, in PNG and SVG, on the demo report. The whole
//! pack through the CLI is timed by `scripts/chart-bench.sh`, side by side with matplotlib.
//! Run with `cargo bench -p jalon-charts`.

use criterion::{Criterion, criterion_group, criterion_main};
use jalon_charts::{ChartId, Format, Options, PeriodFigures, Scope, render};
use jalon_core::{Summary, summarize};
use jalon_store::{Store, import};
use std::hint::black_box;

fn demo() -> Summary {
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../assets/demo/demo-report.json"
    ))
    .expect("demo");
    let mut s = Store::open_in_memory().expect("store");
    import::import_json(&mut s, &text).expect("demo");
    summarize(&s.report().expect("report"))
}

fn charts(c: &mut Criterion) {
    let summary = demo();
    let trend: Vec<PeriodFigures> = ["2025-Q3", "2025-Q4", "2026-Q1"]
        .iter()
        .map(|l| PeriodFigures::from_summary(l, &summary))
        .collect();
    let opts = Options::default();
    let ids = [
        ChartId::StrategyAxes,
        ChartId::AxisActions(4),
        ChartId::ActionObjectives(14),
        ChartId::Status(Scope::Strategy),
        ChartId::Trend(Scope::Strategy),
    ];
    for id in ids {
        for format in [Format::Png, Format::Svg] {
            c.bench_function(&format!("{} {}", id.stem(), format.extension()), |b| {
                b.iter(|| render(black_box(&summary), &trend, id, &opts, format).expect("render"))
            });
        }
    }
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(30);
    targets = charts
}
criterion_main!(benches);
