//! Titles fitted to the box they get: measured with the bundled font (metric-compatible with
//! Arial) against the placeholder's box at the template's title size, shrunk two points at a
//! time down to a floor, and, when even that does not fit, cut at a word with "…" (the full
//! title then opens the speaker notes). A title never runs over its bar into the content, nor
//! off the slide.

use crate::{Deck, Para, Rect, SlideKind};

pub(crate) const EMU_PER_PT: f64 = 12_700.0;
/// A text box's default insets (ECMA-376 `bodyPr`): 0.1 in left and right, 0.05 in top and
/// bottom.
pub(crate) const INSET_X: i64 = 91_440;
pub(crate) const INSET_Y: i64 = 45_720;
/// Line height as a share of the size: PowerPoint's and Impress's single spacing.
pub(crate) const LINE: f64 = 1.2;
/// No title is shrunk below this (the house's floor for any text on a slide is 12 pt; a title
/// stays a title well above it).
pub(crate) const TITLE_FLOOR: u32 = 20;

/// A title as it will be written: its text (cut, with "…", when it could not fit) and size.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Fitted {
    pub text: String,
    pub size: u32,
    pub cut: bool,
}

/// Fits `text` into `rect` from `base` points down to the floor.
pub(crate) fn title(text: &str, rect: Rect, base: u32, bold: bool) -> Fitted {
    let w = (rect.w - 2 * INSET_X).max(1) as f64 / EMU_PER_PT;
    let h = (rect.h - 2 * INSET_Y).max(1) as f64 / EMU_PER_PT;
    let words = text.split_whitespace().collect::<Vec<_>>().join(" ");
    let floor = TITLE_FLOOR.min(base);
    let mut size = base;
    loop {
        let em = f64::from(size);
        let max_lines = ((h / (em * LINE)).floor() as usize).max(1);
        let lines = jalon_charts::wrap_text(&words, w, em, bold, max_lines);
        let joined = lines.join(" ");
        if joined == words {
            return Fitted {
                text: text.to_string(),
                size,
                cut: false,
            };
        }
        if size <= floor {
            return Fitted {
                text: joined,
                size,
                cut: true,
            };
        }
        size = size.saturating_sub(2).max(floor);
    }
}

/// A title the master sets in capitals (`cap="all"`), which run wider: fitted as capitals,
/// cut (where it must be) at the same word in its own case.
fn in_capitals(text: &str, rect: Rect, base: u32, bold: bool) -> Fitted {
    let fitted = title(&text.to_uppercase(), rect, base, bold);
    if !fitted.cut {
        return Fitted {
            text: text.to_string(),
            ..fitted
        };
    }
    let words: Vec<&str> = text.split_whitespace().collect();
    let kept: Vec<&str> = fitted
        .text
        .trim_end_matches('…')
        .split_whitespace()
        .collect();
    let same =
        kept.len() <= words.len() && kept.iter().zip(&words).all(|(k, w)| *k == w.to_uppercase());
    if same && !kept.is_empty() {
        Fitted {
            text: format!("{}…", words[..kept.len()].join(" ")),
            ..fitted
        }
    } else {
        fitted
    }
}

/// Every slide's title fitted to its stage's box; a title that had to be cut opens its notes
/// whole. The title slide's subtitle lines are fitted to theirs, from the stage's size down to
/// the 12 pt floor.
pub(crate) fn titles(deck: &mut Deck) {
    let stage = deck.stage.clone();
    for slide in &mut deck.slides {
        let tb = match slide.kind {
            SlideKind::Title => stage.centred,
            SlideKind::Content => stage.room(slide.role).title,
        };
        let fitted = if stage.title_caps {
            in_capitals(&slide.title, tb.rect, tb.size, stage.title_bold)
        } else {
            title(&slide.title, tb.rect, tb.size, stage.title_bold)
        };
        if fitted.cut {
            slide.notes.insert(0, slide.title.clone());
        }
        slide.title = fitted.text;
        slide.title_size = Some(fitted.size);
        if slide.kind == SlideKind::Title && !slide.subtitle.is_empty() {
            slide.subtitle_size = Some(subtitle(&slide.subtitle, stage.subtitle));
        }
    }
}

