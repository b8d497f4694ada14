//! What a template's master and layout draw behind a slide's own shapes: the background, and
//! the pictures (logos, bands) and filled shapes (bars) that are not placeholders. The writer
//! never touches them, since the reader draws them from the template's parts; the preview
//! reads them here so that a slide on a template looks, before export, as it will in the file.
//!
//! Kept to what can be drawn faithfully: solid and gradient fills (the gradient's first stop),
//! PNG, JPEG, GIF and SVG pictures, and groups. Metafiles (EMF, WMF) and effects are left out.

use std::collections::BTreeMap;

use crate::Rect;

const P: &str = "http://schemas.openxmlformats.org/presentationml/2006/main";
const A: &str = "http://schemas.openxmlformats.org/drawingml/2006/main";
const R: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

/// What the template draws behind a layout's slides.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Backdrop {
    /// The background's colour, RRGGBB.
    pub fill: Option<String>,
    /// The master's art (unless the layout hides it), then the layout's, in drawing order.
    pub art: Vec<Art>,
}

/// A picture or a filled shape, where the slide shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Art {
    pub rect: Rect,
    pub kind: ArtKind,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ArtKind {
    Picture { mime: &'static str, bytes: Vec<u8> },
    Fill(String),
}

/// A scheme colour's name (`accent1`, `tx1`, `bg2`…) to RRGGBB, through the master's colour
/// map and the theme.
pub(crate) trait Scheme {
    fn rgb(&self, name: &str) -> Option<String>;
}

/// No scheme: scheme colours are not resolved.
pub(crate) struct NoScheme;

impl Scheme for NoScheme {
    fn rgb(&self, _: &str) -> Option<String> {
        None
    }
}

/// A colour element's RRGGBB (`srgbClr`, `schemeClr`, `sysClr`), its modifiers left out.
pub(crate) fn colour(node: roxmltree::Node, scheme: &dyn Scheme) -> Option<String> {
    match node.tag_name().name() {
        "srgbClr" => node.attribute("val").map(str::to_uppercase),
        "schemeClr" => scheme.rgb(node.attribute("val")?),
        "sysClr" => node.attribute("lastClr").map(str::to_uppercase),
        "prstClr" => match node.attribute("val")? {
            "black" => Some("000000".into()),
            "white" => Some("FFFFFF".into()),
            _ => None,
        },
        _ => None,
    }
}

/// A fill's colour: a solid fill's, or a gradient's first stop.
fn fill_colour(fill: roxmltree::Node, scheme: &dyn Scheme) -> Option<String> {
    fn element<'a, 'i>(n: roxmltree::Node<'a, 'i>) -> Option<roxmltree::Node<'a, 'i>> {
        n.children().find(|c| c.is_element())
    }
    match fill.tag_name().name() {
        "solidFill" => colour(element(fill)?, scheme),
        "gradFill" => {
            let stop = fill.descendants().find(|n| n.has_tag_name((A, "gs")))?;
            colour(element(stop)?, scheme)
        }
        _ => None,
    }
}

/// The part's own shapes and background, as one step of `read`.
struct Drawn {
    fill: Option<String>,
    art: Vec<Art>,
    /// A layout's `showMasterSp="0"`: the master's shapes are not drawn under it.
    hides_master: bool,
}

/// A rectangle through a group's transform: child coordinates to the slide's.
#[derive(Clone, Copy)]
struct Frame {
    ox: f64,
    oy: f64,
    sx: f64,
    sy: f64,
}

impl Frame {
    const SLIDE: Frame = Frame {
        ox: 0.0,
        oy: 0.0,
        sx: 1.0,
        sy: 1.0,
    };

    fn map(self, r: Rect) -> Rect {
        Rect {
            x: (self.ox + r.x as f64 * self.sx).round() as i64,
            y: (self.oy + r.y as f64 * self.sy).round() as i64,
            w: (r.w as f64 * self.sx).round() as i64,
            h: (r.h as f64 * self.sy).round() as i64,
        }
    }
}

fn xfrm_of(sp_pr: roxmltree::Node) -> Option<(Rect, Option<Rect>)> {
    let x = sp_pr.children().find(|n| n.has_tag_name((A, "xfrm")))?;
    let pair = |tag: &str, a: &str, b: &str| {
        let n = x.children().find(|n| n.has_tag_name((A, tag)))?;
        Some((
            n.attribute(a)?.parse::<i64>().ok()?,
            n.attribute(b)?.parse::<i64>().ok()?,
        ))
    };
    let (ox, oy) = pair("off", "x", "y")?;
    let (w, h) = pair("ext", "cx", "cy")?;
    let rect = Rect { x: ox, y: oy, w, h };
    let child = match (pair("chOff", "x", "y"), pair("chExt", "cx", "cy")) {
        (Some((x, y)), Some((w, h))) => Some(Rect { x, y, w, h }),
        _ => None,
    };
    Some((rect, child))
}

fn mime(part: &str) -> Option<&'static str> {
    let ext = part.rsplit('.').next()?.to_ascii_lowercase();
    Some(match ext.as_str() {
        "png" => "image/png",
        "jpg" | "jpeg" => "image/jpeg",
        "gif" => "image/gif",
        "svg" => "image/svg+xml",
        _ => return None,
    })
}

