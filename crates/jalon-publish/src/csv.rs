//! The report as CSV: one row per objective entry after a header row, in the words of the
//! report's language (or the one asked for).
//!
//! Two profiles:
//! - `excel-fr`: what Excel in French opens right with a double click: `;` between cells, a
//!   decimal comma, UTF-8 with a byte-order mark (without it Excel reads Windows-1252), CRLF;
//! - `open-data`: RFC 4180: `,` between cells, a decimal point, UTF-8 without a byte-order
//!   mark, CRLF.
//!
//! A text cell that a spreadsheet would take for a formula (it begins with `=`, `+`, `-`, `@`,
//! a tab or a carriage return) is prefixed with `'`, as OWASP recommends against formula
//! injection: an objective's text comes from many hands.

use crate::words::PageWords;
use jalon_core::exact::{approx, display_percent};
use jalon_core::rollup::objective_value;
use jalon_core::{Language, Report, rollup};

use crate::{PublishError, Result};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CsvProfile {
    ExcelFr,
    OpenData,
}

impl CsvProfile {
    fn delimiter(self) -> u8 {
        match self {
            CsvProfile::ExcelFr => b';',
            CsvProfile::OpenData => b',',
        }
    }

    /// A decimal in the profile's notation.
    fn decimal(self, point: String) -> String {
        match self {
            CsvProfile::ExcelFr => point.replace('.', ","),
            CsvProfile::OpenData => point,
        }
    }
}

/// The CSV file's bytes.
pub fn csv(report: &Report, lang: Language, profile: CsvProfile) -> Result<Vec<u8>> {
    let err = |e: csv::Error| PublishError::Csv(e.to_string());
    let mut out = Vec::new();
    if profile == CsvProfile::ExcelFr {
        out.extend_from_slice(b"\xEF\xBB\xBF");
    }
    let figures = rollup(report);
    let w = PageWords(lang);
    {
        let mut writer = csv::WriterBuilder::new()
            .delimiter(profile.delimiter())
            .terminator(csv::Terminator::CRLF)
            .from_writer(&mut out);
        writer.write_record(w.csv_header()).map_err(err)?;
        for (axis, ax) in report.axes.iter().zip(&figures.axes) {
            for (action, ac) in axis.actions.iter().zip(&ax.actions) {
                for o in &action.objectives {
                    let f = &o.fields;
                    let record = [
                        axis.number.to_string(),
                        text(&axis.title),
                        action.number.to_string(),
                        text(&action.title),
                        o.number.to_string(),
                        o.part.map(|p| p.index.to_string()).unwrap_or_default(),
                        o.part.map(|p| p.count.to_string()).unwrap_or_default(),
                        text(&f.title),
                        lang.status(f.status).to_string(),
                        // The percentage the roll-up counts (an indicator's when it has one).
                        display_percent(&objective_value(o)).to_string(),
                        text(&f.achievement),
                        text(&f.next_steps),
                        text(&f.lead),
                        text(&f.due_date),
                        f.weight.to_string(),
                        // Exact values to two decimals: a spreadsheet sums and compares them
                        // better than the whole percentages the page shows.
                        ac.as_ref()
                            .map(|v| profile.decimal(approx(v, 2)))
                            .unwrap_or_default(),
                        ax.value
                            .as_ref()
                            .map(|v| profile.decimal(approx(v, 2)))
                            .unwrap_or_default(),
                    ];
                    writer.write_record(&record).map_err(err)?;
                }
            }
        }
        writer
            .flush()
            .map_err(|e| PublishError::Csv(e.to_string()))?;
    }
    Ok(out)
}

/// A text cell, neutralised when a spreadsheet would read it as a formula.
fn text(s: &str) -> String {
    if s.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{s}")
    } else {
        s.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_cell_that_would_be_a_formula_is_neutralised_and_others_are_not() {
        assert_eq!(text("=HYPERLINK(\"x\")"), "'=HYPERLINK(\"x\")");
        assert_eq!(text("+33 1"), "'+33 1");
        assert_eq!(text("-5 points"), "'-5 points");
        assert_eq!(text("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(text("Plain = fine"), "Plain = fine");
    }
}
