//! Speed targets of PRODUCT.md that need no file: the roll-up of 100,000 objectives (under
//! 10 ms) and the JSON export of 10,000. What reads or writes SQLite is in jalon-store's bench.
//! Run with `cargo bench -p jalon-core`.

use criterion::{Criterion, criterion_group, criterion_main};
use jalon_core::{exchange, rollup, synthetic};
use std::hint::black_box;

fn benches(c: &mut Criterion) {
    let big = synthetic::generate(100_000);
    c.bench_function("rollup 100k objectives", |b| {
        b.iter(|| rollup(black_box(&big)))
    });
    let ten_k = synthetic::generate(10_000);
    c.bench_function("json export 10k objectives", |b| {
        b.iter(|| exchange::to_json(black_box(&ten_k)))
    });
}

criterion_group!(core, benches);
criterion_main!(core);
