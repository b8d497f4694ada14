//! The CLI's one error type: the use cases' errors, and the CLI's own refusals.

#[derive(Debug, thiserror::Error)]
pub enum CliError {
    #[error(transparent)]
    App(#[from] jalon_app::AppError),
    #[error(transparent)]
    Chart(#[from] jalon_charts::ChartError),
    #[error("unknown subject {0:?}: use strategy, axis:N or action:N")]
    Subject(String),
    #[error(
        "{0} check(s) to read before closing (above); fix them, or run again with --force to close anyway"
    )]
    Checks(usize),
    #[error("{0}")]
    Usage(String),
}

impl From<jalon_core::Error> for CliError {
    fn from(e: jalon_core::Error) -> Self {
        CliError::App(e.into())
    }
}

impl From<jalon_store::Error> for CliError {
    fn from(e: jalon_store::Error) -> Self {
        CliError::App(e.into())
    }
}

impl CliError {
    /// The error in `lang`: the use cases' through the catalogue, the CLI's own in English
    /// (they name flags and syntax, which are English).
    pub fn render(&self, lang: jalon_core::Language) -> String {
        match self {
            CliError::App(e) => e.render(lang),
            other => other.to_string(),
        }
    }
}
