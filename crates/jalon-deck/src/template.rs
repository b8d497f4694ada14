//! A deck built on the ministry's template (a .pptx or .potx): the template's package is kept,
//! master, layouts, theme and media included, its own slides are dropped, and ours are added
//! on the layouts its `stage` chose (layouts.rs), laid out by `build` for the layout's content
//! area, our text and tables in the theme's fonts and colours.

use std::collections::BTreeMap;

use crate::backdrop::Scheme as _;
use crate::layouts::{self, Layout, Role};
use crate::parts::{
    Parts, RELS, Rels, bad, parse, parts, relationships, relative, rels_name, resolve, text,
};
use crate::pptx::{Look, notes_slide, slide_xml};
use crate::stage::{OURS, Placed, Room, Stage, TextBox, ThemeLook, scale_to};
use crate::xml::Package;
use crate::{Deck, Rect, Result, SLIDE_H, SLIDE_W, Shape, palette};
use jalon_core::xml::escape;

const P: &str = "http://schemas.openxmlformats.org/presentationml/2006/main";
const CT: &str = "application/vnd.openxmlformats-officedocument.presentationml";
/// The template's package, and the parts a deck is built from.
struct Template {
    parts: Parts,
    presentation: String,
    pres_rels: Rels,
    master: String,
}

/// What a deck adds to the template's package besides its parts: content-type overrides and
/// the presentation's new relationships.
#[derive(Default)]
struct Added {
    overrides: Vec<(String, String)>,
    rels: Rels,
}

/// A deck written on a template: its bytes, and the roles for which the template offered no
/// usable layout (their slides are on its blank layout, with Jalon's own boxes).
#[derive(Debug)]
pub struct OnTemplate {
    pub bytes: Vec<u8>,
    pub fallbacks: Vec<Role>,
}

/// The stage a template gives a deck: its slide size, the layout chosen for each role (by the
/// officer's name for it in `wanted`, else by what the layouts hold), their title boxes at the
/// template's title size, the content area below, and the theme's faces and accent.
pub fn stage(template: &[u8], wanted: &[(Role, String)]) -> Result<Stage> {
    let t = open(template)?;
    let slide = slide_size(&t)?;
    let layouts = master_layouts(&t)?;
    let pick = |role: Role| {
        let name = wanted
            .iter()
            .find(|(r, _)| *r == role)
            .map(|(_, n)| n.as_str());
        layouts::choose(&layouts, role, slide, name)
    };
    let title = pick(Role::Title)?;
    let scaled = |r: Rect| scale_to(r, slide);
    let scheme = ThemeScheme::of(&t)?;
    let style = title_style(text(&t.parts, &t.master)?, &scheme)?;
    let title_box = |chosen: &layouts::Chosen, centred: bool, ours: Rect| {
        let own = (!chosen.fallback)
            .then(|| layouts[chosen.layout].title_box(centred))
            .flatten();
        let (rect, size) = own.map_or((scaled(ours), style.size), |(r, s)| {
            (r, s.unwrap_or(style.size))
        });
        TextBox { rect, size }
    };
    // A content slide's title in the layout's title box, its content in the layout's content
    // area below (on a blank layout, Jalon's own boxes).
    let room = |chosen: &layouts::Chosen| {
        let title = title_box(chosen, false, crate::TITLE);
        let area = (!chosen.fallback)
            .then(|| layouts[chosen.layout].content_area())
            .flatten()
            .unwrap_or_else(|| scaled(OURS));
        Room {
            title,
            area: below(area, title.rect),
        }
    };
    let subtitle = (!title.fallback)
        .then(|| layouts[title.layout].subtitle_box())
        .flatten()
        .map_or(
            TextBox {
                rect: scaled(crate::SUBTITLE),
                size: 20,
            },
            |(rect, size)| TextBox {
                rect,
                size: size.unwrap_or(20).min(24),
            },
        );
    let placed = |role: Role, chosen: &layouts::Chosen| Placed {
        role,
        name: layouts[chosen.layout].name.clone(),
        part: layouts[chosen.layout].part.clone(),
        fallback: chosen.fallback,
        backdrop: crate::backdrop::read(
            &t.parts,
            &t.master,
            &layouts[chosen.layout].part,
            slide,
            &scheme,
        ),
        room: role.is_content().then(|| room(chosen)),
    };
    let mut placed_roles = vec![placed(Role::Title, &title)];
    for role in Role::CONTENT {
        placed_roles.push(placed(role, &pick(role)?));
    }
    Ok(Stage {
        slide,
        centred: title_box(&title, true, crate::CTR_TITLE),
        subtitle,
        title_bold: style.bold,
        title_centred: style.centred,
        title_caps: style.caps,
        title_ink: style.ink,
        layouts: placed_roles,
        look: Some(theme_look(&scheme)?),
    })
}

