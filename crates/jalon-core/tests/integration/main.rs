//! The integration tests of jalon-core: what needs no file. The store's, the importers' and
//! the session's are jalon-store's.

mod xml;
