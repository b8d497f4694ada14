//! The store's words: its errors and the notice of a migrated file, in English and French.

use jalon_core::Language;

use crate::{Error, Migrated};

impl Error {
    /// The error as a sentence in `lang`.
    pub fn render(&self, lang: Language) -> String {
        let fr = lang == Language::Fr;
        let c = lang.colon();
        match self {
            Error::Core(e) => e.render(lang),
            Error::Sqlite(e) => {
                format!("{}{c} {e}", if fr { "base de données" } else { "database" })
            }
            // The failing SQL is a whole migration script: the reason alone is what helps.
            Error::Migration(e) => {
                let why = match e {
                    rusqlite_migration::Error::RusqliteError { err, .. } => err.to_string(),
                    other => other.to_string(),
                };
                if fr {
                    format!("la mise à jour du schéma du fichier a échoué{c} {why}")
                } else {
                    format!("updating the file's schema failed{c} {why}")
                }
            }
        }
    }

    /// The core's error this is, if it is one: what the fronts branch on.
    pub fn core(&self) -> Option<&jalon_core::Error> {
        match self {
            Error::Core(e) => Some(e),
            _ => None,
        }
    }
}

impl Migrated {
    /// What a person is told when opening updated a file made by an older Jalon.
    pub fn render(&self, lang: Language) -> String {
        if lang == Language::Fr {
            format!(
                "ce rapport venait d’une version plus ancienne de Jalon (schéma {})\u{a0}; il a été mis à jour, et l’original est conservé sous {}",
                self.from, self.backup
            )
        } else {
            format!(
                "this report came from an older Jalon (schema {}); it was updated, and the original is kept as {}",
                self.from, self.backup
            )
        }
    }
}