/// The content area less what of it the title's box covers: one real template's body
/// placeholder starts above its title bar's bottom, and a headline there would touch the title.
fn below(area: Rect, title: Rect) -> Rect {
    let bottom = title.y + title.h;
    let overlaps = title.y < area.y && bottom > area.y && bottom < area.y + area.h / 2;
    if !overlaps {
        return area;
    }
    let gap = 45_720;
    Rect {
        y: bottom + gap,
        h: area.y + area.h - bottom - gap,
        ..area
    }
}

/// The template's colour scheme: its theme's colours, through the master's map (`p:clrMap`,
/// bg1 → lt1 by default).
pub(crate) struct ThemeScheme {
    /// The theme part's XML, empty when the master has none.
    theme: String,
    /// A scheme name (bg1) to its slot in the theme (lt1).
    map: BTreeMap<String, String>,
}

impl ThemeScheme {
    fn of(t: &Template) -> Result<ThemeScheme> {
        let theme = relationships(&t.parts, &t.master)?
            .into_iter()
            .find(|(_, kind, _)| kind == "theme")
            .map(|(_, _, target)| target);
        let theme = match &theme {
            Some(name) if t.parts.contains_key(name) => text(&t.parts, name)?.to_string(),
            _ => String::new(),
        };
        let master = parse(text(&t.parts, &t.master)?)?;
        let map = master
            .descendants()
            .find(|n| n.has_tag_name((P, "clrMap")))
            .map(|m| {
                m.attributes()
                    .map(|a| (a.name().to_string(), a.value().to_string()))
                    .collect()
            })
            .unwrap_or_default();
        Ok(ThemeScheme { theme, map })
    }

    fn theme(&self) -> Result<Option<roxmltree::Document<'_>>> {
        (!self.theme.is_empty())
            .then(|| parse(&self.theme))
            .transpose()
    }
}

impl crate::backdrop::Scheme for ThemeScheme {
    fn rgb(&self, name: &str) -> Option<String> {
        let slot = self.map.get(name).map_or(
            match name {
                "bg1" => "lt1",
                "tx1" => "dk1",
                "bg2" => "lt2",
                "tx2" => "dk2",
                other => other,
            },
            String::as_str,
        );
        let doc = self.theme().ok()??;
        // The theme's own colours are plain (srgbClr, sysClr): one naming another is not
        // followed, so that a file cannot send this round in circles.
        doc.descendants()
            .find(|n| n.tag_name().name() == slot)
            .and_then(|n| n.children().find(|c| c.is_element()))
            .and_then(|c| crate::backdrop::colour(c, &crate::backdrop::NoScheme))
    }
}

/// The theme's faces, and the table's colours from its scheme as the master maps it
/// (`p:clrMap`): the first accent made into a header that reads, the body's ink on its
/// background, and its second background for the bands where the ink reads on it too.
fn theme_look(scheme: &ThemeScheme) -> Result<ThemeLook> {
    let doc = scheme.theme()?;
    let colour = |name: &str, default: &str| -> String {
        scheme.rgb(name).unwrap_or_else(|| default.to_string())
    };
    let face = |font: &str| -> String {
        doc.as_ref()
            .and_then(|d| d.descendants().find(|n| n.tag_name().name() == font))
            .and_then(|f| f.children().find(|c| c.tag_name().name() == "latin"))
            .and_then(|l| l.attribute("typeface"))
            .unwrap_or(crate::FONT)
            .to_string()
    };
    let (header_fill, header_ink, header_contrast) =
        crate::stage::header_colours(&colour("accent1", "1D4E89"), 4.5);
    let (body_fill, body_ink) = (colour("bg1", "FFFFFF"), colour("tx1", "1B1F24"));
    let band = colour("bg2", "F3F5F8");
    // A second background the ink does not read on (one real template's is crimson) leaves
    // the rows unbanded.
    let band_fill = if crate::contrast(&band, &body_ink) >= 4.5 {
        band
    } else {
        body_fill.clone()
    };
    Ok(ThemeLook {
        minor: face("minorFont"),
        major: face("majorFont"),
        header_fill,
        header_ink,
        header_contrast,
        body_contrast: crate::contrast(&body_fill, &body_ink)
            .min(crate::contrast(&band_fill, &body_ink)),
        body_fill,
        body_ink,
        band_fill,
    })
}

