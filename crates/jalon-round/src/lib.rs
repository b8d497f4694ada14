//! jalon-round: the contributor round, run offline. One workbook per lead goes out; the
//! returned workbooks are read back and compared, field by field, with what was issued and with
//! the report as it is now.
//!
//! Work in progress (branch wip/contributor-round): the workbook writer, the reader (calamine,
//! with cell-named refusals and archive limits) and the three-way comparison, as pure
//! functions. Still to come: the round recorded in the report (a migration, and the report's
//! own id), the messages in the core's catalogue, the use cases (start, import with
//! --accept-all, status; accepted changes in one transaction, in the history with the round,
//! the lead and the workbook's SHA-256), the CLI, the review screen, and the tests with
//! openpyxl and LibreOffice.

use jalon_core::{Language, Objective, Report, Status};
use rust_xlsxwriter::{
    DataValidation, DataValidationRule, Format, FormatBorder, Workbook, XlsxError,
};

mod compare;
mod problem;
mod read;
mod words;

pub use compare::{Difference, Field, Value, apply, compare};
pub use problem::WorkbookProblem;
pub use words::RoundWords;

pub use read::{
    MAX_EXPANDED_BYTES, MAX_FILE_BYTES, Returned, ReturnedRow, Values, cell_name, read,
};

/// What can go wrong with a round's workbook: writing it, or a returned one refused, with
/// why (typed in `problem.rs`, worded in `words.rs`; a cell is named as `Objectives!K12`).
#[derive(Debug, thiserror::Error)]
pub enum RoundError {
    #[error("writing the workbook: {0}")]
    Xlsx(#[from] XlsxError),
    #[error("{}", .0.render(jalon_core::Language::En))]
    Refused(WorkbookProblem),
}

pub type Result<T> = std::result::Result<T, RoundError>;

/// The hidden sheet's name: stable in every language, since the reader looks for it.
pub const DATA_SHEET: &str = "jalon";

/// The first row of objectives on the objectives sheet (0-based; row 0 holds the headers).
pub const FIRST_ROW: u32 = 1;

/// The columns of the inputs, in the order the lead fills them.
pub const INPUT_COLUMNS: std::ops::RangeInclusive<u16> = 9..=13;

/// One objective as it goes out: its place, the last report's values and the current ones.
pub struct Issued<'a> {
    pub axis: u32,
    pub action: u32,
    pub objective: &'a Objective,
    /// The objective in the last closed period, if it was there.
    pub last: Option<&'a Objective>,
}

/// What a round's workbook is made for.
pub struct WorkbookInput<'a> {
    pub round_id: &'a str,
    pub report_id: &'a str,
    pub report_title: &'a str,
    pub lead: &'a str,
    pub due: &'a str,
    pub lang: Language,
    pub objectives: &'a [Issued<'a>],
}

/// An objective with its axis's and action's numbers.
pub type Placed<'a> = (u32, u32, &'a Objective);

/// A lead (None for the objectives without one) and their objectives.
pub type LeadGroup<'a> = (Option<String>, Vec<Placed<'a>>);

/// The objectives of a report by lead, in report order; objectives without a lead come last,
/// under `None`.
pub fn by_lead(report: &Report) -> Vec<LeadGroup<'_>> {
    let mut out: Vec<LeadGroup<'_>> = Vec::new();
    for (axis, action, o) in report.objectives() {
        let lead = Some(o.fields.lead.trim().to_string()).filter(|l| !l.is_empty());
        let entry = (axis.number, action.number, o);
        match out.iter_mut().find(|(l, _)| *l == lead) {
            Some((_, list)) => list.push(entry),
            None => out.push((lead, vec![entry])),
        }
    }
    out.sort_by_key(|(l, _)| l.is_none());
    out
}

/// The workbook's bytes: an instructions sheet, the objectives sheet (protected without a
/// password; only the inputs unlocked), and the hidden data sheet the reader matches rows by.
pub fn workbook(input: &WorkbookInput) -> Result<Vec<u8>> {
    let w = RoundWords(input.lang);
    let mut book = Workbook::new();
    instructions(&mut book, input, w)?;
    objectives_sheet(&mut book, input, w)?;
    data_sheet(&mut book, input)?;
    Ok(book.save_to_buffer()?)
}