/// The size at which every line of a subtitle fits its box on one line each, from the box's
/// size down to the floor (where a line would wrap, `normAutofit` is the reader's last resort).
fn subtitle(lines: &[String], tb: crate::TextBox) -> u32 {
    let w = (tb.rect.w - 2 * INSET_X).max(1) as f64 / EMU_PER_PT;
    let h = (tb.rect.h - 2 * INSET_Y).max(1) as f64 / EMU_PER_PT;
    let fits = |size: u32| {
        let em = f64::from(size);
        lines.len() as f64 * em * LINE <= h
            && lines
                .iter()
                .all(|l| jalon_charts::text_room(l, em, false) <= w)
    };
    let mut size = tb.size.max(FLOOR);
    while size > FLOOR && !fits(size) {
        size -= 1;
    }
    size
}

/// No text on a slide is set below this: read from the back of a committee room.
pub(crate) const FLOOR: u32 = 12;

/// A text box's indent for a bulleted paragraph, in EMU (the writers' `marL`).
pub(crate) const BULLET_INDENT: i64 = 285_750;

/// The height paragraphs take in a box `w` EMU wide, in EMU: each wrapped with the bundled
/// font (and the fallback room) at its size, at single spacing, with the box's top and bottom
/// insets. The writers set the box's left and right insets to zero.
pub(crate) fn text_height(paras: &[Para], w: i64) -> i64 {
    let lines: f64 = paras
        .iter()
        .map(|p| {
            let width = w - if p.bullet { BULLET_INDENT } else { 0 };
            let em = f64::from(p.size);
            let n = jalon_charts::wrap_text(&p.text, width as f64 / EMU_PER_PT, em, p.bold, 99)
                .len()
                .max(1);
            n as f64 * em * LINE
        })
        .sum();
    (lines * EMU_PER_PT).ceil() as i64 + 2 * INSET_Y
}

/// The paragraphs set smaller a point at a time (each keeping its place above the floor) until
/// they fit `rect`; None when even at the floor they do not.
pub(crate) fn shrink(paras: &[Para], rect: Rect) -> Option<Vec<Para>> {
    let largest = paras.iter().map(|p| p.size).max().unwrap_or(FLOOR);
    for step in 0..=largest.saturating_sub(FLOOR) {
        let sized: Vec<Para> = paras
            .iter()
            .map(|p| Para {
                size: p.size.saturating_sub(step).max(FLOOR.min(p.size)),
                ..p.clone()
            })
            .collect();
        if text_height(&sized, rect.w) <= rect.h {
            return Some(sized);
        }
    }
    None
}

/// A table laid out on one slide: its columns, the rows it holds (from `first`), and each
/// row's height, header first.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct TablePage {
    pub rows: std::ops::Range<usize>,
    pub heights: Vec<i64>,
}

/// A table cell's insets (the writers' `marL`/`marR`, `marT`/`marB`), in EMU.
pub(crate) const CELL_X: i64 = 64_008;
pub(crate) const CELL_Y: i64 = 36_576;

/// Column widths for a table `w` EMU wide at `size` points: every column but the first as wide
/// as its widest cell (header in bold) up to `cap` of the width, the first taking the rest, so
/// that names get the room and figures are never broken.
pub(crate) fn columns(
    header: &[String],
    rows: &[Vec<String>],
    w: i64,
    size: u32,
    cap: f64,
) -> Vec<i64> {
    let em = f64::from(size);
    let natural = |c: usize| {
        let widest = std::iter::once((header[c].as_str(), true))
            .chain(rows.iter().map(|r| (r[c].as_str(), false)))
            .map(|(t, bold)| jalon_charts::text_room(t, em, bold))
            .fold(0.0, f64::max);
        (widest * EMU_PER_PT).ceil() as i64 + 2 * CELL_X + 12_700
    };
    let mut widths: Vec<i64> = (0..header.len())
        .map(|c| {
            if c == 0 {
                0
            } else {
                natural(c).min((w as f64 * cap) as i64)
            }
        })
        .collect();
    let rest: i64 = widths.iter().sum();
    widths[0] = w - rest;
    widths
}