/// The deck as PPTX bytes, on the template's master, layouts and theme, with the layouts of
/// the stage it was built for (`stage`).
pub fn pptx_on_template(deck: &Deck, template: &[u8]) -> Result<OnTemplate> {
    let mut t = open(template)?;
    let stage = &deck.stage;
    let pal = palette(false);
    let look = Look {
        pal: &pal,
        theme: stage.look.as_ref(),
    };
    // The template's own slides and notes go (and its thumbnail, which shows them); everything
    // else stays.
    let thumbnails: Vec<String> = relationships(&t.parts, "")?
        .into_iter()
        .filter(|(_, kind, _)| kind == "thumbnail")
        .map(|(_, _, target)| target)
        .collect();
    t.parts.retain(|name, _| {
        !(name.starts_with("ppt/slides/")
            || name.starts_with("ppt/notesSlides/")
            || thumbnails.contains(name))
    });
    drop_dangling_root_relationships(&mut t.parts)?;
    let mut added = Added::default();
    let notes_master = notes_master(&mut t, deck, &pal, &mut added);
    let slide_ids = add_slides(&mut t.parts, deck, &look, &notes_master, &mut added);
    write_presentation(&mut t, &slide_ids, added.rels)?;
    let types = content_types(&t.parts, added.overrides)?;
    t.parts.remove("[Content_Types].xml");
    let mut pkg = Package::new();
    pkg.deflated("[Content_Types].xml", types.as_bytes())?;
    for (name, bytes) in &t.parts {
        pkg.deflated(name, bytes)?;
    }
    Ok(OnTemplate {
        bytes: pkg.finish()?,
        fallbacks: stage.fallbacks(),
    })
}

/// The template's layouts as Jalon reads them, and the role it would give each: what
/// `jalon-cli deck --template T --inspect` lists.
pub fn inspect(template: &[u8]) -> Result<Inspected> {
    let t = open(template)?;
    let slide = slide_size(&t)?;
    let layouts = master_layouts(&t)?;
    let mut roles = Vec::new();
    for role in Role::ALL {
        let c = layouts::choose(&layouts, role, slide, None)?;
        roles.push((role, c));
    }
    Ok(Inspected {
        slide,
        layouts,
        roles,
    })
}

/// A template's slide size (EMU), its layouts and the layout chosen for each role.
#[derive(Debug)]
pub struct Inspected {
    pub slide: (i64, i64),
    pub layouts: Vec<Layout>,
    pub roles: Vec<(Role, layouts::Chosen)>,
}

/// How the master sets its titles.
struct TitleStyle {
    /// Points: 44 when it sets none, as PowerPoint's default.
    size: u32,
    bold: bool,
    /// `algn="ctr"`: what the preview draws them as.
    centred: bool,
    /// `cap="all"`: set in capitals, which the titles are fitted as.
    caps: bool,
    /// Their colour, RRGGBB.
    ink: Option<String>,
}

fn title_style(master: &str, scheme: &ThemeScheme) -> Result<TitleStyle> {
    let doc = parse(master)?;
    let style = doc
        .descendants()
        .find(|n| n.has_tag_name((P, "titleStyle")));
    let run = style.and_then(|t| t.descendants().find(|n| n.tag_name().name() == "defRPr"));
    let centred = style
        .and_then(|t| t.descendants().find(|n| n.tag_name().name() == "lvl1pPr"))
        .and_then(|p| p.attribute("algn"))
        .is_some_and(|a| a == "ctr");
    let size = run
        .and_then(|r| r.attribute("sz")?.parse::<u32>().ok())
        .map_or(44, |hundredths| hundredths / 100);
    let bold = run
        .and_then(|r| r.attribute("b"))
        .is_some_and(|b| b == "1" || b == "true");
    let ink = run
        .and_then(|r| r.children().find(|c| c.tag_name().name() == "solidFill"))
        .and_then(|f| f.children().find(|c| c.is_element()))
        .and_then(|c| crate::backdrop::colour(c, scheme));
    Ok(TitleStyle {
        size,
        bold,
        centred,
        caps: run.and_then(|r| r.attribute("cap")) == Some("all"),
        ink,
    })
}