struct Reader<'a> {
    parts: &'a BTreeMap<String, Vec<u8>>,
    /// The part's relationships: id → target part.
    rels: BTreeMap<String, String>,
    scheme: &'a dyn Scheme,
}

impl Reader<'_> {
    fn picture(&self, pic: roxmltree::Node) -> Option<ArtKind> {
        let blip = pic.descendants().find(|n| n.has_tag_name((A, "blip")))?;
        let part = self.rels.get(blip.attribute((R, "embed"))?)?;
        Some(ArtKind::Picture {
            mime: mime(part)?,
            bytes: self.parts.get(part)?.clone(),
        })
    }

    /// The shapes of a tree (`p:spTree` or a group) that are not placeholders.
    fn shapes(&self, tree: roxmltree::Node, frame: Frame, out: &mut Vec<Art>) {
        for node in tree.children().filter(|n| n.is_element()) {
            let sp_pr = node
                .children()
                .find(|n| n.has_tag_name((P, "spPr")) || n.has_tag_name((P, "grpSpPr")));
            let Some((rect, child)) = sp_pr.and_then(xfrm_of) else {
                continue;
            };
            let placeholder = node.descendants().any(|n| n.has_tag_name((P, "ph")));
            let kind = match node.tag_name().name() {
                "pic" if !placeholder => self.picture(node),
                "sp" if !placeholder => sp_pr
                    .and_then(|s| {
                        s.children()
                            .find(|c| matches!(c.tag_name().name(), "solidFill" | "gradFill"))
                    })
                    .and_then(|f| fill_colour(f, self.scheme))
                    .map(ArtKind::Fill),
                "grpSp" => {
                    let outer = frame.map(rect);
                    let inner = child.unwrap_or(rect);
                    let ratio = |a: i64, b: i64| if b == 0 { 1.0 } else { a as f64 / b as f64 };
                    let sx = ratio(outer.w, inner.w);
                    let sy = ratio(outer.h, inner.h);
                    let group = Frame {
                        ox: outer.x as f64 - inner.x as f64 * sx,
                        oy: outer.y as f64 - inner.y as f64 * sy,
                        sx,
                        sy,
                    };
                    self.shapes(node, group, out);
                    None
                }
                _ => None,
            };
            if let Some(kind) = kind {
                out.push(Art {
                    rect: frame.map(rect),
                    kind,
                });
            }
        }
    }

    fn drawn(&self, xml: &str, slide: (i64, i64)) -> Option<Drawn> {
        let doc = roxmltree::Document::parse(xml).ok()?;
        let c_sld = doc.descendants().find(|n| n.has_tag_name((P, "cSld")))?;
        let mut art = Vec::new();
        let bg = c_sld.children().find(|n| n.has_tag_name((P, "bg")));
        let bg_fill = bg.and_then(|b| b.children().find(|n| n.is_element()));
        let fill = bg_fill.and_then(|b| match b.tag_name().name() {
            // A background reference names its colour as its child.
            "bgRef" => b
                .children()
                .find(|c| c.is_element())
                .and_then(|c| colour(c, self.scheme)),
            _ => b
                .children()
                .filter(|c| c.is_element())
                .find_map(|c| fill_colour(c, self.scheme)),
        });
        // A picture as the background covers the slide.
        if let Some(pic) = bg_fill
            .and_then(|b| b.children().find(|c| c.has_tag_name((A, "blipFill"))))
            .and_then(|b| self.picture(b))
        {
            art.push(Art {
                rect: Rect {
                    x: 0,
                    y: 0,
                    w: slide.0,
                    h: slide.1,
                },
                kind: pic,
            });
        }
        if let Some(tree) = c_sld.children().find(|n| n.has_tag_name((P, "spTree"))) {
            self.shapes(tree, Frame::SLIDE, &mut art);
        }
        Some(Drawn {
            fill,
            art,
            hides_master: doc.root_element().attribute("showMasterSp") == Some("0"),
        })
    }
}

