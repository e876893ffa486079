//! Applying a date filter to a list of 100,000 articles (dates over seven years, a fifth
//! undated), as the list does on every change of filter.

use byline::datefilter::{self, DateFilter};
use byline::synth::Rng;
use chrono::{Duration, NaiveDate};
use criterion::{criterion_group, criterion_main, Criterion};

fn filter(c: &mut Criterion) {
    let mut rng = Rng::new(7);
    let base = NaiveDate::from_ymd_opt(2019, 1, 1).expect("a valid date");
    let dates: Vec<Option<NaiveDate>> =
        (0..100_000).map(|_| (rng.below(5) != 0).then(|| base + Duration::days(rng.below(7 * 365) as i64))).collect();
    let mut order: Vec<usize> = (0..dates.len()).collect();
    order.sort_by(|&a, &b| dates[b].cmp(&dates[a]));
    let today = NaiveDate::from_ymd_opt(2025, 11, 20).expect("a valid date");
    let mut group = c.benchmark_group("date filter, 100000 articles");
    for expr in ["2023-03..2024-06", "2025-10", "undated", "30d"] {
        let f: Option<DateFilter> = datefilter::parse(expr, today).expect("a valid expression");
        group.bench_function(expr, |b| b.iter(|| datefilter::apply(f.as_ref(), &dates, &order).len()));
    }
    group.bench_function("parse", |b| b.iter(|| datefilter::parse("2025-03-01..2025-03-31", today)));
    group.finish();
}

criterion_group!(benches, filter);
criterion_main!(benches);
