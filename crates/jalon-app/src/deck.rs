//! The committee deck: the report of a period as a 16:9 slide deck, PowerPoint or OpenDocument.

use std::path::Path;

use jalon_charts::Theme;
use jalon_core::summarize;
use serde::{Deserialize, Serialize};

pub use jalon_deck::DeckScope;

use crate::publish::OutputSettings;
use crate::{App, Result, Written};

/// The deck's file format.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DeckFormat {
    Pptx,
    Odp,
}

impl DeckFormat {
    /// The format a file name asks for: `.odp` for OpenDocument, PowerPoint otherwise.
    pub fn of(path: &Path) -> DeckFormat {
        match path.extension().and_then(|e| e.to_str()) {
            Some(e) if e.eq_ignore_ascii_case("odp") => DeckFormat::Odp,
            _ => DeckFormat::Pptx,
        }
    }
}

/// The deck's options as the app's Export deck… form gives them.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, Deserialize)]
pub struct DeckOptions {
    pub format: DeckFormat,
    /// One axis's deck, or the whole strategy's when None.
    pub axis: Option<u32>,
    /// The report's language when None.
    pub lang: Option<jalon_core::Language>,
    pub dark: bool,
    pub detail_actions: bool,
    /// The template chosen for this report, if any.
    pub template: Option<String>,
    /// The template's layout the officer chose for a kind of slide; Jalon's choice for the
    /// others.
    #[serde(default)]
    #[cfg_attr(feature = "ts", ts(optional))]
    pub layouts: Option<Vec<LayoutChoice>>,
}

/// A kind of slide and the template's layout the officer put it on, by its name.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, Deserialize)]
pub struct LayoutChoice {
    pub role: jalon_deck::Role,
    pub name: String,
}

/// The deck before it is written: each slide drawn from the model the writer writes, and the
/// layouts it goes on.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Serialize)]
pub struct DeckPreview {
    pub slides: Vec<jalon_deck::SlidePreview>,
    /// The layout each kind of slide goes on.
    pub roles: Vec<RoleLayout>,
    /// Every layout of the template, by name, in its order (Jalon's own when no template):
    /// what the officer can put a kind of slide on.
    pub layouts: Vec<String>,
}

#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Serialize)]
pub struct RoleLayout {
    pub role: jalon_deck::Role,
    pub layout: String,
    /// Nothing in the template fits: its blank layout with Jalon's boxes.
    pub fallback: bool,
}

impl DeckOptions {
    /// The settings for the period on screen.
    pub fn settings(&self) -> DeckSettings {
        DeckSettings {
            output: OutputSettings {
                lang: self.lang,
                period: None,
            },
            format: self.format,
            scope: self.axis.map_or(DeckScope::Strategy, DeckScope::Axis),
            theme: if self.dark { Theme::Dark } else { Theme::Light },
            detail_actions: self.detail_actions,
            template: self.template.as_ref().map(std::path::PathBuf::from),
            layouts: self
                .layouts
                .iter()
                .flatten()
                .map(|c| (c.role, c.name.clone()))
                .collect(),
        }
    }
}

/// What the deck holds and how it looks.
#[derive(Debug, Clone)]
pub struct DeckSettings {
    pub output: OutputSettings,
    pub format: DeckFormat,
    pub scope: DeckScope,
    pub theme: Theme,
    /// A slide per action, with its objectives chart.
    pub detail_actions: bool,
    /// The ministry's template (.pptx or .potx) whose master, layouts and theme the deck is
    /// built on; our own sober theme when None.
    pub template: Option<std::path::PathBuf>,
    /// The template's layout the officer chose for a kind of slide, by its name; Jalon
    /// chooses by the layouts' placeholders for the others.
    pub layouts: Vec<(jalon_deck::Role, String)>,
}

/// The deck laid out for its stage, with the template it was laid out on.
pub struct DeckModel {
    pub deck: jalon_deck::Deck,
    pub template: Option<TemplateFile>,
}

/// A template as read from disk, kept so that the deck is written on the bytes it was laid
/// out for.
pub struct TemplateFile {
    pub path: std::path::PathBuf,
    pub bytes: Vec<u8>,
}

