//! Renders one chart of a report N times and prints the mean time per PNG in milliseconds.
//! Used by scripts/chart-bench.sh to compare with matplotlib on the same chart, in one run.
//! Usage: time_chart REPORT.jalon CHART-STEM RUNS

use std::time::Instant;

use jalon_charts::{ChartId, Format, Options, render};

fn main() {
    let args: Vec<String> = std::env::args().collect();
    if args.len() != 4 {
        eprintln!("usage: time_chart REPORT.jalon CHART-STEM RUNS");
        std::process::exit(2);
    }
    let store = jalon_store::Store::open(std::path::Path::new(&args[1])).expect("open the report");
    let summary = jalon_core::summarize(&store.report().expect("read the report"));
    let chart = ChartId::from_stem(&args[2]).expect("a chart stem");
    let runs: u32 = args[3].parse().expect("a number of runs");
    let opts = Options::default();
    // One warm-up, as matplotlib's side also imports and warms up before timing.
    let first = render(&summary, &[], chart, &opts, Format::Png).expect("render");
    std::fs::write(format!("{}.jalon.png", chart.stem()), &first.bytes).expect("write");
    let start = Instant::now();
    for _ in 0..runs {
        render(&summary, &[], chart, &opts, Format::Png).expect("render");
    }
    println!(
        "{:.3}",
        start.elapsed().as_secs_f64() * 1000.0 / f64::from(runs)
    );
}