/// The presentation's slide size, in EMU.
fn slide_size(t: &Template) -> Result<(i64, i64)> {
    let doc = parse(text(&t.parts, &t.presentation)?)?;
    let size = doc
        .descendants()
        .find(|n| n.has_tag_name((P, "sldSz")))
        .and_then(|n| {
            Some((
                n.attribute("cx")?.parse::<i64>().ok()?,
                n.attribute("cy")?.parse::<i64>().ok()?,
            ))
        });
    Ok(size.unwrap_or((SLIDE_W, SLIDE_H)))
}

/// The slide master's layouts, in its order.
fn master_layouts(t: &Template) -> Result<Vec<Layout>> {
    let parts: Vec<String> = relationships(&t.parts, &t.master)?
        .into_iter()
        .filter(|(_, kind, _)| kind == "slideLayout")
        .map(|(_, _, target)| target)
        .collect();
    layouts::read(&t.parts, &t.master, &parts)
}

/// The package's own relationships (`_rels/.rels`) less those whose part was dropped (the
/// thumbnail): a relationship to a missing part makes PowerPoint offer to repair the file.
fn drop_dangling_root_relationships(parts: &mut Parts) -> Result<()> {
    let Some(bytes) = parts.get("_rels/.rels") else {
        return Ok(());
    };
    let xml = std::str::from_utf8(bytes).map_err(|_| bad("_rels/.rels is not UTF-8"))?;
    let doc = parse(xml)?;
    let mut out = format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>{}<Relationships xmlns="{RELS}">"#,
        "\n"
    );
    let mut dropped = false;
    for n in doc
        .descendants()
        .filter(|n| n.has_tag_name((RELS, "Relationship")))
    {
        let target = n.attribute("Target").unwrap_or_default();
        let external = n.attribute("TargetMode") == Some("External");
        if !external && !parts.contains_key(&resolve("", target)) {
            dropped = true;
            continue;
        }
        out.push_str(&format!(
            r#"<Relationship Id="{}" Type="{}" Target="{}"{}/>"#,
            escape(n.attribute("Id").unwrap_or_default()),
            escape(n.attribute("Type").unwrap_or_default()),
            escape(target),
            if external {
                r#" TargetMode="External""#
            } else {
                ""
            }
        ));
    }
    out.push_str("</Relationships>");
    if dropped {
        parts.insert("_rels/.rels".into(), out.into_bytes());
    }
    Ok(())
}

/// Reads the package and finds its presentation and slide master.
fn open(template: &[u8]) -> Result<Template> {
    let parts = parts(template)?;
    let root = relationships(&parts, "")?;
    let target = |rels: &Rels, kind: &str| {
        rels.iter()
            .find(|(_, k, _)| k == kind)
            .map(|(_, _, t)| t.clone())
    };
    let presentation =
        target(&root, "officeDocument").ok_or_else(|| bad("it has no presentation part"))?;
    let pres_rels = relationships(&parts, &presentation)?;
    let master = target(&pres_rels, "slideMaster").ok_or_else(|| bad("it has no slide master"))?;
    Ok(Template {
        parts,
        presentation,
        pres_rels,
        master,
    })
}

/// The template's notes master; a template without one gets ours, on a theme of its own.
fn notes_master(t: &mut Template, deck: &Deck, pal: &crate::Palette, added: &mut Added) -> String {
    if let Some((_, _, n)) = t.pres_rels.iter().find(|(_, k, _)| k == "notesMaster") {
        return n.clone();
    }
    let name = "ppt/notesMasters/notesMaster1.xml".to_string();
    let theme = "ppt/theme/themeJalonNotes.xml";
    let parts = &mut t.parts;
    parts.insert(
        name.clone(),
        crate::pptx::notes_master_xml(deck).into_bytes(),
    );
    parts.insert(
        rels_name(&name),
        crate::pptx::rels_xml(&[("rId1", "theme", "../theme/themeJalonNotes.xml")]).into_bytes(),
    );
    parts.insert(
        theme.into(),
        crate::pptx::theme_xml(pal, "Jalon notes").into_bytes(),
    );
    added
        .overrides
        .push((format!("/{name}"), format!("{CT}.notesMaster+xml")));
    added.overrides.push((
        format!("/{theme}"),
        "application/vnd.openxmlformats-officedocument.theme+xml".into(),
    ));
    added
        .rels
        .push(("rIdJalonNotes".into(), "notesMaster".into(), name.clone()));
    name
}