pub(crate) fn instructions(
    book: &mut Workbook,
    input: &WorkbookInput,
    w: RoundWords,
) -> Result<()> {
    let sheet = book.add_worksheet();
    sheet.set_name(w.instructions_sheet())?;
    sheet.set_column_width(0, 110)?;
    let wrap = Format::new().set_text_wrap();
    let bold = Format::new().set_bold().set_font_size(14);
    for (i, line) in w
        .instructions(input.report_title, input.lead, input.due)
        .iter()
        .enumerate()
    {
        let f = if i == 0 { &bold } else { &wrap };
        sheet.write_string_with_format(i as u32, 0, line, f)?;
    }
    sheet.protect();
    Ok(())
}

pub(crate) fn objectives_sheet(
    book: &mut Workbook,
    input: &WorkbookInput,
    w: RoundWords,
) -> Result<()> {
    let lang = input.lang;
    let sheet = book.add_worksheet();
    sheet.set_name(w.objectives_sheet())?;
    let head = Format::new()
        .set_bold()
        .set_text_wrap()
        .set_border(FormatBorder::Thin);
    let locked = Format::new()
        .set_text_wrap()
        .set_background_color("#E7E9EE")
        .set_border(FormatBorder::Thin);
    let open = Format::new()
        .set_text_wrap()
        .set_unlocked()
        .set_border(FormatBorder::Thin);
    for (c, h) in w.headers().iter().enumerate() {
        sheet.write_string_with_format(0, c as u16, h, &head)?;
    }
    for (c, width) in [6, 7, 9, 6, 40, 14, 12, 40, 40, 16, 12, 50, 50, 30]
        .into_iter()
        .enumerate()
    {
        sheet.set_column_width(c as u16, width)?;
    }
    sheet.set_freeze_panes(1, 5)?;
    for (i, item) in input.objectives.iter().enumerate() {
        let row = FIRST_ROW + i as u32;
        let o = item.objective;
        let f = &o.fields;
        sheet.write_number_with_format(row, 0, item.axis, &locked)?;
        sheet.write_number_with_format(row, 1, item.action, &locked)?;
        sheet.write_number_with_format(row, 2, o.number, &locked)?;
        let part = o
            .part
            .map(|p| format!("{}/{}", p.index, p.count))
            .unwrap_or_default();
        sheet.write_string_with_format(row, 3, &part, &locked)?;
        sheet.write_string_with_format(row, 4, &f.title, &locked)?;
        match item.last {
            Some(last) => {
                let l = &last.fields;
                sheet.write_string_with_format(row, 5, lang.status(l.status), &locked)?;
                sheet.write_number_with_format(row, 6, l.progress, &locked)?;
                sheet.write_string_with_format(row, 7, &l.achievement, &locked)?;
                sheet.write_string_with_format(row, 8, &l.next_steps, &locked)?;
            }
            None => {
                for c in 5..=8 {
                    sheet.write_blank(row, c, &locked)?;
                }
            }
        }
        sheet.write_string_with_format(row, 9, lang.status(f.status), &open)?;
        sheet.write_number_with_format(row, 10, f.progress, &open)?;
        sheet.write_string_with_format(row, 11, &f.achievement, &open)?;
        sheet.write_string_with_format(row, 12, &f.next_steps, &open)?;
        sheet.write_blank(row, 13, &open)?;
    }
    if !input.objectives.is_empty() {
        let last = FIRST_ROW + input.objectives.len() as u32 - 1;
        let statuses: Vec<&str> = Status::ALL.iter().map(|&s| lang.status(s)).collect();
        let status = DataValidation::new().allow_list_strings(&statuses)?;
        sheet.add_data_validation(FIRST_ROW, 9, last, 9, &status)?;
        let (title, message) = w.progress_refused();
        let progress = DataValidation::new()
            .allow_whole_number(DataValidationRule::Between(0, 100))
            .set_error_title(&title)?
            .set_error_message(&message)?;
        sheet.add_data_validation(FIRST_ROW, 10, last, 10, &progress)?;
    }
    // Protected without a password: the layout survives, and nothing is secret.
    sheet.protect();
    sheet.set_active(true);
    Ok(())
}

