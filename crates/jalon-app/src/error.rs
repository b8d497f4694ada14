//! The one error type of jalon-app: the core's and the charts' errors, and what a use case adds
//! of its own (a file it could not read or write, with its path).

use std::path::PathBuf;

#[derive(Debug, thiserror::Error)]
pub enum AppError {
    #[error(transparent)]
    Core(#[from] jalon_core::Error),
    #[error(transparent)]
    Chart(#[from] jalon_charts::ChartError),
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
    /// Nothing to compare or close with: said in the words of the use case.
    #[error("{0}")]
    Nothing(&'static str),
    #[error("{0}")]
    Io(#[from] std::io::Error),
}

impl AppError {
    pub(crate) fn read(path: impl Into<PathBuf>) -> impl FnOnce(std::io::Error) -> AppError {
        let path = path.into();
        move |source| AppError::Read { path, source }
    }

    pub(crate) fn write(path: impl Into<PathBuf>) -> impl FnOnce(std::io::Error) -> AppError {
        let path = path.into();
        move |source| AppError::Write { path, source }
    }

    /// A value refused by a use case, named by its field as the core names its own.
    pub(crate) fn invalid(field: &str, message: impl Into<String>) -> AppError {
        AppError::Core(jalon_core::Error::Invalid {
            field: field.to_string(),
            message: message.into(),
        })
    }
}

pub type Result<T, E = AppError> = std::result::Result<T, E>;
