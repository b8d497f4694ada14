//! The one error type of jalon-app: the core's and the charts' errors, and what a use case adds
//! of its own (a file it could not read or write, with its path). `data` gives any of them as a
//! code with typed parameters (`ErrorData`), which the desktop UI words in the
//! person's language; `render` words them on the Rust side.

use std::path::PathBuf;

use jalon_charts::ChartError;
use jalon_core::{Invalid, Language};

use crate::error_data::{ErrorData, core_data, store_data};

#[derive(Debug, thiserror::Error)]
pub enum AppError {
    #[error(transparent)]
    Core(#[from] jalon_core::Error),
    #[error(transparent)]
    Store(#[from] jalon_store::Error),
    #[error(transparent)]
    Chart(#[from] ChartError),
    #[error(transparent)]
    Publish(#[from] jalon_publish::PublishError),
    #[error(transparent)]
    Deck(#[from] jalon_deck::DeckError),
    #[error("{}: {source}", path.display())]
    Read {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("{}: {source}", path.display())]
    Write {
        path: PathBuf,
        source: std::io::Error,
    },
    /// A deck template that cannot be used.
    #[error("{}: {why}", path.display())]
    Template { path: PathBuf, why: String },
    #[error("no period is closed yet: nothing to compare")]
    NothingToCompare,
    /// A returned round workbook refused; nothing of it was applied.
    #[error("{}: {}", file.display(), problem.render(Language::En))]
    Workbook {
        file: PathBuf,
        problem: jalon_round::WorkbookProblem,
    },
    #[error("{0}")]
    Io(#[from] std::io::Error),
}

impl AppError {
    pub(crate) fn read(path: impl Into<PathBuf>) -> impl FnOnce(std::io::Error) -> AppError {
        let path = path.into();
        move |source| AppError::Read { path, source }
    }

    pub fn write(path: impl Into<PathBuf>) -> impl FnOnce(std::io::Error) -> AppError {
        let path = path.into();
        move |source| AppError::Write { path, source }
    }

    /// A value refused by a use case, named by its field as the core names its own.
    pub(crate) fn invalid(field: &str, reason: Invalid) -> AppError {
        AppError::Core(jalon_core::Error::Invalid {
            field: field.to_string(),
            reason,
        })
    }

    /// The core's error this is, directly or through the store: what the fronts branch on.
    pub fn core(&self) -> Option<&jalon_core::Error> {
        match self {
            AppError::Core(e) => Some(e),
            AppError::Store(e) => e.core(),
            _ => None,
        }
    }

    /// The error as a code with typed parameters.
    pub fn data(&self) -> ErrorData {
        let path = |p: &PathBuf| p.display().to_string();
        match self {
            AppError::Core(e) => core_data(e),
            AppError::Store(e) => store_data(e),
            AppError::Chart(e) => chart_data(e),
            AppError::Publish(jalon_publish::PublishError::Chart(e)) => chart_data(e),
            AppError::Publish(jalon_publish::PublishError::Write { path, source }) => {
                ErrorData::Write {
                    path: path.clone(),
                    detail: source.to_string(),
                }
            }
            AppError::Publish(e @ jalon_publish::PublishError::Csv(_)) => ErrorData::Io {
                detail: e.to_string(),
            },
            AppError::Deck(jalon_deck::DeckError::Chart(e)) => chart_data(e),
            AppError::Deck(jalon_deck::DeckError::NoSuchAxis(n)) => {
                ErrorData::NoSuchAxis { number: *n }
            }
            AppError::Deck(e) => ErrorData::Io {
                detail: e.to_string(),
            },
            AppError::Read { path: p, source } => ErrorData::Read {
                path: path(p),
                detail: source.to_string(),
            },
            AppError::Write { path: p, source } => ErrorData::Write {
                path: path(p),
                detail: source.to_string(),
            },
            AppError::NothingToCompare => ErrorData::NothingToCompare,
            AppError::Template { path: p, why } => ErrorData::Read {
                path: path(p),
                detail: why.clone(),
            },
            AppError::Workbook { file, problem } => ErrorData::Workbook {
                file: path(file),
                problem: problem.clone(),
            },
            AppError::Io(e) => ErrorData::Io {
                detail: e.to_string(),
            },
        }
    }

    /// The error in words, in `lang`: the core's through its catalogue; the others, whose
    /// words come from the system, as they are.
    pub fn render(&self, lang: Language) -> String {
        match (self, lang) {
            (AppError::Core(e), _) => e.render(lang),
            (AppError::Store(e), _) => e.render(lang),
            (AppError::Workbook { file, problem }, _) => {
                format!(
                    "{}{} {}",
                    file.display(),
                    lang.colon(),
                    problem.render(lang)
                )
            }
            (AppError::NothingToCompare, Language::Fr) => {
                "aucune période n’est encore clôturée\u{a0}: rien à comparer".into()
            }
            (other, _) => other.to_string(),
        }
    }
}

fn chart_data(e: &ChartError) -> ErrorData {
    match e {
        ChartError::NoSuchAxis(n) => ErrorData::NoSuchAxis { number: *n },
        ChartError::NoSuchAction(n) => ErrorData::NoSuchAction { number: *n },
        ChartError::BadChart(stem) => ErrorData::UnknownChart { stem: stem.clone() },
        ChartError::BadDimensions(width, height) => ErrorData::ChartSize {
            width: *width,
            height: *height,
        },
        ChartError::Write { path, source } => ErrorData::Write {
            path: path.clone(),
            detail: source.to_string(),
        },
        other => ErrorData::Chart {
            detail: other.to_string(),
        },
    }
}

pub type Result<T, E = AppError> = std::result::Result<T, E>;
