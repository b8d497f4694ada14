//! What Jalon reads of an input it did not make, so that any page, document or workbook is
//! read or refused within its budget (2 s and 200 MB on a two-core machine; see
//! scripts/hostile-bench.py for the hostile inputs that hold it).

use crate::error::{Error, Result};

/// The most objective entries a page or JSON document brings in. A strategy has hundreds;
/// Jalon is measured on 10,000 (its benchmarks) and reads five times as many, within budget.
pub const MAX_OBJECTIVES: usize = 50_000;

/// Refuses more objective entries than `MAX_OBJECTIVES`.
pub fn objectives(count: usize) -> Result<()> {
    if count > MAX_OBJECTIVES {
        return Err(Error::TooManyObjectives {
            count,
            limit: MAX_OBJECTIVES,
        });
    }
    Ok(())
}