impl App {
    /// Writes the deck of a period (the one on screen by default) to `path`, whole or not at
    /// all: a temporary name, then a rename.
    pub fn deck(&self, path: &Path, settings: &DeckSettings) -> Result<Written> {
        let DeckModel { deck, template } = self.deck_model(settings)?;
        let bytes = match (settings.format, &template) {
            (DeckFormat::Pptx, None) => jalon_deck::pptx(&deck)?,
            (DeckFormat::Pptx, Some(t)) => {
                jalon_deck::pptx_on_template(&deck, &t.bytes)
                    .map_err(template_error(&t.path))?
                    .bytes
            }
            (DeckFormat::Odp, _) => jalon_deck::odp(&deck)?,
        };
        jalon_core::files::write_atomically(path, &bytes).map_err(crate::AppError::write(path))?;
        Ok(Written {
            path: path.display().to_string(),
            bytes: bytes.len() as u64,
            notices: deck
                .stage
                .fallbacks()
                .into_iter()
                .map(|role| crate::Notice::TemplateFallback { role })
                .collect(),
        })
    }

    /// The deck as `deck` writes it, laid out for its template's stage (or Jalon's theme),
    /// with the template's path and bytes: what the preview draws, so that it shows what the
    /// file will hold.
    pub fn deck_model(&self, settings: &DeckSettings) -> Result<DeckModel> {
        let template = match (&settings.template, settings.format) {
            (None, _) => None,
            (Some(t), DeckFormat::Odp) => {
                return Err(crate::AppError::Template {
                    path: t.clone(),
                    why: "a PowerPoint template applies to a PowerPoint deck (.pptx), not to OpenDocument".into(),
                });
            }
            (Some(t), DeckFormat::Pptx) => Some(TemplateFile {
                path: t.clone(),
                bytes: std::fs::read(t).map_err(crate::AppError::read(t))?,
            }),
        };
        let stage = match &template {
            None => jalon_deck::Stage::own(),
            Some(t) => {
                jalon_deck::stage(&t.bytes, &settings.layouts).map_err(template_error(&t.path))?
            }
        };
        let (report, trend) = self.report_at(settings.output.period.as_ref())?;
        let lang = settings.output.lang.unwrap_or(report.strategy.language);
        let store = self.session.store();
        let periods = store.periods()?;
        // The period shown, and the closed one before it: what moved between them.
        let shown = match &settings.output.period {
            Some(key) => self.period(key)?,
            None => match self.session.viewing() {
                Some(p) => p.clone(),
                None => store.open_period()?,
            },
        };
        let before = periods
            .iter()
            .take_while(|p| p.id != shown.id)
            .filter(|p| p.state == jalon_core::PeriodState::Closed)
            .last();
        let comparison = before
            .map(|p| store.compare_periods(p.id, shown.id))
            .transpose()?;
        // The pre-publication findings are about the period being edited.
        let findings: Vec<String> = if shown.state == jalon_core::PeriodState::Open {
            self.session
                .prepublication()?
                .iter()
                .map(|w| w.render(lang))
                .collect()
        } else {
            Vec::new()
        };
        let summary = summarize(&report);
        let deck = jalon_deck::build(
            &jalon_deck::DeckInput {
                report: &report,
                summary: &summary,
                trend: &trend,
                comparison: comparison.as_ref(),
                findings: &findings,
                lang,
                scope: settings.scope,
                theme: settings.theme,
                detail_actions: settings.detail_actions,
            },
            &stage,
        )?;
        Ok(DeckModel { deck, template })
    }

    /// The deck as `deck` would write it, slide by slide, without writing it.
    pub fn deck_preview(&self, settings: &DeckSettings) -> Result<DeckPreview> {
        let DeckModel { deck, template } = self.deck_model(settings)?;
        let layouts = match &template {
            Some(t) => jalon_deck::inspect(&t.bytes)
                .map_err(template_error(&t.path))?
                .layouts
                .into_iter()
                .map(|l| l.name)
                .collect(),
            None => deck.stage.layouts.iter().map(|p| p.name.clone()).collect(),
        };
        Ok(DeckPreview {
            slides: jalon_deck::preview(&deck),
            roles: deck
                .stage
                .layouts
                .iter()
                .map(|p| RoleLayout {
                    role: p.role,
                    layout: p.name.clone(),
                    fallback: p.fallback,
                })
                .collect(),
            layouts,
        })
    }

    /// A template's layouts, their placeholders and the kind of slide Jalon puts on each.
    pub fn inspect_template(path: &Path) -> Result<jalon_deck::Inspected> {
        let template = std::fs::read(path).map_err(crate::AppError::read(path))?;
        jalon_deck::inspect(&template).map_err(template_error(path))
    }
}

/// A template that cannot be used, named by its path.
fn template_error(path: &Path) -> impl FnOnce(jalon_deck::DeckError) -> crate::AppError {
    let path = path.to_path_buf();
    move |e| match e {
        jalon_deck::DeckError::Template(why) => crate::AppError::Template { path, why },
        other => other.into(),
    }
}
