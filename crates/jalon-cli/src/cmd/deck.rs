//! `deck`: the steering committee's slide deck, PowerPoint or OpenDocument.

use std::path::PathBuf;

use jalon_app::{DeckFormat, DeckScope, DeckSettings, OutputSettings, PeriodKey};

use super::{LangArg, ThemeArg};
use crate::CliError;

#[derive(clap::Args)]
pub struct Args {
    #[arg(long, required_unless_present = "inspect")]
    pub(super) db: Option<PathBuf>,
    /// The deck to write (deck.pptx, deck.odp).
    #[arg(long, required_unless_present = "inspect")]
    out: Option<PathBuf>,
    /// pptx or odp; the --out file's extension decides when left out.
    #[arg(long, value_enum)]
    format: Option<FormatArg>,
    /// The slides' language; the report's when left out.
    #[arg(long, value_enum)]
    lang: Option<LangArg>,
    /// strategy (every axis) or axis:N (one axis).
    #[arg(long, default_value = "strategy")]
    scope: String,
    /// A period's label (2025-Q4); the open period when left out.
    #[arg(long)]
    period: Option<String>,
    #[arg(long, value_enum, default_value_t = ThemeArg::Light)]
    theme: ThemeArg,
    /// `actions`: a slide per key action too, with its objectives chart.
    #[arg(long, value_enum)]
    detail: Option<DetailArg>,
    /// A PowerPoint template (.pptx or .potx): the deck is built on its master, layouts and
    /// theme.
    #[arg(long)]
    template: Option<PathBuf>,
    /// ROLE=NAME: the template's layout for a kind of slide, by its name: `title` (the title
    /// slide), `chart`, `table` or `text` (the slides of charts, of tables, of lists), or
    /// `content` for all three; repeatable. Jalon chooses by the layouts' placeholders
    /// otherwise.
    #[arg(long = "layout", value_name = "ROLE=NAME", requires = "template")]
    layouts: Vec<String>,
    /// List the template's layouts, their placeholders and the kind of slide Jalon puts on
    /// each; writes nothing.
    #[arg(long, requires = "template")]
    inspect: bool,
    /// Also write the app's preview of the deck into DIR: a slide-NN.svg per slide, drawn from
    /// the model the deck was written from, and the layout of each on standard output.
    #[arg(long, value_name = "DIR")]
    preview: Option<PathBuf>,
}

/// `chart=Titre et contenu` → [(Chart, "Titre et contenu")]; `content=…` puts every kind of
/// slide but the title slide on that layout.
fn layout(arg: &str) -> Result<Vec<(jalon_deck::Role, String)>, CliError> {
    let roles = || {
        let mut codes: Vec<&str> = jalon_deck::Role::ALL.map(jalon_deck::Role::code).to_vec();
        codes.push("content");
        codes.join(", ")
    };
    let (role, name) = arg.split_once('=').ok_or_else(|| {
        CliError::Usage(format!(
            "--layout {arg}: use ROLE=NAME, ROLE one of {}",
            roles()
        ))
    })?;
    let name = name.trim().to_string();
    if role.trim() == "content" {
        return Ok(jalon_deck::Role::CONTENT
            .map(|r| (r, name.clone()))
            .to_vec());
    }
    let role = jalon_deck::Role::from_code(role.trim()).ok_or_else(|| {
        CliError::Usage(format!(
            "--layout {arg}: no role {role:?}; the roles are {}",
            roles()
        ))
    })?;
    Ok(vec![(role, name)])
}

