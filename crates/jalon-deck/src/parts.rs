//! A package's parts as read from a template: by name, as text, as XML, and their
//! relationships, each resolved to the part it names.

use std::collections::BTreeMap;
use std::io::Read;

use crate::{DeckError, Result};

/// A package's parts, by name.
pub(crate) type Parts = BTreeMap<String, Vec<u8>>;

pub(crate) const RELS: &str = "http://schemas.openxmlformats.org/package/2006/relationships";

/// A template larger than this once expanded is refused: a real one is a few megabytes.
const MAX_EXPANDED: u64 = 200 * 1024 * 1024;

pub(crate) fn bad(detail: impl Into<String>) -> DeckError {
    DeckError::template(detail)
}

/// The template's parts, by name.
pub(crate) fn parts(bytes: &[u8]) -> Result<Parts> {
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes))
        .map_err(|_| bad("not a PowerPoint file (no zip archive)"))?;
    let mut total = 0u64;
    let mut out = BTreeMap::new();
    for i in 0..zip.len() {
        let mut f = zip.by_index(i).map_err(|e| bad(e.to_string()))?;
        total += f.size();
        if total > MAX_EXPANDED {
            return Err(bad("its archive expands beyond 200 MB"));
        }
        if f.is_dir() {
            continue;
        }
        let name = f.name().map_err(|e| bad(e.to_string()))?.into_owned();
        let mut buf = Vec::with_capacity(f.size() as usize);
        f.read_to_end(&mut buf).map_err(|e| bad(e.to_string()))?;
        out.insert(name, buf);
    }
    Ok(out)
}

pub(crate) fn text<'a>(parts: &'a Parts, name: &str) -> Result<&'a str> {
    let bytes = parts
        .get(name)
        .ok_or_else(|| bad(format!("it has no {name}")))?;
    std::str::from_utf8(bytes).map_err(|_| bad(format!("{name} is not UTF-8")))
}

pub(crate) fn parse(xml: &str) -> Result<roxmltree::Document<'_>> {
    roxmltree::Document::parse(xml).map_err(|e| bad(e.to_string()))
}

/// The relationships file of a part: `ppt/slides/slide1.xml` → `ppt/slides/_rels/slide1.xml.rels`.
pub(crate) fn rels_name(part: &str) -> String {
    match part.rsplit_once('/') {
        Some((dir, file)) => format!("{dir}/_rels/{file}.rels"),
        None => format!("_rels/{part}.rels"),
    }
}

/// A relationship's target as a part name, relative to the part that holds it.
pub(crate) fn resolve(part: &str, target: &str) -> String {
    if let Some(abs) = target.strip_prefix('/') {
        return abs.to_string();
    }
    let mut dir: Vec<&str> = part.split('/').collect();
    dir.pop();
    for seg in target.split('/') {
        match seg {
            ".." => {
                dir.pop();
            }
            "." | "" => {}
            s => dir.push(s),
        }
    }
    dir.join("/")
}

/// A target for `to`, relative to the part `from`.
pub(crate) fn relative(from: &str, to: &str) -> String {
    let depth = from.matches('/').count();
    format!("{}{to}", "../".repeat(depth))
}

/// A part's relationships: (id, type's last segment, target part).
pub(crate) fn relationships(parts: &Parts, part: &str) -> Result<Vec<(String, String, String)>> {
    let name = rels_name(part);
    if !parts.contains_key(&name) {
        return Ok(Vec::new());
    }
    let xml = text(parts, &name)?;
    let doc = parse(xml)?;
    Ok(doc
        .descendants()
        .filter(|n| n.has_tag_name((RELS, "Relationship")))
        .filter(|n| n.attribute("TargetMode") != Some("External"))
        .map(|n| {
            (
                n.attribute("Id").unwrap_or_default().to_string(),
                n.attribute("Type")
                    .unwrap_or_default()
                    .rsplit('/')
                    .next()
                    .unwrap_or_default()
                    .to_string(),
                resolve(part, n.attribute("Target").unwrap_or_default()),
            )
        })
        .collect())
}

/// Relationships as (id, kind, target part).
pub(crate) type Rels = Vec<(String, String, String)>;
