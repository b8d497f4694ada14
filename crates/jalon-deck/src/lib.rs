//! jalon-deck: the steering committee's slide deck, built from a report. `build` lays out the
//! slides (titles, text, tables, the catalogue's charts, alt texts and speaker notes) in a
//! format-neutral model; `pptx` and `odp` write that model as a PowerPoint (ECMA-376) or an
//! OpenDocument (ODF 1.2) presentation. Pure functions: bytes out, nothing written to disk.

mod backdrop;
mod build;
mod fit;
mod layouts;
mod odp;
mod parts;
mod pptx;
mod preview;
mod stage;
mod template;
mod words;
mod xml;

pub use backdrop::{Art, ArtKind, Backdrop};
pub use build::{DeckInput, DeckScope, build};
pub use layouts::{Chosen, Layout, Placeholder, Role};
pub use odp::odp;
pub use pptx::pptx;
pub use preview::{SlidePreview, preview};
pub use stage::{Placed, Room, Stage, TextBox, ThemeLook, contrast};
pub use template::{Inspected, OnTemplate, inspect, pptx_on_template, stage};
pub use words::fallback_notice;

/// The slide's size: 16:9, 13.333 × 7.5 inches, in English Metric Units (914,400 per inch),
/// the unit both formats' geometry is converted from.
pub const SLIDE_W: i64 = 12_192_000;
pub const SLIDE_H: i64 = 6_858_000;

/// The title's box on every content slide, and the title slide's title and subtitle boxes:
/// the same in both formats (and in our PPTX master and layouts).
pub(crate) const TITLE: Rect = Rect {
    x: 457_200,
    y: 228_600,
    w: 11_277_600,
    h: 914_400,
};
pub(crate) const CTR_TITLE: Rect = Rect {
    x: 914_400,
    y: 2_057_400,
    w: 10_363_200,
    h: 1_371_600,
};
pub(crate) const SUBTITLE: Rect = Rect {
    x: 914_400,
    y: 3_566_160,
    w: 10_363_200,
    h: 1_188_720,
};

#[derive(Debug, thiserror::Error)]
pub enum DeckError {
    #[error(transparent)]
    Chart(#[from] jalon_charts::ChartError),
    #[error("no axis {0} in the report")]
    NoSuchAxis(u32),
    #[error("writing the package: {0}")]
    Zip(#[from] zip::result::ZipError),
    #[error("writing the package: {0}")]
    Io(#[from] std::io::Error),
    /// A template that cannot be used, and why.
    #[error("the template cannot be used: {0}")]
    Template(String),
}

pub type Result<T> = std::result::Result<T, DeckError>;

impl DeckError {
    /// A template that cannot be used, and why.
    pub(crate) fn template(detail: impl Into<String>) -> DeckError {
        DeckError::Template(detail.into())
    }
}

/// A rectangle on the slide, in EMU.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Rect {
    pub x: i64,
    pub y: i64,
    pub w: i64,
    pub h: i64,
}

/// A paragraph of a text box.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Para {
    pub text: String,
    pub bold: bool,
    pub bullet: bool,
    /// Points.
    pub size: u32,
}

#[derive(Debug, Clone)]
pub enum Shape {
    Text {
        rect: Rect,
        paras: Vec<Para>,
    },
    /// A chart of the catalogue: its PNG, and its SVG where the format takes one.
    Picture {
        rect: Rect,
        png: Vec<u8>,
        svg: Vec<u8>,
        title: String,
        alt: String,
    },
    Table(Table),
}

/// A table laid out for its slide.
#[derive(Debug, Clone)]
pub struct Table {
    pub rect: Rect,
    /// Each column's width in EMU; they add up to the rectangle's width.
    pub columns: Vec<i64>,
    pub header: Vec<String>,
    pub rows: Vec<Vec<String>>,
    /// Each row's height in EMU, header first, from its text measured in its columns
    /// (`fit::table_pages`); they add up to the rectangle's height.
    pub heights: Vec<i64>,
    /// Points.
    pub size: u32,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SlideKind {
    /// The title slide: the title and a subtitle in the layout's placeholders.
    Title,
    /// A title and content of our own placing.
    Content,
}

#[derive(Debug, Clone)]
pub struct Slide {
    pub kind: SlideKind,
    /// The kind of slide it is, which decides its layout.
    pub role: Role,
    pub title: String,
    /// The title's size in points once fitted to its box (`fit`); the layout's own when None.
    pub title_size: Option<u32>,
    /// The title slide's second and third lines; empty elsewhere.
    pub subtitle: Vec<String>,
    /// The subtitle's size in points once fitted to its box.
    pub subtitle_size: Option<u32>,
    pub shapes: Vec<Shape>,
    /// The speaker notes, a paragraph per line.
    pub notes: Vec<String>,
}

#[derive(Debug, Clone)]
pub struct Deck {
    pub title: String,
    pub lang: jalon_core::Language,
    pub dark: bool,
    pub slides: Vec<Slide>,
    /// The room it was laid out for: Jalon's theme, or a template's layouts.
    pub stage: Stage,
}

impl Deck {
    /// The language tag written on every run of text.
    pub(crate) fn lang_tag(&self) -> &'static str {
        match self.lang {
            jalon_core::Language::Fr => "fr-FR",
            jalon_core::Language::En => "en-GB",
        }
    }
}

/// The face every text of the deck names: Arial, which every office suite has or maps to a
/// metric-compatible face (Liberation Sans, the charts' bundled font), so that the text laid
/// out here fits wherever the deck is opened.
pub const FONT: &str = "Arial";

/// The deck's colours: ink, background, the brand blue, lines, and the table's band.
pub(crate) struct Palette {
    pub ink: &'static str,
    pub paper: &'static str,
    pub brand: &'static str,
    pub muted: &'static str,
    pub line: &'static str,
    pub band: &'static str,
}

pub(crate) fn palette(dark: bool) -> Palette {
    if dark {
        Palette {
            ink: "F2F4F7",
            paper: "14181D",
            brand: "6FA8E8",
            muted: "B8C0CA",
            line: "3A434E",
            band: "1E242B",
        }
    } else {
        Palette {
            ink: "1B1F24",
            paper: "FFFFFF",
            brand: "1D4E89",
            muted: "4D5661",
            line: "C9D0D8",
            band: "F3F5F8",
        }
    }
}
