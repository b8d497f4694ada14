//! A template's layouts read for what they hold, and the layout each kind of slide goes on.
//!
//! Real templates often have no layout types (custom layouts named in the ministry's language),
//! so a layout is chosen by its placeholders: the title slide by a centred title (and a
//! subtitle), content slides by a title and the largest content area. Names in English or
//! French only break ties, and the officer's choice (`--layout table="Titre et contenu"`)
//! overrides both. A template that offers nothing usable for content slides gets them on its
//! blank layout, with Jalon's own title box, and the deck says so.

use std::collections::BTreeMap;

use crate::parts::text;
use crate::{Rect, Result};

const P: &str = "http://schemas.openxmlformats.org/presentationml/2006/main";
const A: &str = "http://schemas.openxmlformats.org/drawingml/2006/main";

/// The kinds of slide a deck puts on a template's layouts.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, serde::Deserialize,
)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    /// The first slide: the strategy's title and the report's period.
    Title,
    /// A chart under its title (and a headline): the overview, the statuses, an axis, an
    /// action.
    Chart,
    /// A table under its title: an axis's key actions.
    Table,
    /// Lists under their title: what moved, the findings.
    Text,
}

impl Role {
    pub const ALL: [Role; 4] = [Role::Title, Role::Chart, Role::Table, Role::Text];
    /// The roles of the slides with a title and content below it.
    pub const CONTENT: [Role; 3] = [Role::Chart, Role::Table, Role::Text];

    /// The role's name on the command line (`--layout chart=…`).
    pub fn code(self) -> &'static str {
        match self {
            Role::Title => "title",
            Role::Chart => "chart",
            Role::Table => "table",
            Role::Text => "text",
        }
    }

    pub fn from_code(code: &str) -> Option<Role> {
        Role::ALL.into_iter().find(|r| r.code() == code)
    }

    /// A slide with a title and content below it (every role but the title slide's).
    pub fn is_content(self) -> bool {
        self != Role::Title
    }
}

/// A placeholder of a layout: its kind (`title`, `ctrTitle`, `subTitle`, `body`, `obj`, `pic`,
/// …; `obj` when the file names none, as ECMA-376 says) and its box, its own or the master's.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Placeholder {
    pub kind: String,
    pub rect: Option<Rect>,
    /// Vertical text (`orient="vert"`), unfit for our titles and charts.
    pub vertical: bool,
    /// Its text's size in points, where it sets one (`lstStyle`, first level).
    pub size: Option<u32>,
}

/// A layout of the template as Jalon reads it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Layout {
    /// The layout's part in the package.
    pub part: String,
    pub name: String,
    /// Its `type`, when it has one.
    pub kind: Option<String>,
    pub placeholders: Vec<Placeholder>,
    /// The master's body box: where a title-only layout's content goes.
    pub master_body: Option<Rect>,
}

/// What kinds of placeholder hold content: charts, tables, pictures or text.
const CONTENT: [&str; 8] = [
    "body", "obj", "pic", "chart", "tbl", "dgm", "media", "clipArt",
];

impl Layout {
    fn has(&self, kind: &str) -> bool {
        self.placeholders.iter().any(|p| p.kind == kind)
    }

    fn vertical(&self) -> bool {
        self.placeholders.iter().any(|p| p.vertical)
            || self
                .kind
                .as_deref()
                .is_some_and(|k| k.starts_with("vert") || k.contains("VertTx"))
    }

    /// The box and own size of its title placeholder (`ctrTitle` first when `centred`).
    pub fn title_box(&self, centred: bool) -> Option<(Rect, Option<u32>)> {
        let kinds: &[&str] = if centred {
            &["ctrTitle", "title"]
        } else {
            &["title"]
        };
        kinds.iter().find_map(|k| {
            self.placeholders
                .iter()
                .find(|p| p.kind == *k)
                .and_then(|p| Some((p.rect?, p.size)))
        })
    }

    /// The box and own size of its subtitle placeholder.
    pub fn subtitle_box(&self) -> Option<(Rect, Option<u32>)> {
        self.placeholders
            .iter()
            .find(|p| p.kind == "subTitle")
            .and_then(|p| Some((p.rect?, p.size)))
    }

    /// Where our content goes on a slide of this layout: its largest content placeholder, else
    /// (a title-only layout) the master's body.
    pub fn content_area(&self) -> Option<Rect> {
        self.content_areas().first().copied().or(self.master_body)
    }

