//! The one error type of jalon-store: the core's errors (a value refused, a file that is not a
//! report, a page that cannot be read), and what only the SQLite file can add: SQLite's own
//! failures and a migration that could not run. Their words are in `words.rs`.

/// Everything that can go wrong in the store.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error(transparent)]
    Core(#[from] jalon_core::Error),

    #[error("{}", self.render(jalon_core::Language::En))]
    Sqlite(#[from] rusqlite::Error),

    #[error("{}", self.render(jalon_core::Language::En))]
    Migration(#[from] rusqlite_migration::Error),
}

impl From<std::io::Error> for Error {
    fn from(e: std::io::Error) -> Self {
        Error::Core(jalon_core::Error::Io(e))
    }
}

pub type Result<T, E = Error> = std::result::Result<T, E>;
