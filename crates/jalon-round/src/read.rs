//! A returned workbook read back: .xlsx or .ods (calamine), its rows matched to objectives by
//! the ids in its hidden sheet, never by title. Anything that is not what went out is refused
//! with the sheet and cell it is in (`Objectives!K12`), and nothing of the workbook is used.

use calamine::{Data, Range, Reader, open_workbook_auto_from_rs};
use jalon_core::{Language, Status};

use crate::WorkbookProblem as P;

use crate::{DATA_SHEET, FIRST_ROW, RoundError};

fn refused(p: P) -> RoundError {
    RoundError::Refused(p)
}

/// The largest returned workbook read, and the most its archive may expand to: a workbook of
/// 500 objectives is about 60 kB, so these refuse a wrong or hostile file long before it costs.
pub const MAX_FILE_BYTES: u64 = 10 * 1024 * 1024;
pub const MAX_EXPANDED_BYTES: u64 = 100 * 1024 * 1024;

/// An objective's four fields as a lead sees them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Values {
    pub status: Status,
    pub progress: u32,
    pub achievement: String,
    pub next_steps: String,
}

/// One objective's row as it came back.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReturnedRow {
    pub objective_id: i64,
    /// The hidden cell that holds the objective's id, for a message when the report has no
    /// such objective.
    pub id_cell: String,
    /// The row as the spreadsheet numbers it (1-based), for messages.
    pub row: u32,
    pub issued: Values,
    pub returned: Values,
    pub comment: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Returned {
    pub round_id: String,
    pub report_id: String,
    pub lead: String,
    pub rows: Vec<ReturnedRow>,
}

/// A cell as a spreadsheet names it: `Objectives!K12`.
pub fn cell_name(sheet: &str, row0: u32, col0: u16) -> String {
    let mut col = String::new();
    let mut n = u32::from(col0) + 1;
    while n > 0 {
        let rem = ((n - 1) % 26) as u8;
        col.insert(0, char::from(b'A' + rem));
        n = (n - 1) / 26;
    }
    format!("{sheet}!{col}{}", row0 + 1)
}

/// Reads a returned workbook's bytes.
pub fn read(bytes: &[u8], lang: Language) -> Result<Returned, RoundError> {
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(refused(P::TooLarge {
            size: bytes.len() as u64,
            limit: MAX_FILE_BYTES,
        }));
    }
    check_expansion(bytes)?;
    let mut book = open_workbook_auto_from_rs(std::io::Cursor::new(bytes)).map_err(|e| {
        refused(P::Unreadable {
            detail: e.to_string(),
        })
    })?;
    let objectives_sheet = crate::RoundWords(lang).objectives_sheet();
    let data = book
        .worksheet_range(DATA_SHEET)
        .map_err(|_| refused(P::NotARoundWorkbook))?;
    let sheet = book.worksheet_range(&objectives_sheet).map_err(|_| {
        refused(P::MissingSheet {
            sheet: objectives_sheet.clone(),
        })
    })?;
    let formulas = book.worksheet_formula(&objectives_sheet).ok();
    let text = |r: &Range<Data>, row: u32, col: u16| -> String {
        match r.get_value((row, u32::from(col))) {
            Some(Data::String(s)) => s.clone(),
            Some(Data::Float(f)) => f.to_string(),
            Some(Data::Int(i)) => i.to_string(),
            _ => String::new(),
        }
    };
    let ids = (text(&data, 0, 1), text(&data, 1, 1), text(&data, 2, 1));
    let mut rows = Vec::new();
    let mut i = 0u32;
    loop {
        let data_row = 4 + i;
        let Some(id) = number(data.get_value((data_row, 0))) else {
            break;
        };
        let row0 = FIRST_ROW + i;
        let name = |col| cell_name(&objectives_sheet, row0, col);
        if let Some(f) = &formulas
            && let Some(col) = (9..=13u16).find(|&c| {
                f.get_value((row0, u32::from(c)))
                    .is_some_and(|s| !s.is_empty())
            })
        {
            return Err(refused(P::Formula { cell: name(col) }));
        }
        let issued = Values {
            status: Status::from_code(&text(&data, data_row, 2)).ok_or_else(|| {
                refused(P::Damaged {
                    cell: cell_name(DATA_SHEET, data_row, 2),
                })
            })?,
            progress: number(data.get_value((data_row, 3)))
                .and_then(|p| u32::try_from(p).ok())
                .ok_or_else(|| {
                    refused(P::Damaged {
                        cell: cell_name(DATA_SHEET, data_row, 3),
                    })
                })?,
            achievement: text(&data, data_row, 4),
            next_steps: text(&data, data_row, 5),
        };
        let status_text = text(&sheet, row0, 9);
        let status = Status::from_label(&status_text).ok_or_else(|| {
            refused(P::UnknownStatus {
                cell: name(9),
                found: status_text.clone(),
            })
        })?;
        let progress = match sheet.get_value((row0, 10)) {
            Some(Data::Float(f)) if f.fract() == 0.0 && (0.0..=100.0).contains(f) => *f as u32,
            Some(Data::Int(n)) if (0..=100).contains(n) => *n as u32,
            other => {
                return Err(refused(P::BadProgress {
                    cell: name(10),
                    found: other.map(ToString::to_string).unwrap_or_default(),
                }));
            }
        };
        rows.push(ReturnedRow {
            objective_id: id,
            id_cell: cell_name(DATA_SHEET, data_row, 0),
            row: row0 + 1,
            issued,
            returned: Values {
                status,
                progress,
                achievement: text(&sheet, row0, 11),
                next_steps: text(&sheet, row0, 12),
            },
            comment: text(&sheet, row0, 13),
        });
        i += 1;
    }
    // A row added by hand below the issued ones.
    let after = FIRST_ROW + i;
    if let Some(end) = sheet.end()
        && end.0 >= after
    {
        for r in after..=end.0 {
            if let Some(c) = (0..=13u16)
                .find(|&c| !matches!(sheet.get_value((r, u32::from(c))), None | Some(Data::Empty)))
            {
                return Err(refused(P::RowAdded {
                    cell: cell_name(&objectives_sheet, r, c),
                }));
            }
        }
    }
    Ok(Returned {
        round_id: ids.0,
        report_id: ids.1,
        lead: ids.2,
        rows,
    })
}