/// A row's height: its cells wrapped in their columns, the tallest.
fn row_height(cells: &[String], columns: &[i64], size: u32, bold: bool) -> i64 {
    let em = f64::from(size);
    let lines = cells
        .iter()
        .zip(columns)
        .map(|(t, w)| {
            let usable = (w - 2 * CELL_X).max(1) as f64 / EMU_PER_PT;
            jalon_charts::wrap_text(t, usable, em, bold, 99)
                .len()
                .max(1)
        })
        .max()
        .unwrap_or(1);
    (lines as f64 * em * LINE * EMU_PER_PT).ceil() as i64 + 2 * CELL_Y
}

/// The table's rows split into pages that each fit `h` EMU with the header repeated on top.
pub(crate) fn table_pages(
    header: &[String],
    rows: &[Vec<String>],
    columns: &[i64],
    size: u32,
    h: i64,
) -> Vec<TablePage> {
    let head = row_height(header, columns, size, true);
    let heights: Vec<i64> = rows
        .iter()
        .map(|r| row_height(r, columns, size, false))
        .collect();
    let mut pages = Vec::new();
    let mut start = 0;
    while start < rows.len() || pages.is_empty() {
        let mut used = head;
        let mut end = start;
        // At least one row a page, however tall.
        while end < rows.len() && (end == start || used + heights[end] <= h) {
            used += heights[end];
            end += 1;
        }
        let mut page = vec![head];
        page.extend_from_slice(&heights[start..end]);
        pages.push(TablePage {
            rows: start..end,
            heights: page,
        });
        start = end;
        if rows.is_empty() {
            break;
        }
    }
    pages
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A one-line title bar, 10 in wide and 0.9 in high.
    const BAR: Rect = Rect {
        x: 0,
        y: 0,
        w: 9_144_000,
        h: 822_960,
    };

    #[test]
    fn a_short_title_keeps_the_templates_size() {
        let f = title("Overview", BAR, 40, false);
        assert_eq!((f.text.as_str(), f.size, f.cut), ("Overview", 40, false));
    }

    #[test]
    fn a_long_title_is_shrunk_until_it_fits_and_never_below_the_floor() {
        let long = "Action 14 — Make the ministry's information systems work for their users";
        let f = title(long, BAR, 44, false);
        assert!(!f.cut && f.size < 44 && f.size >= TITLE_FLOOR, "{f:?}");
        // At the size chosen it fits in the bar's lines; two points larger it did not.
        let w = (BAR.w - 2 * INSET_X) as f64 / EMU_PER_PT;
        let h = (BAR.h - 2 * INSET_Y) as f64 / EMU_PER_PT;
        let lines = |size: u32| {
            let em = f64::from(size);
            let n = ((h / (em * LINE)).floor() as usize).max(1);
            jalon_charts::wrap_text(long, w, em, false, n).join(" ") == long
        };
        assert!(lines(f.size) && !lines(f.size + 2), "{f:?}");
    }

    #[test]
    fn a_title_too_long_even_at_the_floor_is_cut_at_a_word_with_an_ellipsis() {
        let very = "Axis 4 — ".to_string() + &"a very long title that never ends ".repeat(8);
        let f = title(&very, BAR, 32, false);
        // In capitals, the same title is cut earlier, at a word of its own case.
        let caps = in_capitals(&very, BAR, 32, false);
        assert!(caps.cut && caps.text.ends_with('…'), "{caps:?}");
        assert!(caps.text.len() < f.text.len(), "{caps:?} {f:?}");
        assert!(
            very.starts_with(caps.text.trim_end_matches('…')),
            "{caps:?}"
        );
        assert!(f.cut && f.size == TITLE_FLOOR, "{f:?}");
        assert!(
            f.text.ends_with('…') && f.text.len() < very.len(),
            "{}",
            f.text
        );
        let mut stage = crate::Stage::own();
        for p in stage.layouts.iter_mut().filter(|p| p.role.is_content()) {
            p.room = Some(crate::Room {
                title: crate::TextBox {
                    rect: BAR,
                    size: 32,
                },
                ..p.room.expect("room")
            });
        }
        stage.title_bold = false;
        let mut deck = Deck {
            title: "T".into(),
            lang: jalon_core::Language::En,
            dark: false,
            slides: vec![crate::Slide {
                kind: SlideKind::Content,
                role: crate::Role::Text,
                title: very.clone(),
                title_size: None,
                subtitle: Vec::new(),
                subtitle_size: None,
                shapes: Vec::new(),
                notes: vec!["figures".into()],
            }],
            stage,
        };
        titles(&mut deck);
        assert_eq!(
            deck.slides[0].notes,
            vec![very, "figures".to_string()],
            "the full title opens the notes"
        );
        assert_eq!(deck.slides[0].title_size, Some(TITLE_FLOOR));
    }

    fn texts(n: usize, len: usize) -> Vec<Para> {
        (0..n)
            .map(|i| Para {
                text: format!("{i} ") + &"word ".repeat(len),
                bold: false,
                bullet: true,
                size: 16,
            })
            .collect()
    }

    #[test]
    fn paragraphs_shrink_to_fit_their_box_and_not_below_the_floor() {
        let rect = Rect {
            x: 0,
            y: 0,
            w: 4_000_000,
            h: 2_000_000,
        };
        let paras = texts(5, 12);
        assert!(
            text_height(&paras, rect.w) > rect.h,
            "the test's text overflows at 16 pt"
        );
        let fitted = shrink(&paras, rect).expect("fits smaller");
        assert!(text_height(&fitted, rect.w) <= rect.h);
        let size = fitted[0].size;
        assert!((FLOOR..16).contains(&size), "{size}");
        // One point larger, it did not fit.
        let larger: Vec<Para> = fitted
            .iter()
            .map(|p| Para {
                size: p.size + 1,
                ..p.clone()
            })
            .collect();
        assert!(text_height(&larger, rect.w) > rect.h);
        assert_eq!(shrink(&texts(40, 12), rect), None, "too much even at 12 pt");
    }

    #[test]
    fn a_long_table_continues_on_pages_that_each_fit_and_keep_every_row() {
        let header: Vec<String> = ["Key action", "Progress", "Change", "Objectives"]
            .map(String::from)
            .to_vec();
        let rows: Vec<Vec<String>> = (0..30)
            .map(|i| {
                vec![
                    format!("Action {i} — ") + &"a long name ".repeat(i % 4 + 1),
                    "45 %".into(),
                    "+3 pts".into(),
                    "2 in progress, 1 completed".into(),
                ]
            })
            .collect();
        let w = 8_000_000;
        let cols = columns(&header, &rows, w, 14, 0.3);
        assert_eq!(cols.iter().sum::<i64>(), w);
        // "Progress" in bold fits its column on one line.
        let progress = jalon_charts::text_room("Progress", 14.0, true) * EMU_PER_PT;
        assert!((cols[1] - 2 * CELL_X) as f64 >= progress);
        let h = 4_000_000;
        let pages = table_pages(&header, &rows, &cols, 14, h);
        assert!(pages.len() > 1, "{pages:?}");
        let mut next = 0;
        for p in &pages {
            assert_eq!(p.rows.start, next, "no row lost or repeated");
            next = p.rows.end;
            assert!(p.heights.iter().sum::<i64>() <= h, "{p:?}");
            assert_eq!(p.heights.len(), p.rows.len() + 1);
        }
        assert_eq!(next, rows.len());
    }
}
