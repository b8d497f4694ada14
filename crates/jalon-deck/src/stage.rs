//! Where a deck's slides go before any is laid out: the slide's size, the boxes of its titles
//! and the area below them, and the layout each kind of slide goes on. Jalon's own theme has
//! one; a template gets its own from its layouts (`template::stage`). `build` lays every
//! slide out for its stage, so that charts are drawn for the frame they get and text is
//! measured against the box it goes in, instead of being scaled into it afterwards.

use crate::{CTR_TITLE, Rect, Role, SLIDE_H, SLIDE_W, SUBTITLE, TITLE};

/// A text box and the size its text is set at, in points.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TextBox {
    pub rect: Rect,
    pub size: u32,
}

/// The layout a kind of slide goes on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Placed {
    pub role: Role,
    /// The layout's name, as the template (or Jalon's theme) calls it.
    pub name: String,
    /// Its part in the package.
    pub part: String,
    /// The template offered nothing usable for the role: its blank layout, with Jalon's own
    /// boxes for the titles.
    pub fallback: bool,
    /// What the template's master and layout draw behind the slide (for the preview).
    pub backdrop: crate::Backdrop,
    /// Where a content slide's title and content go on this layout; None for the title slide
    /// (its boxes are the stage's `centred` and `subtitle`).
    pub room: Option<Room>,
}

/// A content slide's title box, and the area below it where its content goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Room {
    pub title: TextBox,
    pub area: Rect,
}

/// The room a deck's slides are laid out in.
#[derive(Debug, Clone, PartialEq)]
pub struct Stage {
    /// The slide's width and height, in EMU.
    pub slide: (i64, i64),
    /// The title slide's title and subtitle.
    pub centred: TextBox,
    pub subtitle: TextBox,
    pub title_bold: bool,
    /// The master centres its titles (`algn="ctr"`); Jalon's theme sets them left.
    pub title_centred: bool,
    /// The master sets its titles in capitals (`cap="all"`): they are measured so.
    pub title_caps: bool,
    /// The master's title colour, RRGGBB; Jalon's palette's when None.
    pub title_ink: Option<String>,
    /// The layout of each role, title first.
    pub layouts: Vec<Placed>,
    /// The template's faces and table colours; Jalon's palette when None.
    pub look: Option<ThemeLook>,
}

/// A template's look, as the deck's own text and tables take it.
#[derive(Debug, Clone, PartialEq)]
pub struct ThemeLook {
    /// The theme's body and heading faces (`a:minorFont`, `a:majorFont`), for the record: runs
    /// name them as `+mn-lt` and `+mj-lt`, so that a theme change follows.
    pub minor: String,
    pub major: String,
    /// The header fill: the theme's first accent, darkened where needed so that the header's
    /// ink reads on it (WCAG AA, 4.5:1).
    pub header_fill: String,
    pub header_ink: String,
    /// The contrast of `header_ink` on `header_fill`.
    pub header_contrast: f64,
    /// The body rows: the theme's text colour on its background, banded with its second
    /// background where the text reads on it.
    pub body_ink: String,
    pub body_fill: String,
    pub band_fill: String,
    /// The lower of the body ink's contrasts on its two fills.
    pub body_contrast: f64,
}

/// Jalon's content box: below the title, within the margins of a 13.33 × 7.5 in slide.
pub(crate) const OURS: Rect = Rect {
    x: 457_200,
    y: 1_280_160,
    w: SLIDE_W - 2 * 457_200,
    h: SLIDE_H - 1_280_160 - 228_600,
};

impl Stage {
    /// Jalon's own theme: 16:9 at 13.33 in, its master's 28 pt bold titles.
    pub fn own() -> Stage {
        let room = Room {
            title: TextBox {
                rect: TITLE,
                size: 28,
            },
            area: OURS,
        };
        let placed = |role: Role, name: &str, n| Placed {
            role,
            name: name.into(),
            part: format!("ppt/slideLayouts/slideLayout{n}.xml"),
            fallback: false,
            backdrop: crate::Backdrop::default(),
            room: role.is_content().then_some(room),
        };
        let mut layouts = vec![placed(Role::Title, "Title Slide", 1)];
        layouts.extend(Role::CONTENT.map(|r| placed(r, "Title Only", 2)));
        Stage {
            slide: (SLIDE_W, SLIDE_H),
            centred: TextBox {
                rect: CTR_TITLE,
                size: 36,
            },
            subtitle: TextBox {
                rect: SUBTITLE,
                size: 20,
            },
            title_bold: true,
            title_centred: false,
            title_caps: false,
            title_ink: None,
            layouts,
            look: None,
        }
    }

    /// The layout a role's slides go on.
    pub fn layout(&self, role: Role) -> &Placed {
        self.layouts
            .iter()
            .find(|p| p.role == role)
            .expect("a stage places every role")
    }

