//! Is it late? An objective's dated trajectory (a start date, dated milestones, its due date)
//! gives the progress expected at the report's "data as of" date, exactly, as the roll-up
//! gives progress; its schedule status compares it with the progress reached.
//!
//! The rule: the expected progress at a date `d` is piecewise linear through 0 at the start,
//! each milestone's progress at its date and 100 at the due date; 0 before the start, 100
//! after the due date. Days are calendar days. The value stays a rational and is shown half up,
//! like every percentage.

use num_bigint::BigInt;
use num_rational::BigRational;
use serde::{Deserialize, Serialize};

use crate::model::{Status, is_iso_date};

/// A dated intermediate target.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Milestone {
    /// YYYY-MM-DD.
    pub date: String,
    /// The whole percent expected by that date.
    pub progress: u32,
}

/// Where an objective stands against its trajectory.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Schedule {
    /// Completed.
    Done,
    /// No start or no due date, or abandoned: nothing to compare with.
    Unplanned,
    /// The due date is past and it is not completed.
    Overdue,
    /// Its progress is below the expected progress by more than the tolerance.
    Late,
    OnTrack,
}

/// The report's default tolerance, in points: a progress at expected − 10 is on track.
pub const DEFAULT_TOLERANCE: u32 = 10;

/// A calendar day number (the Julian day) of an ISO date; None when it is not a real date.
pub fn day(iso: &str) -> Option<i64> {
    if !is_iso_date(iso) {
        return None;
    }
    let year: i32 = iso[0..4].parse().ok()?;
    let month: u8 = iso[5..7].parse().ok()?;
    let d: u8 = iso[8..10].parse().ok()?;
    let month = time::Month::try_from(month).ok()?;
    time::Date::from_calendar_date(year, month, d)
        .ok()
        .map(|date| i64::from(date.to_julian_day()))
}

/// A trajectory read into days: (day, progress) points from the start (0 %) to the due date
/// (100 %), in order. None when it has no start or no due date, when a date is not a real
/// one, or when the points are not in order (the editor refuses those at the field).
pub fn points(start: &str, milestones: &[Milestone], due: &str) -> Option<Vec<(i64, u32)>> {
    let mut points = vec![(day(start)?, 0)];
    for m in milestones {
        points.push((day(&m.date)?, m.progress.min(100)));
    }
    let due = day(due)?;
    if points.last().is_some_and(|&(d, p)| d == due && p == 100) {
        // The due date is the last milestone at 100 %.
    } else {
        points.push((due, 100));
    }
    let ordered = points.windows(2).all(|w| w[0].0 < w[1].0);
    ordered.then_some(points)
}

/// The progress expected on day `at`, exactly.
pub fn expected(points: &[(i64, u32)], at: i64) -> BigRational {
    let int = |v: i64| BigRational::from_integer(BigInt::from(v));
    let Some(&(first, first_p)) = points.first() else {
        return int(0);
    };
    if at <= first {
        return int(i64::from(first_p));
    }
    for w in points.windows(2) {
        let ((a, pa), (b, pb)) = (w[0], w[1]);
        if at <= b {
            let (pa, pb) = (i64::from(pa), i64::from(pb));
            // pa + (pb − pa) × (at − a) / (b − a)
            return int(pa)
                + BigRational::new(BigInt::from((pb - pa) * (at - a)), BigInt::from(b - a));
        }
    }
    int(i64::from(points.last().map_or(100, |&(_, p)| p)))
}