/// Writes each slide, its notes, its charts and their relationships; returns the
/// presentation's slide list.
fn add_slides(
    parts: &mut Parts,
    deck: &Deck,
    look: &Look,
    notes_master: &str,
    added: &mut Added,
) -> String {
    let mut image = 0;
    let mut slide_ids = String::new();
    for (i, slide) in deck.slides.iter().enumerate() {
        let k = i + 1;
        let name = format!("ppt/slides/slide{k}.xml");
        let notes = format!("ppt/notesSlides/notesSlide{k}.xml");
        let layout = deck.stage.layout(slide.role).part.as_str();
        let mut rels = vec![
            ("rId1".to_string(), "slideLayout", relative(&name, layout)),
            ("rId2".to_string(), "notesSlide", relative(&name, &notes)),
        ];
        let mut pictures = Vec::new();
        for shape in &slide.shapes {
            if let Shape::Picture { png, svg, .. } = shape {
                image += 1;
                let (p, s) = (
                    format!("ppt/media/jalon-chart{image}.png"),
                    format!("ppt/media/jalon-chart{image}.svg"),
                );
                parts.insert(p.clone(), png.clone());
                parts.insert(s.clone(), svg.clone());
                let png_id = format!("rId{}", rels.len() + 1);
                rels.push((png_id.clone(), "image", relative(&name, &p)));
                let svg_id = format!("rId{}", rels.len() + 1);
                rels.push((svg_id.clone(), "image", relative(&name, &s)));
                pictures.push((png_id, svg_id));
            }
        }
        parts.insert(
            name.clone(),
            slide_xml(deck, slide, look, &pictures).into_bytes(),
        );
        let borrowed: Vec<(&str, &str, &str)> = rels
            .iter()
            .map(|(a, b, c)| (a.as_str(), *b, c.as_str()))
            .collect();
        parts.insert(
            rels_name(&name),
            crate::pptx::rels_xml(&borrowed).into_bytes(),
        );
        parts.insert(notes.clone(), notes_slide(deck, slide).into_bytes());
        parts.insert(
            rels_name(&notes),
            crate::pptx::rels_xml(&[
                ("rId1", "notesMaster", &relative(&notes, notes_master)),
                ("rId2", "slide", &relative(&notes, &name)),
            ])
            .into_bytes(),
        );
        added
            .overrides
            .push((format!("/{name}"), format!("{CT}.slide+xml")));
        added
            .overrides
            .push((format!("/{notes}"), format!("{CT}.notesSlide+xml")));
        let id = format!("rIdJalonSlide{k}");
        slide_ids.push_str(&format!(r#"<p:sldId id="{}" r:id="{id}"/>"#, 255 + k));
        added.rels.push((id, "slide".into(), name));
    }
    slide_ids
}

/// The presentation: our slides in its list, the notes master named, the template's slides'
/// relationships gone and ours added.
fn write_presentation(t: &mut Template, slide_ids: &str, new_rels: Rels) -> Result<()> {
    let presentation = t.presentation.clone();
    let pres_xml = text(&t.parts, &presentation)?.to_string();
    let pres_xml = replace_slide_list(&pres_xml, slide_ids)?;
    let pres_xml = if pres_xml.contains("<p:notesMasterIdLst") {
        pres_xml
    } else {
        pres_xml.replacen(
            "</p:sldMasterIdLst>",
            r#"</p:sldMasterIdLst><p:notesMasterIdLst><p:notesMasterId r:id="rIdJalonNotes"/></p:notesMasterIdLst>"#,
            1,
        )
    };
    t.parts.insert(presentation.clone(), pres_xml.into_bytes());
    let mut kept: Rels = std::mem::take(&mut t.pres_rels)
        .into_iter()
        .filter(|(_, kind, _)| kind != "slide")
        .collect();
    kept.extend(new_rels);
    let owned: Vec<(String, &str, String)> = kept
        .iter()
        .map(|(id, kind, target)| (id.clone(), kind.as_str(), relative(&presentation, target)))
        .collect();
    let borrowed: Vec<(&str, &str, &str)> = owned
        .iter()
        .map(|(a, b, c)| (a.as_str(), *b, c.as_str()))
        .collect();
    t.parts.insert(
        rels_name(&presentation),
        crate::pptx::rels_xml(&borrowed).into_bytes(),
    );
    Ok(())
}

/// `[Content_Types].xml`: a template's main part becomes a presentation's; PNG and SVG known;
/// the dropped parts' overrides gone and ours added.
fn content_types(parts: &Parts, overrides: Vec<(String, String)>) -> Result<String> {
    let types = text(parts, "[Content_Types].xml")?;
    let doc = parse(types)?;
    let ct_ns = "http://schemas.openxmlformats.org/package/2006/content-types";
    let entries = |tag: &str, key: &str| -> Vec<(String, String)> {
        doc.descendants()
            .filter(|n| n.has_tag_name((ct_ns, tag)))
            .map(|n| {
                (
                    n.attribute(key).unwrap_or_default().to_string(),
                    n.attribute("ContentType").unwrap_or_default().to_string(),
                )
            })
            .collect()
    };
    let mut defaults = entries("Default", "Extension");
    // A template may name each of its relationship parts by an override (LibreOffice does):
    // the parts the deck adds need the defaults.
    for (ext, ty) in [
        (
            "rels",
            "application/vnd.openxmlformats-package.relationships+xml",
        ),
        ("xml", "application/xml"),
        ("png", "image/png"),
        ("svg", "image/svg+xml"),
    ] {
        if !defaults.iter().any(|(e, _)| e.eq_ignore_ascii_case(ext)) {
            defaults.push((ext.into(), ty.into()));
        }
    }
    let main = |ty: String| {
        if ty == format!("{CT}.template.main+xml") || ty == format!("{CT}.slideshow.main+xml") {
            format!("{CT}.presentation.main+xml")
        } else {
            ty
        }
    };
    let mut all: Vec<(String, String)> = entries("Override", "PartName")
        .into_iter()
        .filter(|(part, _)| parts.contains_key(part.trim_start_matches('/')))
        .map(|(part, ty)| (part, main(ty)))
        .collect();
    all.extend(overrides);
    let mut ct = format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>{}<Types xmlns="{ct_ns}">"#,
        "\n"
    );
    for (ext, ty) in &defaults {
        ct.push_str(&format!(
            r#"<Default Extension="{}" ContentType="{}"/>"#,
            escape(ext),
            escape(ty)
        ));
    }
    for (part, ty) in &all {
        ct.push_str(&format!(
            r#"<Override PartName="{}" ContentType="{}"/>"#,
            escape(part),
            escape(ty)
        ));
    }
    ct.push_str("</Types>");
    Ok(ct)
}

/// presentation.xml with `ids` as its slide list, where the template had its own (or none).
fn replace_slide_list(xml: &str, ids: &str) -> Result<String> {
    let list = format!("<p:sldIdLst>{ids}</p:sldIdLst>");
    if let (Some(start), Some(end)) = (xml.find("<p:sldIdLst>"), xml.find("</p:sldIdLst>")) {
        return Ok(format!(
            "{}{list}{}",
            &xml[..start],
            &xml[end + "</p:sldIdLst>".len()..]
        ));
    }
    if let Some(start) = xml.find("<p:sldIdLst/>") {
        return Ok(format!(
            "{}{list}{}",
            &xml[..start],
            &xml[start + "<p:sldIdLst/>".len()..]
        ));
    }
    match xml.find("<p:sldSz") {
        Some(at) => Ok(format!("{}{list}{}", &xml[..at], &xml[at..])),
        None => Err(bad("its presentation.xml has no slide size")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn targets_resolve_and_relate_between_parts() {
        assert_eq!(
            resolve("ppt/slides/slide1.xml", "../slideLayouts/slideLayout2.xml"),
            "ppt/slideLayouts/slideLayout2.xml"
        );
        assert_eq!(
            resolve("ppt/presentation.xml", "slides/slide1.xml"),
            "ppt/slides/slide1.xml"
        );
        assert_eq!(resolve("", "ppt/presentation.xml"), "ppt/presentation.xml");
        assert_eq!(
            relative("ppt/slides/slide1.xml", "ppt/media/a.png"),
            "../../ppt/media/a.png"
        );
        assert_eq!(
            rels_name("ppt/presentation.xml"),
            "ppt/_rels/presentation.xml.rels"
        );
    }
}
