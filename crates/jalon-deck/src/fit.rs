//! Titles fitted to the box they get: measured with the bundled font (metric-compatible with
//! Arial) against the placeholder's box at the template's title size, shrunk two points at a
//! time down to a floor, and, when even that does not fit, cut at a word with "…" (the full
//! title then opens the speaker notes). A title never runs over its bar into the content, nor
//! off the slide.

use crate::{Deck, Rect, SlideKind};

const EMU_PER_PT: f64 = 12_700.0;
/// A text box's default insets (ECMA-376 `bodyPr`): 0.1 in left and right, 0.05 in top and
/// bottom.
const INSET_X: i64 = 91_440;
const INSET_Y: i64 = 45_720;
/// Line height as a share of the size: PowerPoint's and Impress's single spacing.
const LINE: f64 = 1.2;
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

/// The boxes and sizes titles are fitted to: a content slide's title, and the title slide's.
pub(crate) struct TitleBoxes {
    pub title: (Rect, u32),
    pub centred: (Rect, u32),
    pub bold: bool,
}

/// Every slide's title fitted to its box; a title that had to be cut opens its notes whole.
pub(crate) fn titles(deck: &mut Deck, boxes: &TitleBoxes) {
    for slide in &mut deck.slides {
        let (rect, base) = match slide.kind {
            SlideKind::Title => boxes.centred,
            SlideKind::Content => boxes.title,
        };
        let fitted = title(&slide.title, rect, base, boxes.bold);
        if fitted.cut {
            slide.notes.insert(0, slide.title.clone());
        }
        slide.title = fitted.text;
        slide.title_size = Some(fitted.size);
    }
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
        assert!(f.cut && f.size == TITLE_FLOOR, "{f:?}");
        assert!(
            f.text.ends_with('…') && f.text.len() < very.len(),
            "{}",
            f.text
        );
        let mut deck = Deck {
            title: "T".into(),
            lang: jalon_core::Language::En,
            dark: false,
            slides: vec![crate::Slide {
                kind: SlideKind::Content,
                title: very.clone(),
                title_size: None,
                subtitle: Vec::new(),
                shapes: Vec::new(),
                notes: vec!["figures".into()],
            }],
        };
        titles(
            &mut deck,
            &TitleBoxes {
                title: (BAR, 32),
                centred: (BAR, 40),
                bold: false,
            },
        );
        assert_eq!(
            deck.slides[0].notes,
            vec![very, "figures".to_string()],
            "the full title opens the notes"
        );
        assert_eq!(deck.slides[0].title_size, Some(TITLE_FLOOR));
    }
}