/// The schedule status of an objective with `status` and `progress`, against its trajectory
/// (None when unplanned), on day `as_of`, with the report's tolerance in points.
pub fn schedule(
    status: Status,
    progress: u32,
    trajectory: Option<&[(i64, u32)]>,
    as_of: i64,
    tolerance: u32,
) -> Schedule {
    if status == Status::Completed {
        return Schedule::Done;
    }
    let Some(points) = trajectory.filter(|_| status != Status::Abandoned) else {
        return Schedule::Unplanned;
    };
    if points.last().is_some_and(|&(due, _)| due < as_of) {
        return Schedule::Overdue;
    }
    let floor = expected(points, as_of) - BigRational::from_integer(BigInt::from(tolerance));
    if BigRational::from_integer(BigInt::from(progress)) < floor {
        Schedule::Late
    } else {
        Schedule::OnTrack
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::exact::display_percent;
    use proptest::prelude::*;

    fn m(date: &str, progress: u32) -> Milestone {
        Milestone {
            date: date.into(),
            progress,
        }
    }

    #[test]
    fn the_rule_s_example_gives_30() {
        // Start 1 January, 60 % on 1 July, as of 31 March: 89/181 × 60 = 29.50… → 30.
        let p = points("2026-01-01", &[m("2026-07-01", 60)], "2026-12-31").expect("planned");
        let v = expected(&p, day("2026-03-31").unwrap());
        assert_eq!(
            v,
            BigRational::new(BigInt::from(89 * 60), BigInt::from(181))
        );
        assert_eq!(display_percent(&v), 30);
    }

    #[test]
    fn before_the_start_nothing_is_expected_and_after_the_due_date_everything() {
        let p = points("2026-01-01", &[], "2026-12-31").expect("planned");
        assert_eq!(
            display_percent(&expected(&p, day("2025-06-01").unwrap())),
            0
        );
        assert_eq!(
            display_percent(&expected(&p, day("2027-06-01").unwrap())),
            100
        );
        assert_eq!(
            display_percent(&expected(&p, day("2026-12-31").unwrap())),
            100
        );
    }

    #[test]
    fn calendar_days_count_leap_years() {
        assert_eq!(day("2024-03-01").unwrap() - day("2024-02-28").unwrap(), 2);
        assert_eq!(day("2026-03-01").unwrap() - day("2026-02-28").unwrap(), 1);
        assert_eq!(day("2026-02-30"), None, "not a real date");
        assert_eq!(day("31/03/2026"), None);
    }

    #[test]
    fn out_of_order_or_missing_dates_leave_the_objective_unplanned() {
        assert!(points("2026-06-01", &[m("2026-03-01", 20)], "2026-12-31").is_none());
        assert!(points("", &[], "2026-12-31").is_none());
        assert!(points("2026-01-01", &[], "end of year").is_none());
        assert!(
            points("2026-01-01", &[m("2026-12-31", 100)], "2026-12-31").is_some(),
            "due = last milestone at 100"
        );
    }

    #[test]
    fn the_schedule_status_follows_the_rule() {
        let p = points("2026-01-01", &[], "2026-12-31").expect("planned");
        let mid = day("2026-07-02").unwrap(); // 182/364 of the year: expected 50 exactly
        assert_eq!(
            expected(&p, mid),
            BigRational::from_integer(BigInt::from(50))
        );
        let s = |status, progress, at| schedule(status, progress, Some(&p), at, DEFAULT_TOLERANCE);
        assert_eq!(
            s(Status::InProgress, 40, mid),
            Schedule::OnTrack,
            "exactly at expected − tolerance"
        );
        assert_eq!(s(Status::InProgress, 39, mid), Schedule::Late);
        assert_eq!(s(Status::Completed, 0, mid), Schedule::Done);
        assert_eq!(s(Status::Abandoned, 0, mid), Schedule::Unplanned);
        assert_eq!(
            s(Status::InProgress, 99, day("2027-01-01").unwrap()),
            Schedule::Overdue
        );
        assert_eq!(
            schedule(Status::InProgress, 0, None, mid, 10),
            Schedule::Unplanned
        );
    }

    fn trajectory() -> impl Strategy<Value = (i64, Vec<(i64, u32)>)> {
        // A start, then up to five steps of 1..400 days, with progress rising.
        (
            0i64..3000,
            prop::collection::vec((1i64..400, 0u32..=100), 0..5),
        )
            .prop_map(|(start, steps)| {
                let mut day = start;
                let mut progress: Vec<u32> = steps.iter().map(|s| s.1).collect();
                progress.sort_unstable();
                let mut points = vec![(start, 0)];
                for ((gap, _), p) in steps.iter().zip(progress) {
                    day += gap;
                    points.push((day, p));
                }
                points.push((day + 30, 100));
                (start, points)
            })
    }

    proptest! {
        #[test]
        fn expected_progress_never_falls_as_time_passes((start, points) in trajectory(), a in -100i64..4000, b in -100i64..4000) {
            let (early, late) = (a.min(b) + start, a.max(b) + start);
            prop_assert!(expected(&points, early) <= expected(&points, late));
        }

        #[test]
        fn expected_progress_is_exact_at_each_point_and_between_0_and_100((_, points) in trajectory(), at in -100i64..5000) {
            for &(d, p) in &points {
                prop_assert_eq!(expected(&points, d), BigRational::from_integer(BigInt::from(p)));
            }
            let v = expected(&points, at);
            prop_assert!(v >= BigRational::from_integer(BigInt::from(0)));
            prop_assert!(v <= BigRational::from_integer(BigInt::from(100)));
            // Shown half up: within half a point of the exact value, and .5 goes up.
            let shown = BigRational::from_integer(BigInt::from(display_percent(&v)));
            let half = BigRational::new(BigInt::from(1), BigInt::from(2));
            prop_assert!(shown.clone() - v.clone() <= half.clone());
            prop_assert!(v - shown < half);
        }
    }
}