/// The backdrop of `layout` on `master`, on a slide of `slide` EMU. A part that cannot be read
/// adds nothing: the preview then shows less of the template, never an error.
pub(crate) fn read(
    parts: &BTreeMap<String, Vec<u8>>,
    master: &str,
    layout: &str,
    slide: (i64, i64),
    scheme: &dyn Scheme,
) -> Backdrop {
    let drawn = |part: &str| {
        let rels = crate::parts::relationships(parts, part)
            .unwrap_or_default()
            .into_iter()
            .map(|(id, _, target)| (id, target))
            .collect();
        let reader = Reader {
            parts,
            rels,
            scheme,
        };
        let xml = std::str::from_utf8(parts.get(part)?).ok()?;
        reader.drawn(xml, slide)
    };
    let (m, l) = (drawn(master), drawn(layout));
    let hides = l.as_ref().is_some_and(|l| l.hides_master);
    let mut art = Vec::new();
    let mut fill = m.as_ref().and_then(|m| m.fill.clone());
    if let Some(m) = m
        && !hides
    {
        art.extend(m.art);
    }
    if let Some(l) = l {
        fill = l.fill.or(fill);
        art.extend(l.art);
    }
    Backdrop { fill, art }
}

#[cfg(test)]
mod tests {
    use super::*;

    struct Plain;
    impl Scheme for Plain {
        fn rgb(&self, name: &str) -> Option<String> {
            (name == "accent1").then(|| "C00000".to_string())
        }
    }

    const NS: &str = r#"xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" xmlns:p="http://schemas.openxmlformats.org/presentationml/2006/main""#;

    fn part(root: &str, attrs: &str, bg: &str, tree: &str) -> Vec<u8> {
        format!(
            r#"<p:{root} {NS}{attrs}><p:cSld>{bg}<p:spTree>{tree}</p:spTree></p:cSld></p:{root}>"#
        )
        .into_bytes()
    }

    #[test]
    fn the_master_art_the_layout_art_and_the_background_are_read_in_drawing_order() {
        let bar = r#"<p:sp><p:nvSpPr><p:cNvPr id="2" name="Bar"/><p:cNvSpPr/><p:nvPr/></p:nvSpPr><p:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="100" cy="10"/></a:xfrm><a:solidFill><a:schemeClr val="accent1"/></a:solidFill></p:spPr></p:sp>"#;
        let title = r#"<p:sp><p:nvSpPr><p:cNvPr id="3" name="T"/><p:cNvSpPr/><p:nvPr><p:ph type="title"/></p:nvPr></p:nvSpPr><p:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="100" cy="10"/></a:xfrm><a:solidFill><a:srgbClr val="00FF00"/></a:solidFill></p:spPr></p:sp>"#;
        // A logo in a group scaled by half from its child space.
        let logo = r#"<p:grpSp><p:nvGrpSpPr><p:cNvPr id="4" name="G"/><p:cNvGrpSpPr/><p:nvPr/></p:nvGrpSpPr><p:grpSpPr><a:xfrm><a:off x="1000" y="2000"/><a:ext cx="50" cy="50"/><a:chOff x="0" y="0"/><a:chExt cx="100" cy="100"/></a:xfrm></p:grpSpPr><p:pic><p:nvPicPr><p:cNvPr id="5" name="Logo"/><p:cNvPicPr/><p:nvPr/></p:nvPicPr><p:blipFill><a:blip r:embed="rId1"/></p:blipFill><p:spPr><a:xfrm><a:off x="20" y="40"/><a:ext cx="60" cy="20"/></a:xfrm></p:spPr></p:pic></p:grpSp>"#;
        let bg =
            r#"<p:bg><p:bgPr><a:solidFill><a:srgbClr val="112233"/></a:solidFill></p:bgPr></p:bg>"#;
        let mut parts = BTreeMap::new();
        parts.insert("ppt/m.xml".to_string(), part("sldMaster", "", bg, bar));
        parts.insert(
            "ppt/l.xml".to_string(),
            part("sldLayout", "", "", &format!("{title}{logo}")),
        );
        parts.insert(
            "ppt/_rels/l.xml.rels".to_string(),
            br#"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/image" Target="media/logo.png"/></Relationships>"#.to_vec(),
        );
        parts.insert("ppt/media/logo.png".to_string(), b"PNG".to_vec());
        let b = read(&parts, "ppt/m.xml", "ppt/l.xml", (9144, 6858), &Plain);
        assert_eq!(b.fill.as_deref(), Some("112233"));
        assert_eq!(b.art.len(), 2, "{b:?}");
        assert_eq!(b.art[0].kind, ArtKind::Fill("C00000".into()));
        assert_eq!(
            b.art[1],
            Art {
                rect: Rect {
                    x: 1010,
                    y: 2020,
                    w: 30,
                    h: 10
                },
                kind: ArtKind::Picture {
                    mime: "image/png",
                    bytes: b"PNG".to_vec()
                }
            }
        );
        // A layout that hides the master's shapes keeps the master's background only.
        parts.insert(
            "ppt/l.xml".to_string(),
            part("sldLayout", r#" showMasterSp="0""#, "", ""),
        );
        let b = read(&parts, "ppt/m.xml", "ppt/l.xml", (9144, 6858), &Plain);
        assert_eq!((b.fill.as_deref(), b.art.len()), (Some("112233"), 0));
    }
}