    /// Its content placeholders, largest first.
    pub fn content_areas(&self) -> Vec<Rect> {
        let mut areas: Vec<Rect> = self
            .placeholders
            .iter()
            .filter(|p| CONTENT.contains(&p.kind.as_str()))
            .filter_map(|p| p.rect)
            .collect();
        areas.sort_by_key(|r| std::cmp::Reverse(r.w * r.h));
        areas
    }

    /// Whether a name in English or French says the layout is made for `role`.
    fn named_for(&self, role: Role) -> bool {
        let name = self.name.to_lowercase();
        let words: &[&str] = match role {
            Role::Title => &["title slide", "diapositive de titre", "titre principal"],
            Role::Chart | Role::Table => &[
                "title and content",
                "titre et contenu",
                "title only",
                "titre seul",
            ],
            Role::Text => &[
                "title and content",
                "titre et contenu",
                "title and text",
                "titre et texte",
                "title only",
                "titre seul",
            ],
        };
        words.iter().any(|w| name.contains(w))
    }

    /// How well the layout suits `role`, or None when it cannot hold it. The placeholders
    /// decide; the name only breaks ties.
    fn score(&self, role: Role, slide: (i64, i64)) -> Option<i64> {
        if self.vertical() {
            return None;
        }
        let name = i64::from(self.named_for(role));
        match role {
            Role::Title => {
                let centred = self.has("ctrTitle");
                let titled = centred || (self.has("title") && self.has("subTitle"));
                if !titled {
                    return None;
                }
                let contents = self.content_areas().len() as i64;
                Some(
                    20 * i64::from(centred) + 10 * i64::from(self.has("subTitle")) - 5 * contents
                        + name,
                )
            }
            Role::Chart | Role::Table | Role::Text => {
                if !self.has("title") || self.has("ctrTitle") || self.has("subTitle") {
                    return None;
                }
                let areas = self.content_areas();
                let area = self.content_area().map_or(0, |r| r.w * r.h);
                let share = 100 * area / (slide.0 * slide.1).max(1);
                // One content block per slide: a layout cut into several boxes is a poorer fit.
                let split = 30 * (areas.len() as i64 - 1).max(0);
                // At equal room, a title-only layout: our content fills no placeholder, so a
                // layout with none leaves nothing empty behind it for PowerPoint to show.
                let bare = i64::from(areas.is_empty());
                // A placeholder made for what the slide holds (a chart's, a table's) breaks a
                // tie the same way.
                let made_for = match role {
                    Role::Chart => i64::from(self.has("chart")),
                    Role::Table => i64::from(self.has("tbl")),
                    _ => 0,
                };
                Some(share - split + 2 * name + bare + made_for)
            }
        }
    }
}

/// Reads the layouts of a slide master, in the master's order, with each placeholder's box
/// (the master's placeholder of the same kind when the layout's has none).
pub(crate) fn read(
    parts: &BTreeMap<String, Vec<u8>>,
    master: &str,
    layout_parts: &[String],
) -> Result<Vec<Layout>> {
    let master_boxes = boxes(text(parts, master)?)?;
    let inherited = |kind: &str| {
        let want = match kind {
            "ctrTitle" | "title" => "title",
            "subTitle" | "obj" | "body" => "body",
            other => other,
        };
        master_boxes
            .iter()
            .find(|p| p.kind == want)
            .and_then(|p| p.rect)
    };
    let mut out = Vec::new();
    for part in layout_parts {
        let xml = text(parts, part)?;
        let doc = roxmltree::Document::parse(xml)
            .map_err(|e| crate::DeckError::template(e.to_string()))?;
        let root = doc.root_element();
        let name = doc
            .descendants()
            .find(|n| n.has_tag_name((P, "cSld")))
            .and_then(|n| n.attribute("name"))
            .unwrap_or_default()
            .to_string();
        let placeholders = boxes(xml)?
            .into_iter()
            .map(|p| Placeholder {
                rect: p.rect.or_else(|| inherited(&p.kind)),
                ..p
            })
            .filter(|p| !["dt", "ftr", "sldNum", "hdr"].contains(&p.kind.as_str()))
            .collect();
        out.push(Layout {
            part: part.clone(),
            name,
            kind: root.attribute("type").map(str::to_string),
            placeholders,
            master_body: inherited("body"),
        });
    }
    Ok(out)
}