/// The hidden sheet: the round's and the report's ids, then each row's objective id and the
/// values as issued, against which the returned ones are compared.
pub(crate) fn data_sheet(book: &mut Workbook, input: &WorkbookInput) -> Result<()> {
    let sheet = book.add_worksheet();
    sheet.set_name(DATA_SHEET)?;
    sheet.write_string(0, 0, "round")?;
    sheet.write_string(0, 1, input.round_id)?;
    sheet.write_string(1, 0, "report")?;
    sheet.write_string(1, 1, input.report_id)?;
    sheet.write_string(2, 0, "lead")?;
    sheet.write_string(2, 1, input.lead)?;
    for (i, item) in input.objectives.iter().enumerate() {
        let row = 4 + i as u32;
        let f = &item.objective.fields;
        sheet.write_number(row, 0, item.objective.id as f64)?;
        sheet.write_number(row, 1, f64::from(FIRST_ROW + i as u32 + 1))?;
        sheet.write_string(row, 2, f.status.code())?;
        sheet.write_number(row, 3, f.progress)?;
        sheet.write_string(row, 4, &f.achievement)?;
        sheet.write_string(row, 5, &f.next_steps)?;
    }
    sheet.protect();
    sheet.set_very_hidden(true);
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use calamine::{Data, Reader, Xlsx};
    use jalon_core::ObjectiveFields;

    fn objective(id: i64, number: u32, lead: &str, progress: u32) -> Objective {
        Objective {
            id,
            number,
            part: None,
            fields: ObjectiveFields {
                title: format!("Objective {number}"),
                status: Status::InProgress,
                progress,
                achievement: "Done:\n• a\n• b".into(),
                next_steps: "Next".into(),
                lead: lead.into(),
                ..Default::default()
            },
        }
    }

    #[test]
    fn a_workbook_reads_back_with_its_inputs_prefilled_and_its_hidden_data() {
        let o = objective(41, 7, "Ana", 60);
        let last = objective(41, 7, "Ana", 40);
        let items = [Issued {
            axis: 2,
            action: 5,
            objective: &o,
            last: Some(&last),
        }];
        let bytes = workbook(&WorkbookInput {
            round_id: "r-1",
            report_id: "rep-9",
            report_title: "Strategy",
            lead: "Ana",
            due: "2026-06-15",
            lang: Language::Fr,
            objectives: &items,
        })
        .expect("workbook");
        let mut book: Xlsx<_> = Xlsx::new(std::io::Cursor::new(bytes)).expect("xlsx");
        assert_eq!(book.sheet_names(), ["Consignes", "Objectifs", "jalon"]);
        let sheet = book.worksheet_range("Objectifs").expect("sheet");
        assert_eq!(
            sheet.get_value((0, 9)),
            Some(&Data::String("Statut".into()))
        );
        assert_eq!(
            sheet.get_value((1, 6)),
            Some(&Data::Float(40.0)),
            "last report"
        );
        assert_eq!(
            sheet.get_value((1, 9)),
            Some(&Data::String("En cours".into()))
        );
        assert_eq!(
            sheet.get_value((1, 10)),
            Some(&Data::Float(60.0)),
            "current"
        );
        assert_eq!(
            sheet.get_value((1, 11)),
            Some(&Data::String("Done:\n• a\n• b".into()))
        );
        let data = book.worksheet_range(DATA_SHEET).expect("data");
        assert_eq!(data.get_value((0, 1)), Some(&Data::String("r-1".into())));
        assert_eq!(data.get_value((4, 0)), Some(&Data::Float(41.0)));
        assert_eq!(
            data.get_value((4, 2)),
            Some(&Data::String("in_progress".into()))
        );
    }

    #[test]
    fn objectives_are_grouped_by_lead_with_those_without_one_last() {
        let report = Report {
            strategy: Default::default(),
            axes: vec![jalon_core::Axis {
                id: 1,
                number: 1,
                title: "A".into(),
                actions: vec![jalon_core::Action {
                    id: 1,
                    number: 1,
                    title: "B".into(),
                    published_progress: None,
                    objectives: vec![
                        objective(1, 1, "", 0),
                        objective(2, 2, "Ana", 0),
                        objective(3, 3, " Ana ", 0),
                        objective(4, 4, "Bo", 0),
                    ],
                }],
            }],
        };
        let groups: Vec<(Option<String>, Vec<u32>)> = by_lead(&report)
            .into_iter()
            .map(|(l, os)| (l, os.iter().map(|(_, _, o)| o.number).collect()))
            .collect();
        assert_eq!(
            groups,
            [
                (Some("Ana".into()), vec![2, 3]),
                (Some("Bo".into()), vec![4]),
                (None, vec![1]),
            ]
        );
    }
}