/// The template's layouts in words: each with its placeholders (kind and size in cm) and the
/// kind of slide it gets.
fn print_inspected(i: &jalon_deck::Inspected) {
    let cm = |emu: i64| emu as f64 / 360_000.0;
    println!("slide {:.2} × {:.2} cm", cm(i.slide.0), cm(i.slide.1));
    for (k, l) in i.layouts.iter().enumerate() {
        let roles: Vec<String> = i
            .roles
            .iter()
            .filter(|(_, c)| c.layout == k)
            .map(|(r, c)| {
                if c.fallback {
                    format!("{} (blank: no layout fits)", r.code())
                } else {
                    r.code().to_string()
                }
            })
            .collect();
        let role = if roles.is_empty() {
            "-".to_string()
        } else {
            roles.join(", ")
        };
        println!(
            "{}. {:?} type {} → {role}",
            k + 1,
            l.name,
            l.kind.as_deref().unwrap_or("none")
        );
        for p in &l.placeholders {
            let size = p.rect.map_or("no box".to_string(), |r| {
                format!(
                    "{:.1} × {:.1} cm at ({:.1}, {:.1})",
                    cm(r.w),
                    cm(r.h),
                    cm(r.x),
                    cm(r.y)
                )
            });
            let vertical = if p.vertical { ", vertical" } else { "" };
            println!("   {} {size}{vertical}", p.kind);
        }
    }
}

/// The preview's slides as SVG files, and a line per slide: its number, layout and title.
fn write_preview(dir: &std::path::Path, p: &jalon_app::DeckPreview) -> Result<(), CliError> {
    std::fs::create_dir_all(dir).map_err(jalon_app::AppError::write(dir))?;
    for s in &p.slides {
        let path = dir.join(format!("slide-{:02}.svg", s.number));
        std::fs::write(&path, &s.svg).map_err(jalon_app::AppError::write(&path))?;
        let fallback = if s.fallback {
            " (blank: no layout fits)"
        } else {
            ""
        };
        println!("{}\t{}{fallback}\t{}", s.number, s.layout, s.title);
    }
    Ok(())
}

#[derive(Clone, Copy, clap::ValueEnum)]
enum FormatArg {
    Pptx,
    Odp,
}

#[derive(Clone, Copy, clap::ValueEnum)]
enum DetailArg {
    Actions,
}

fn scope(s: &str) -> Result<DeckScope, CliError> {
    if s == "strategy" {
        return Ok(DeckScope::Strategy);
    }
    s.strip_prefix("axis:")
        .and_then(|n| n.trim().parse().ok())
        .map(DeckScope::Axis)
        .ok_or_else(|| CliError::Usage(format!("--scope {s}: use strategy or axis:N")))
}

impl Args {
    pub fn run(self) -> Result<(), CliError> {
        if self.inspect {
            let template = self.template.as_deref().expect("clap requires --template");
            print_inspected(&jalon_app::App::inspect_template(template)?);
            return Ok(());
        }
        let (db, out) = match (self.db, self.out) {
            (Some(db), Some(out)) => (db, out),
            _ => unreachable!("clap requires --db and --out without --inspect"),
        };
        let settings = DeckSettings {
            output: OutputSettings {
                lang: self.lang.map(Into::into),
                period: self.period.map(PeriodKey::Label),
            },
            format: match self.format {
                Some(FormatArg::Pptx) => DeckFormat::Pptx,
                Some(FormatArg::Odp) => DeckFormat::Odp,
                None => DeckFormat::of(&out),
            },
            scope: scope(&self.scope)?,
            theme: self.theme.into(),
            detail_actions: self.detail.is_some(),
            template: self.template,
            layouts: self
                .layouts
                .iter()
                .map(|a| layout(a))
                .collect::<Result<Vec<_>, _>>()?
                .into_iter()
                .flatten()
                .collect(),
        };
        let app = super::open(&db)?;
        let written = app.deck(&out, &settings)?;
        let lang = settings.output.lang.unwrap_or(app.language());
        for notice in &written.notices {
            eprintln!("note: {}", notice.render(lang));
        }
        eprintln!("wrote {} ({} bytes)", written.path, written.bytes);
        if let Some(dir) = &self.preview {
            write_preview(dir, &app.deck_preview(&settings)?)?;
        }
        Ok(())
    }
}