/// The placeholders of a layout's or master's shape tree, with their own boxes when they have
/// one.
fn boxes(xml: &str) -> Result<Vec<Placeholder>> {
    let doc =
        roxmltree::Document::parse(xml).map_err(|e| crate::DeckError::template(e.to_string()))?;
    let mut out = Vec::new();
    for sp in doc.descendants().filter(|n| n.has_tag_name((P, "sp"))) {
        let Some(ph) = sp.descendants().find(|n| n.has_tag_name((P, "ph"))) else {
            continue;
        };
        let rect = sp
            .descendants()
            .find(|n| n.has_tag_name((A, "xfrm")))
            .and_then(|xfrm| {
                let off = xfrm.children().find(|n| n.has_tag_name((A, "off")))?;
                let ext = xfrm.children().find(|n| n.has_tag_name((A, "ext")))?;
                let num = |n: roxmltree::Node, a: &str| n.attribute(a)?.parse::<i64>().ok();
                Some(Rect {
                    x: num(off, "x")?,
                    y: num(off, "y")?,
                    w: num(ext, "cx")?,
                    h: num(ext, "cy")?,
                })
            });
        let size = sp
            .descendants()
            .find(|n| n.has_tag_name((A, "lstStyle")))
            .and_then(|l| l.descendants().find(|n| n.has_tag_name((A, "defRPr"))))
            .and_then(|r| r.attribute("sz")?.parse::<u32>().ok())
            .map(|hundredths| hundredths / 100);
        out.push(Placeholder {
            kind: ph.attribute("type").unwrap_or("obj").to_string(),
            rect,
            vertical: ph.attribute("orient") == Some("vert"),
            size,
        });
    }
    Ok(out)
}

/// The layout chosen for a role: by the officer's name for it, else the best fit; `fallback`
/// when nothing fits (a blank layout, or the first, with Jalon's own boxes).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Chosen {
    pub layout: usize,
    pub fallback: bool,
}