fn number(v: Option<&Data>) -> Option<i64> {
    match v {
        Some(Data::Float(f)) if f.fract() == 0.0 => Some(*f as i64),
        Some(Data::Int(i)) => Some(*i),
        _ => None,
    }
}

/// Refuses an archive whose entries would expand beyond `MAX_EXPANDED_BYTES`, from its central
/// directory, before anything is decompressed.
fn check_expansion(bytes: &[u8]) -> Result<(), RoundError> {
    // A workbook encrypted with a password to open is no zip archive but an OLE compound file
    // (Office's and LibreOffice's alike): say so rather than "damaged".
    const OLE: [u8; 8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
    if bytes.starts_with(&OLE) {
        return Err(refused(P::Encrypted));
    }
    let Ok(mut archive) = zip::ZipArchive::new(std::io::Cursor::new(bytes)) else {
        return Err(refused(P::Unreadable {
            detail: "not a workbook (no zip archive)".into(),
        }));
    };
    // The central directory's sizes: writers that stream (rust_xlsxwriter, LibreOffice) put
    // them there, not in the local headers.
    let mut expanded = 0u64;
    for i in 0..archive.len() {
        let size = archive
            .by_index_raw(i)
            .map_err(|e| {
                refused(P::Unreadable {
                    detail: e.to_string(),
                })
            })?
            .size();
        expanded = expanded.saturating_add(size);
    }
    if expanded > MAX_EXPANDED_BYTES {
        return Err(refused(P::Expands {
            size: expanded,
            limit: MAX_EXPANDED_BYTES,
        }));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Issued, WorkbookInput};
    use jalon_core::{Objective, ObjectiveFields};
    use rust_xlsxwriter::Workbook;

    fn objective(progress: u32, status: Status, next: &str) -> Objective {
        Objective {
            id: 41,
            number: 7,
            part: None,
            fields: ObjectiveFields {
                title: "Objective 7".into(),
                status,
                progress,
                achievement: "Done".into(),
                next_steps: next.into(),
                ..Default::default()
            },
        }
    }

    /// A workbook as a lead returns it: the objectives sheet shows `returned`, the hidden sheet
    /// still holds `issued`; `edit` then writes over cells of the objectives sheet.
    fn returned(
        issued: &Objective,
        returned: &Objective,
        edit: impl Fn(&mut rust_xlsxwriter::Worksheet),
    ) -> Vec<u8> {
        let input = |o| WorkbookInput {
            round_id: "r-1",
            report_id: "rep-9",
            report_title: "S",
            lead: "Ana",
            due: "",
            lang: Language::En,
            objectives: o,
        };
        let shown = [Issued {
            axis: 1,
            action: 2,
            objective: returned,
            last: None,
        }];
        let kept = [Issued {
            axis: 1,
            action: 2,
            objective: issued,
            last: None,
        }];
        let mut book = Workbook::new();
        let w = crate::RoundWords(Language::En);
        crate::instructions(&mut book, &input(&shown), w).unwrap();
        crate::objectives_sheet(&mut book, &input(&shown), w).unwrap();
        edit(book.worksheet_from_name("Objectives").unwrap());
        crate::data_sheet(&mut book, &input(&kept)).unwrap();
        book.save_to_buffer().unwrap()
    }

    #[test]
    fn a_returned_row_gives_the_issued_and_the_returned_values() {
        let issued = objective(40, Status::InProgress, "Next");
        let back = objective(70, Status::Completed, "Nothing left");
        let r = read(&returned(&issued, &back, |_| {}), Language::En).unwrap();
        assert_eq!(
            (r.round_id.as_str(), r.report_id.as_str(), r.lead.as_str()),
            ("r-1", "rep-9", "Ana")
        );
        assert_eq!(r.rows.len(), 1);
        let row = &r.rows[0];
        assert_eq!((row.objective_id, row.row), (41, 2));
        assert_eq!(
            (row.issued.progress, row.issued.status),
            (40, Status::InProgress)
        );
        assert_eq!(
            (row.returned.progress, row.returned.status),
            (70, Status::Completed)
        );
        assert_eq!(row.returned.next_steps, "Nothing left");
    }

    #[test]
    fn each_bad_cell_is_refused_by_its_name() {
        let o = objective(40, Status::InProgress, "Next");
        type Edit = Box<dyn Fn(&mut rust_xlsxwriter::Worksheet)>;
        let cases: Vec<(Edit, &str)> = vec![
            (
                Box::new(|s| {
                    s.write_number(1, 10, 40.5).unwrap();
                }),
                "Objectives!K2",
            ),
            (
                Box::new(|s| {
                    s.write_number(1, 10, 101).unwrap();
                }),
                "Objectives!K2",
            ),
            (
                Box::new(|s| {
                    s.write_string(1, 10, "half").unwrap();
                }),
                "Objectives!K2",
            ),
            (
                Box::new(|s| {
                    s.write_string(1, 9, "Finished").unwrap();
                }),
                "Objectives!J2",
            ),
            (
                Box::new(|s| {
                    s.write_formula(1, 12, "=1+1").unwrap();
                }),
                "Objectives!M2",
            ),
            (
                Box::new(|s| {
                    s.write_string(2, 4, "A new objective").unwrap();
                }),
                "Objectives!E3",
            ),
        ];
        for (edit, cell) in cases {
            let err = read(&returned(&o, &o, edit), Language::En)
                .unwrap_err()
                .to_string();
            assert!(err.starts_with(cell), "{cell}: {err}");
        }
    }

    #[test]
    fn what_is_not_a_round_workbook_is_refused() {
        assert!(matches!(
            read(b"not a zip", Language::En),
            Err(RoundError::Refused(P::Unreadable { .. }))
        ));
        let mut ole = vec![0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
        ole.resize(4096, 0);
        assert!(matches!(
            read(&ole, Language::En),
            Err(RoundError::Refused(P::Encrypted))
        ));
        let mut book = Workbook::new();
        book.add_worksheet().write_string(0, 0, "x").unwrap();
        let plain = book.save_to_buffer().unwrap();
        assert!(matches!(
            read(&plain, Language::En),
            Err(RoundError::Refused(P::NotARoundWorkbook))
        ));
        assert_eq!(cell_name("Objectives", 11, 3), "Objectives!D12");
        assert_eq!(cell_name("S", 0, 27), "S!AB1");
    }
}
