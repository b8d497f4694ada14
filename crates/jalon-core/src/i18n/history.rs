//! History rows in words, for the CLI and the other text outputs (the desktop UI words them
//! from its own catalogue).

use crate::history::{Change, FieldEdit, HistoryEntry};
use crate::i18n::{Language, Level};
use crate::model::{Indicator, RollupMethod};
use crate::period::WordRun;

impl HistoryEntry {
    /// What the row is about: "Strategy", "Axis 4", "Objective 32 (1/2)".
    pub fn subject(&self, lang: Language) -> String {
        match self.level {
            Level::Strategy => lang.level(Level::Strategy).to_string(),
            level => lang.named(level, self.reference),
        }
    }

    /// What changed, in `lang`; a text field's change is written by `diff` from its words.
    pub fn describe(&self, lang: Language, diff: impl Fn(&[WordRun]) -> String) -> String {
        let fr = lang == Language::Fr;
        let c = lang.colon();
        let parent = match self.level {
            Level::Action => Level::Axis,
            _ => Level::Action,
        };
        match &self.change {
            Change::Added { to: None } => (if fr { "ajouté" } else { "added" }).to_string(),
            Change::Added { to: Some(n) } => format!(
                "{} {}",
                if fr { "ajouté à" } else { "added to" },
                lang.named(parent, n)
            ),
            Change::Deleted { title } => {
                format!("{}{c} {title}", if fr { "supprimé" } else { "deleted" })
            }
            Change::Renumbered { from, to } => format!(
                "{} {from} → {to}",
                if fr { "renuméroté" } else { "renumbered" }
            ),
            Change::Moved { from, to } => format!(
                "{} {} {} {}",
                if fr { "déplacé de" } else { "moved from" },
                lang.named(parent, from),
                if fr { "à" } else { "to" },
                lang.named(parent, to)
            ),
            Change::Indicator { old, new } => format!(
                "{}{c} {} → {}",
                if fr { "indicateur" } else { "indicator" },
                indicator(lang, old.as_ref()),
                indicator(lang, new.as_ref())
            ),
            Change::Edited(e) => {
                let name = field_name(lang, e, self.level);
                if !self.words.is_empty() {
                    return format!("{name}{c} {}", diff(&self.words));
                }
                let (old, new) = values(lang, e);
                format!("{name}{c} {old} → {new}")
            }
        }
    }
}

/// A field's name as a reader sees it.
pub fn field_name(lang: Language, e: &FieldEdit, level: Level) -> &'static str {
    let (en, fr) = match e {
        FieldEdit::Title { .. } => ("title", "titre"),
        FieldEdit::Status { .. } => ("status", "statut"),
        FieldEdit::Progress { .. } => ("progress", "avancement"),
        FieldEdit::Achievement { .. } => ("achievement", "réalisations"),
        FieldEdit::NextSteps { .. } => ("next steps", "prochaines étapes"),
        FieldEdit::Lead { .. } => ("lead", "pilote"),
        FieldEdit::DueDate { .. } => ("due date", "échéance"),
        FieldEdit::Weight { .. } => ("weight", "poids"),
        FieldEdit::Period { .. } if level == Level::Strategy => {
            ("strategy period", "période de la stratégie")
        }
        FieldEdit::Period { .. } => ("period", "période"),
        FieldEdit::Language { .. } => ("language", "langue"),
        FieldEdit::Method { .. } => ("method", "méthode"),
        FieldEdit::ReportingPeriod { .. } => ("reporting period", "période de suivi"),
        FieldEdit::AsOf { .. } => ("as of", "données au"),
        FieldEdit::PublishedProgress { .. } => ("published progress", "avancement publié"),
    };
    if lang == Language::Fr { fr } else { en }
}

fn values(lang: Language, e: &FieldEdit) -> (String, String) {
    let empty = |s: &str| {
        if s.is_empty() {
            "∅".to_string()
        } else {
            s.to_string()
        }
    };
    let pct = |v: Option<u32>| v.map_or("∅".to_string(), |v| lang.percent(v));
    let language = |l: Language| match l {
        Language::En => "English",
        Language::Fr => "Français",
    };
    let method = |m: RollupMethod| match (lang, m) {
        (Language::En, RollupMethod::MeanOfChildren) => "mean of children",
        (Language::Fr, RollupMethod::MeanOfChildren) => "moyenne des niveaux inférieurs",
        (Language::En, RollupMethod::Flat) => "flat",
        (Language::Fr, RollupMethod::Flat) => "à plat",
    };
    match e {
        FieldEdit::Status { old, new } => (lang.status(*old).into(), lang.status(*new).into()),
        FieldEdit::Progress { old, new } => (pct(Some(*old)), pct(Some(*new))),
        FieldEdit::PublishedProgress { old, new } => (pct(*old), pct(*new)),
        FieldEdit::Weight { old, new } => (old.to_string(), new.to_string()),
        FieldEdit::Language { old, new } => (language(*old).into(), language(*new).into()),
        FieldEdit::Method { old, new } => (method(*old).into(), method(*new).into()),
        _ => {
            let (old, new) = e.strings().unwrap_or_default();
            (empty(old), empty(new))
        }
    }
}

/// "0 → 40 → 100 % (rising)", with decimals in the reader's notation; "∅" for none.
fn indicator(lang: Language, i: Option<&Indicator>) -> String {
    let Some(i) = i else {
        return "∅".to_string();
    };
    let direction = match (lang, i.direction) {
        (Language::En, crate::model::Direction::Rising) => "rising",
        (Language::En, crate::model::Direction::Falling) => "falling",
        (Language::Fr, crate::model::Direction::Rising) => "à la hausse",
        (Language::Fr, crate::model::Direction::Falling) => "à la baisse",
    };
    let unit = if i.unit.is_empty() {
        String::new()
    } else {
        format!(" {}", i.unit)
    };
    format!(
        "{} → {} → {}{unit} ({direction})",
        lang.decimal(&i.baseline),
        lang.decimal(&i.current),
        lang.decimal(&i.target)
    )
}