/// Chooses a layout for `role` among `layouts` on a slide of `slide` (width, height) EMU.
/// `wanted` is the officer's choice by name; a name the template does not have is refused,
/// with the names it has.
pub fn choose(
    layouts: &[Layout],
    role: Role,
    slide: (i64, i64),
    wanted: Option<&str>,
) -> Result<Chosen> {
    if let Some(name) = wanted {
        let found = layouts.iter().position(|l| l.name.trim() == name.trim());
        return found
            .map(|layout| Chosen {
                layout,
                fallback: false,
            })
            .ok_or_else(|| {
                let names: Vec<&str> = layouts.iter().map(|l| l.name.as_str()).collect();
                crate::DeckError::template(format!(
                    "it has no layout named “{name}” (--layout {}=…); its layouts: {}",
                    role.code(),
                    names.join(", ")
                ))
            });
    }
    let best = layouts
        .iter()
        .enumerate()
        .filter_map(|(i, l)| l.score(role, slide).map(|s| (s, i)))
        // The highest score; the first such layout in the master's order.
        .max_by_key(|(s, i)| (*s, std::cmp::Reverse(*i)));
    if let Some((_, layout)) = best {
        return Ok(Chosen {
            layout,
            fallback: false,
        });
    }
    let blank = layouts
        .iter()
        .position(|l| l.kind.as_deref() == Some("blank"))
        .or_else(|| layouts.iter().position(|l| l.placeholders.is_empty()))
        .unwrap_or(0);
    if layouts.is_empty() {
        return Err(crate::DeckError::template("its master has no layout"));
    }
    Ok(Chosen {
        layout: blank,
        fallback: true,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ph(kind: &str, x: i64, y: i64, w: i64, h: i64) -> Placeholder {
        Placeholder {
            kind: kind.into(),
            rect: Some(Rect { x, y, w, h }),
            vertical: false,
            size: None,
        }
    }

    fn layout(name: &str, placeholders: Vec<Placeholder>) -> Layout {
        Layout {
            part: format!("ppt/slideLayouts/{name}.xml"),
            name: name.into(),
            kind: None,
            placeholders,
            master_body: Some(Rect {
                x: 838_200,
                y: 1_825_625,
                w: 10_515_600,
                h: 4_351_338,
            }),
        }
    }

    const SLIDE: (i64, i64) = (12_192_000, 6_858_000);

    /// Layouts as a French template names them, with no types: only placeholders tell them
    /// apart, and the first one is the title layout.
    fn untyped_french() -> Vec<Layout> {
        vec![
            layout(
                "Titre et sous-titre",
                vec![
                    ph("ctrTitle", 1_524_000, 1_122_363, 9_144_000, 2_387_600),
                    ph("subTitle", 1_524_000, 3_602_038, 9_144_000, 1_655_762),
                ],
            ),
            layout(
                "Chapitre",
                vec![ph("title", 831_850, 1_709_738, 10_515_600, 2_852_737)],
            ),
            layout(
                "Colonnes de texte",
                vec![
                    ph("title", 838_200, 365_125, 10_515_600, 1_325_563),
                    ph("body", 838_200, 1_825_625, 5_181_600, 4_351_338),
                    ph("body", 6_172_200, 1_825_625, 5_181_600, 4_351_338),
                ],
            ),
            layout(
                "Titre et contenu",
                vec![
                    ph("title", 838_200, 365_125, 10_515_600, 1_325_563),
                    ph("obj", 838_200, 1_825_625, 10_515_600, 4_351_338),
                ],
            ),
        ]
    }

    #[test]
    fn untyped_layouts_are_chosen_by_their_placeholders() {
        let layouts = untyped_french();
        let title = choose(&layouts, Role::Title, SLIDE, None).expect("title");
        let content = choose(&layouts, Role::Chart, SLIDE, None).expect("content");
        assert_eq!(
            layouts[title.layout].name, "Titre et sous-titre",
            "the centred title"
        );
        assert_eq!(
            layouts[content.layout].name, "Titre et contenu",
            "one large content area wins over two columns and over a section layout"
        );
        assert!(!title.fallback && !content.fallback);
    }

    #[test]
    fn a_table_and_a_chart_each_go_on_the_layout_made_for_them_at_equal_room() {
        let same = |kind: &str| {
            vec![
                ph("title", 838_200, 365_125, 10_515_600, 1_325_563),
                ph(kind, 838_200, 1_825_625, 10_515_600, 4_351_338),
            ]
        };
        let layouts = vec![
            layout("Titre et tableau", same("tbl")),
            layout("Titre et graphique", same("chart")),
        ];
        let name =
            |role| &layouts[choose(&layouts, role, SLIDE, None).expect("chosen").layout].name;
        assert_eq!(name(Role::Table), "Titre et tableau");
        assert_eq!(name(Role::Chart), "Titre et graphique");
        // The lists take the first of equals, in the master's order.
        assert_eq!(name(Role::Text), "Titre et tableau");
    }

    #[test]
    fn the_officers_choice_wins_and_an_unknown_name_is_refused_with_the_names() {
        let layouts = untyped_french();
        let chosen =
            choose(&layouts, Role::Chart, SLIDE, Some("Colonnes de texte")).expect("named");
        assert_eq!(layouts[chosen.layout].name, "Colonnes de texte");
        let err = choose(&layouts, Role::Chart, SLIDE, Some("Nope")).expect_err("unknown");
        let text = err.to_string();
        assert!(
            text.contains("“Nope”") && text.contains("Titre et contenu"),
            "{text}"
        );
    }

    #[test]
    fn vertical_layouts_are_never_chosen_and_nothing_usable_falls_back_to_blank() {
        let mut vertical = layout(
            "Titre et texte vertical",
            vec![
                ph("title", 0, 0, 100, 100),
                Placeholder {
                    vertical: true,
                    ..ph("body", 0, 100, 100, 100)
                },
            ],
        );
        let mut blank = layout("Vide", vec![]);
        blank.kind = Some("blank".into());
        let layouts = vec![vertical.clone(), blank];
        let chosen = choose(&layouts, Role::Chart, SLIDE, None).expect("fallback");
        assert_eq!(
            chosen,
            Chosen {
                layout: 1,
                fallback: true
            },
            "the blank layout, said so"
        );
        vertical.placeholders[1].vertical = false;
        let chosen = choose(&[vertical], Role::Chart, SLIDE, None).expect("usable");
        assert!(!chosen.fallback);
    }

    #[test]
    fn a_name_breaks_a_tie_between_equal_placeholders() {
        let same = vec![
            ph("title", 838_200, 365_125, 10_515_600, 1_325_563),
            ph("obj", 838_200, 1_825_625, 10_515_600, 4_351_338),
        ];
        let layouts = vec![
            layout("Custom 1", same.clone()),
            layout("Title and Content", same),
        ];
        let chosen = choose(&layouts, Role::Chart, SLIDE, None).expect("content");
        assert_eq!(layouts[chosen.layout].name, "Title and Content");
    }
}