    /// Where a content role's title and content go.
    pub fn room(&self, role: Role) -> Room {
        self.layout(role)
            .room
            .expect("a content role's layout has its room")
    }

    /// The roles for which the template offered no usable layout, the content roles told
    /// once (they fall back together, to the same blank layout, for the same reason).
    pub fn fallbacks(&self) -> Vec<Role> {
        let mut out: Vec<Role> = Vec::new();
        for p in self.layouts.iter().filter(|p| p.fallback) {
            if !(p.role.is_content() && out.iter().any(|r| r.is_content())) {
                out.push(p.role);
            }
        }
        out
    }
}

/// One of Jalon's boxes, made for its 13.33 × 7.5 in slide, on a slide of another size.
pub(crate) fn scale_to(r: Rect, (w, h): (i64, i64)) -> Rect {
    let sx = |v: i64| v * w / SLIDE_W;
    let sy = |v: i64| v * h / SLIDE_H;
    Rect {
        x: sx(r.x),
        y: sy(r.y),
        w: sx(r.w),
        h: sy(r.h),
    }
}

/// WCAG 2's contrast ratio of two RRGGBB colours.
pub fn contrast(a: &str, b: &str) -> f64 {
    let (la, lb) = (luminance(a), luminance(b));
    (la.max(lb) + 0.05) / (la.min(lb) + 0.05)
}

fn channels(hex: &str) -> [f64; 3] {
    let c = |i: usize| {
        u8::from_str_radix(hex.get(i..i + 2).unwrap_or("00"), 16).map_or(0.0, f64::from) / 255.0
    };
    [c(0), c(2), c(4)]
}

fn luminance(hex: &str) -> f64 {
    let lin = |c: f64| {
        if c <= 0.039_28 {
            c / 12.92
        } else {
            ((c + 0.055) / 1.055).powf(2.4)
        }
    };
    let [r, g, b] = channels(hex);
    0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b)
}

/// A header fill and its ink from a theme's accent: white or near-black, whichever reads
/// better, and the accent darkened (or lightened, under dark ink) a step at a time until the
/// pair reaches `least`.
pub(crate) fn header_colours(accent: &str, least: f64) -> (String, String, f64) {
    const WHITE: &str = "FFFFFF";
    const DARK: &str = "1B1F24";
    let ink = if contrast(accent, WHITE) >= contrast(accent, DARK) {
        WHITE
    } else {
        DARK
    };
    let mut rgb = channels(accent);
    let hex = |c: [f64; 3]| {
        format!(
            "{:02X}{:02X}{:02X}",
            (c[0] * 255.0).round() as u8,
            (c[1] * 255.0).round() as u8,
            (c[2] * 255.0).round() as u8
        )
    };
    let mut fill = hex(rgb);
    for _ in 0..40 {
        if contrast(&fill, ink) >= least {
            break;
        }
        rgb = rgb.map(|c| {
            if ink == WHITE {
                c * 0.92
            } else {
                c + (1.0 - c) * 0.12
            }
        });
        fill = hex(rgb);
    }
    let ratio = contrast(&fill, ink);
    (fill, ink.to_string(), ratio)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn contrast_follows_wcag() {
        assert!((contrast("FFFFFF", "000000") - 21.0).abs() < 1e-9);
        assert!((contrast("777777", "FFFFFF") - 4.48).abs() < 0.01);
    }

    #[test]
    fn an_accent_that_reads_with_neither_ink_is_adjusted_until_it_does() {
        // A mid grey: 3.9:1 with white, 4.2:1 with the dark ink.
        assert!(contrast("808080", "FFFFFF") < 4.5 && contrast("808080", "1B1F24") < 4.5);
        let (fill, ink, ratio) = header_colours("808080", 4.5);
        assert!(ratio >= 4.5, "{fill} {ink} {ratio}");
        assert_ne!(fill, "808080");
        // A blue that white reads on only once darkened (Office's 4472C4 is 4.6:1 already).
        let (fill, ink, ratio) = header_colours("5B9BD5", 4.5);
        assert!(ratio >= 4.5, "{fill} {ink} {ratio}");
        // Office 2013's orange takes the dark ink, as it is.
        let (fill, ink, _) = header_colours("ED7D31", 4.5);
        assert_eq!((fill.as_str(), ink.as_str()), ("ED7D31", "1B1F24"));
        // A dark accent is kept as it is.
        let (fill, ink, ratio) = header_colours("1D4E89", 4.5);
        assert_eq!((fill.as_str(), ink.as_str()), ("1D4E89", "FFFFFF"));
        assert!(ratio > 7.0);
        // A light one takes the dark ink, lightened if needed.
        let (_, ink, ratio) = header_colours("FFD966", 4.5);
        assert_eq!(ink, "1B1F24");
        assert!(ratio >= 4.5);
    }
}
