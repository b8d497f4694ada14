//! The deck as a PowerPoint package (ECMA-376, PresentationML), with the parts, relationships
//! and content types that PowerPoint's own files and python-pptx's template carry: one slide
//! master with two layouts (Title Slide, Title Only), a theme, a notes master with its theme,
//! and per slide its notes slide. A chart is a PNG with its SVG alongside (Office 2016's
//! `svgBlip` extension, which older readers ignore in favour of the PNG).

use crate::xml::Package;
use crate::{
    CTR_TITLE, Deck, FONT, Palette, Para, Rect, Result, SLIDE_H, SLIDE_W, SUBTITLE, Shape, Slide,
    SlideKind, TITLE, palette,
};
use jalon_core::xml::escape;

const NS: &str = r#"xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" xmlns:p="http://schemas.openxmlformats.org/presentationml/2006/main""#;
const DECL: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n";
const REL: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const CT: &str = "application/vnd.openxmlformats-officedocument";

/// The deck as PPTX bytes: the package's parts, Jalon's master and layouts, then the slides.
pub fn pptx(deck: &Deck) -> Result<Vec<u8>> {
    let pal = palette(deck.dark);
    let mut pkg = Package::new();
    package_parts(&mut pkg, deck, &pal)?;
    masters(&mut pkg, deck, &pal)?;
    slides(&mut pkg, deck, &pal)?;
    pkg.finish()
}

/// The parts every package has: content types, relationships, properties, the presentation.
fn package_parts(pkg: &mut Package, deck: &Deck, pal: &Palette) -> Result<()> {
    let n = deck.slides.len();
    pkg.deflated("[Content_Types].xml", content_types(n).as_bytes())?;
    pkg.deflated("_rels/.rels", root_rels().as_bytes())?;
    pkg.deflated("docProps/app.xml", app_props(n).as_bytes())?;
    pkg.deflated("docProps/core.xml", core_props(deck).as_bytes())?;
    pkg.deflated("ppt/presentation.xml", presentation(n).as_bytes())?;
    pkg.deflated(
        "ppt/_rels/presentation.xml.rels",
        presentation_rels(n).as_bytes(),
    )?;
    pkg.deflated(
        "ppt/presProps.xml",
        format!("{DECL}<p:presentationPr {NS}/>").as_bytes(),
    )?;
    pkg.deflated(
        "ppt/viewProps.xml",
        format!("{DECL}<p:viewPr {NS}><p:gridSpacing cx=\"76200\" cy=\"76200\"/></p:viewPr>")
            .as_bytes(),
    )?;
    pkg.deflated(
        "ppt/tableStyles.xml",
        format!("{DECL}<a:tblStyleLst xmlns:a=\"http://schemas.openxmlformats.org/drawingml/2006/main\" def=\"{{5C22544A-7EE6-4342-B048-85BDC9FD1C3A}}\"/>").as_bytes(),
    )?;
    pkg.deflated("ppt/theme/theme1.xml", theme_xml(pal, "Jalon").as_bytes())?;
    pkg.deflated(
        "ppt/theme/theme2.xml",
        theme_xml(&palette(false), "Jalon notes").as_bytes(),
    )?;
    Ok(())
}

/// Jalon's slide master, its two layouts (title slide, title only) and the notes master.
fn masters(pkg: &mut Package, deck: &Deck, pal: &Palette) -> Result<()> {
    pkg.deflated(
        "ppt/slideMasters/slideMaster1.xml",
        master(pal, deck).as_bytes(),
    )?;
    pkg.deflated(
        "ppt/slideMasters/_rels/slideMaster1.xml.rels",
        rels_xml(&[
            ("rId1", "slideLayout", "../slideLayouts/slideLayout1.xml"),
            ("rId2", "slideLayout", "../slideLayouts/slideLayout2.xml"),
            ("rId3", "theme", "../theme/theme1.xml"),
        ])
        .as_bytes(),
    )?;
    for (i, layout) in [layout_title(deck), layout_title_only()].iter().enumerate() {
        pkg.deflated(
            &format!("ppt/slideLayouts/slideLayout{}.xml", i + 1),
            layout.as_bytes(),
        )?;
        pkg.deflated(
            &format!("ppt/slideLayouts/_rels/slideLayout{}.xml.rels", i + 1),
            rels_xml(&[("rId1", "slideMaster", "../slideMasters/slideMaster1.xml")]).as_bytes(),
        )?;
    }
    pkg.deflated(
        "ppt/notesMasters/notesMaster1.xml",
        notes_master_xml(deck).as_bytes(),
    )?;
    pkg.deflated(
        "ppt/notesMasters/_rels/notesMaster1.xml.rels",
        rels_xml(&[("rId1", "theme", "../theme/theme2.xml")]).as_bytes(),
    )?;
    Ok(())
}

/// Each slide with its charts (PNG, and SVG beside it), its notes and their relationships.
fn slides(pkg: &mut Package, deck: &Deck, pal: &Palette) -> Result<()> {
    let mut image = 0;
    for (i, slide) in deck.slides.iter().enumerate() {
        let k = i + 1;
        let mut slide_rels = vec![
            (
                "rId1".to_string(),
                "slideLayout",
                format!(
                    "../slideLayouts/slideLayout{}.xml",
                    if slide.kind == SlideKind::Title { 1 } else { 2 }
                ),
            ),
            (
                "rId2".to_string(),
                "notesSlide",
                format!("../notesSlides/notesSlide{k}.xml"),
            ),
        ];
        let mut pictures = Vec::new();
        for shape in &slide.shapes {
            if let Shape::Picture { png, svg, .. } = shape {
                image += 1;
                let png_name = format!("image{image}.png");
                let svg_name = format!("image{image}.svg");
                pkg.deflated(&format!("ppt/media/{png_name}"), png)?;
                pkg.deflated(&format!("ppt/media/{svg_name}"), svg)?;
                let png_id = format!("rId{}", slide_rels.len() + 1);
                slide_rels.push((png_id.clone(), "image", format!("../media/{png_name}")));
                let svg_id = format!("rId{}", slide_rels.len() + 1);
                slide_rels.push((svg_id.clone(), "image", format!("../media/{svg_name}")));
                pictures.push((png_id, svg_id));
            }
        }
        pkg.deflated(
            &format!("ppt/slides/slide{k}.xml"),
            slide_xml(deck, slide, &Look { pal, theme: None }, &pictures).as_bytes(),
        )?;
        let borrowed: Vec<(&str, &str, &str)> = slide_rels
            .iter()
            .map(|(id, kind, target)| (id.as_str(), *kind, target.as_str()))
            .collect();
        pkg.deflated(
            &format!("ppt/slides/_rels/slide{k}.xml.rels"),
            rels_xml(&borrowed).as_bytes(),
        )?;
        pkg.deflated(
            &format!("ppt/notesSlides/notesSlide{k}.xml"),
            notes_slide(deck, slide).as_bytes(),
        )?;
        pkg.deflated(
            &format!("ppt/notesSlides/_rels/notesSlide{k}.xml.rels"),
            rels_xml(&[
                ("rId1", "notesMaster", "../notesMasters/notesMaster1.xml"),
                ("rId2", "slide", &format!("../slides/slide{k}.xml")),
            ])
            .as_bytes(),
        )?;
    }
    Ok(())
}

fn content_types(n: usize) -> String {
    let mut s = format!(
        r#"{DECL}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Default Extension="png" ContentType="image/png"/><Default Extension="svg" ContentType="image/svg+xml"/><Override PartName="/ppt/presentation.xml" ContentType="{CT}.presentationml.presentation.main+xml"/><Override PartName="/ppt/slideMasters/slideMaster1.xml" ContentType="{CT}.presentationml.slideMaster+xml"/><Override PartName="/ppt/slideLayouts/slideLayout1.xml" ContentType="{CT}.presentationml.slideLayout+xml"/><Override PartName="/ppt/slideLayouts/slideLayout2.xml" ContentType="{CT}.presentationml.slideLayout+xml"/><Override PartName="/ppt/notesMasters/notesMaster1.xml" ContentType="{CT}.presentationml.notesMaster+xml"/><Override PartName="/ppt/theme/theme1.xml" ContentType="{CT}.theme+xml"/><Override PartName="/ppt/theme/theme2.xml" ContentType="{CT}.theme+xml"/><Override PartName="/ppt/presProps.xml" ContentType="{CT}.presentationml.presProps+xml"/><Override PartName="/ppt/viewProps.xml" ContentType="{CT}.presentationml.viewProps+xml"/><Override PartName="/ppt/tableStyles.xml" ContentType="{CT}.presentationml.tableStyles+xml"/><Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/><Override PartName="/docProps/app.xml" ContentType="{CT}.extended-properties+xml"/>"#
    );
    for k in 1..=n {
        s.push_str(&format!(
            r#"<Override PartName="/ppt/slides/slide{k}.xml" ContentType="{CT}.presentationml.slide+xml"/><Override PartName="/ppt/notesSlides/notesSlide{k}.xml" ContentType="{CT}.presentationml.notesSlide+xml"/>"#
        ));
    }
    s.push_str("</Types>");
    s
}

pub(crate) fn rels_xml(items: &[(&str, &str, &str)]) -> String {
    let mut s = format!(
        r#"{DECL}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">"#
    );
    for (id, kind, target) in items {
        s.push_str(&format!(
            r#"<Relationship Id="{id}" Type="{REL}/{kind}" Target="{target}"/>"#
        ));
    }
    s.push_str("</Relationships>");
    s
}

fn root_rels() -> String {
    format!(
        r#"{DECL}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="{REL}/officeDocument" Target="ppt/presentation.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/><Relationship Id="rId3" Type="{REL}/extended-properties" Target="docProps/app.xml"/></Relationships>"#
    )
}

fn app_props(n: usize) -> String {
    format!(
        r#"{DECL}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"><Application>Jalon</Application><PresentationFormat>Widescreen</PresentationFormat><Slides>{n}</Slides><Notes>{n}</Notes></Properties>"#
    )
}

fn core_props(deck: &Deck) -> String {
    format!(
        r#"{DECL}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:title>{}</dc:title><dc:creator>Jalon</dc:creator><dc:language>{}</dc:language></cp:coreProperties>"#,
        escape(&deck.title),
        deck.lang_tag()
    )
}

fn presentation(n: usize) -> String {
    let slides: String = (1..=n)
        .map(|k| format!(r#"<p:sldId id="{}" r:id="rId{}"/>"#, 255 + k, k + 1))
        .collect();
    format!(
        r#"{DECL}<p:presentation {NS} saveSubsetFonts="1"><p:sldMasterIdLst><p:sldMasterId id="2147483648" r:id="rId1"/></p:sldMasterIdLst><p:notesMasterIdLst><p:notesMasterId r:id="rId{nm}"/></p:notesMasterIdLst><p:sldIdLst>{slides}</p:sldIdLst><p:sldSz cx="{SLIDE_W}" cy="{SLIDE_H}"/><p:notesSz cx="6858000" cy="9144000"/></p:presentation>"#,
        nm = n + 2
    )
}

fn presentation_rels(n: usize) -> String {
    let mut items: Vec<(String, &str, String)> = vec![(
        "rId1".into(),
        "slideMaster",
        "slideMasters/slideMaster1.xml".into(),
    )];
    for k in 1..=n {
        items.push((
            format!("rId{}", k + 1),
            "slide",
            format!("slides/slide{k}.xml"),
        ));
    }
    items.push((
        format!("rId{}", n + 2),
        "notesMaster",
        "notesMasters/notesMaster1.xml".into(),
    ));
    items.push((format!("rId{}", n + 3), "presProps", "presProps.xml".into()));
    items.push((format!("rId{}", n + 4), "viewProps", "viewProps.xml".into()));
    items.push((format!("rId{}", n + 5), "theme", "theme/theme1.xml".into()));
    items.push((
        format!("rId{}", n + 6),
        "tableStyles",
        "tableStyles.xml".into(),
    ));
    let borrowed: Vec<(&str, &str, &str)> = items
        .iter()
        .map(|(a, b, c)| (a.as_str(), *b, c.as_str()))
        .collect();
    rels_xml(&borrowed)
}

pub(crate) fn theme_xml(pal: &Palette, name: &str) -> String {
    let fill = r#"<a:solidFill><a:schemeClr val="phClr"/></a:solidFill>"#;
    let line = r#"<a:ln w="9525"><a:solidFill><a:schemeClr val="phClr"/></a:solidFill></a:ln>"#;
    let effect = "<a:effectStyle><a:effectLst/></a:effectStyle>";
    format!(
        r#"{DECL}<a:theme xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" name="{name}"><a:themeElements><a:clrScheme name="{name}"><a:dk1><a:srgbClr val="{ink}"/></a:dk1><a:lt1><a:srgbClr val="{paper}"/></a:lt1><a:dk2><a:srgbClr val="1D4E89"/></a:dk2><a:lt2><a:srgbClr val="F3F5F8"/></a:lt2><a:accent1><a:srgbClr val="1D4E89"/></a:accent1><a:accent2><a:srgbClr val="1E6B34"/></a:accent2><a:accent3><a:srgbClr val="0F5FA8"/></a:accent3><a:accent4><a:srgbClr val="7A4B00"/></a:accent4><a:accent5><a:srgbClr val="5A6470"/></a:accent5><a:accent6><a:srgbClr val="A4161A"/></a:accent6><a:hlink><a:srgbClr val="1D4E89"/></a:hlink><a:folHlink><a:srgbClr val="5A3E85"/></a:folHlink></a:clrScheme><a:fontScheme name="{name}"><a:majorFont><a:latin typeface="{FONT}"/><a:ea typeface=""/><a:cs typeface=""/></a:majorFont><a:minorFont><a:latin typeface="{FONT}"/><a:ea typeface=""/><a:cs typeface=""/></a:minorFont></a:fontScheme><a:fmtScheme name="{name}"><a:fillStyleLst>{fill}{fill}{fill}</a:fillStyleLst><a:lnStyleLst>{line}{line}{line}</a:lnStyleLst><a:effectStyleLst>{effect}{effect}{effect}</a:effectStyleLst><a:bgFillStyleLst>{fill}{fill}{fill}</a:bgFillStyleLst></a:fmtScheme></a:themeElements><a:objectDefaults/><a:extraClrSchemeLst/></a:theme>"#,
        ink = if name.ends_with("notes") {
            "000000"
        } else {
            pal.ink
        },
        paper = if name.ends_with("notes") {
            "FFFFFF"
        } else {
            pal.paper
        },
    )
}

const GROUP: &str = r#"<p:nvGrpSpPr><p:cNvPr id="1" name=""/><p:cNvGrpSpPr/><p:nvPr/></p:nvGrpSpPr><p:grpSpPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/><a:chOff x="0" y="0"/><a:chExt cx="0" cy="0"/></a:xfrm></p:grpSpPr>"#;
const CLR_MAP: &str = r#"<p:clrMap bg1="lt1" tx1="dk1" bg2="lt2" tx2="dk2" accent1="accent1" accent2="accent2" accent3="accent3" accent4="accent4" accent5="accent5" accent6="accent6" hlink="hlink" folHlink="folHlink"/>"#;

fn xfrm(r: Rect) -> String {
    format!(
        r#"<a:xfrm><a:off x="{}" y="{}"/><a:ext cx="{}" cy="{}"/></a:xfrm>"#,
        r.x, r.y, r.w, r.h
    )
}

fn geometry(r: Rect) -> String {
    format!(
        r#"{}<a:prstGeom prst="rect"><a:avLst/></a:prstGeom>"#,
        xfrm(r)
    )
}

fn placeholder(id: u32, name: &str, ph: &str, rect: Option<Rect>, body: &str) -> String {
    let sp_pr = rect.map_or(String::new(), geometry);
    format!(
        r#"<p:sp><p:nvSpPr><p:cNvPr id="{id}" name="{name}"/><p:cNvSpPr><a:spLocks noGrp="1"/></p:cNvSpPr><p:nvPr>{ph}</p:nvPr></p:nvSpPr><p:spPr>{sp_pr}</p:spPr><p:txBody><a:bodyPr/><a:lstStyle/>{body}</p:txBody></p:sp>"#
    )
}

fn master(pal: &Palette, deck: &Deck) -> String {
    let lang = deck.lang_tag();
    let sample = format!(r#"<a:p><a:r><a:rPr lang="{lang}"/><a:t>Title</a:t></a:r></a:p>"#);
    let body = Rect {
        x: 457_200,
        y: 1_280_160,
        w: 11_277_600,
        h: 5_212_080,
    };
    format!(
        r#"{DECL}<p:sldMaster {NS}><p:cSld><p:bg><p:bgPr><a:solidFill><a:srgbClr val="{paper}"/></a:solidFill><a:effectLst/></p:bgPr></p:bg><p:spTree>{GROUP}{title}{body}</p:spTree></p:cSld>{CLR_MAP}<p:sldLayoutIdLst><p:sldLayoutId id="2147483649" r:id="rId1"/><p:sldLayoutId id="2147483650" r:id="rId2"/></p:sldLayoutIdLst><p:txStyles><p:titleStyle><a:lvl1pPr algn="l"><a:defRPr sz="2800" b="1"><a:solidFill><a:srgbClr val="{brand}"/></a:solidFill><a:latin typeface="{FONT}"/></a:defRPr></a:lvl1pPr></p:titleStyle><p:bodyStyle><a:lvl1pPr marL="228600" indent="-228600"><a:buFont typeface="{FONT}"/><a:buChar char="•"/><a:defRPr sz="2000"><a:solidFill><a:srgbClr val="{ink}"/></a:solidFill><a:latin typeface="{FONT}"/></a:defRPr></a:lvl1pPr></p:bodyStyle><p:otherStyle><a:lvl1pPr><a:defRPr sz="1800"><a:solidFill><a:srgbClr val="{ink}"/></a:solidFill><a:latin typeface="{FONT}"/></a:defRPr></a:lvl1pPr></p:otherStyle></p:txStyles></p:sldMaster>"#,
        paper = pal.paper,
        brand = pal.brand,
        ink = pal.ink,
        title = placeholder(
            2,
            "Title Placeholder 1",
            r#"<p:ph type="title"/>"#,
            Some(TITLE),
            &sample
        ),
        body = placeholder(
            3,
            "Text Placeholder 2",
            r#"<p:ph type="body" idx="1"/>"#,
            Some(body),
            &sample
        ),
    )
}

fn layout_title(deck: &Deck) -> String {
    let lang = deck.lang_tag();
    let sample = format!(r#"<a:p><a:r><a:rPr lang="{lang}"/><a:t>Title</a:t></a:r></a:p>"#);
    format!(
        r#"{DECL}<p:sldLayout {NS} type="title" preserve="1"><p:cSld name="Title Slide"><p:spTree>{GROUP}{}{}</p:spTree></p:cSld><p:clrMapOvr><a:masterClrMapping/></p:clrMapOvr></p:sldLayout>"#,
        placeholder(
            2,
            "Title 1",
            r#"<p:ph type="ctrTitle"/>"#,
            Some(CTR_TITLE),
            &sample
        ),
        placeholder(
            3,
            "Subtitle 2",
            r#"<p:ph type="subTitle" idx="1"/>"#,
            Some(SUBTITLE),
            &sample
        ),
    )
}

fn layout_title_only() -> String {
    format!(
        r#"{DECL}<p:sldLayout {NS} type="titleOnly" preserve="1"><p:cSld name="Title Only"><p:spTree>{GROUP}{}</p:spTree></p:cSld><p:clrMapOvr><a:masterClrMapping/></p:clrMapOvr></p:sldLayout>"#,
        placeholder(
            2,
            "Title 1",
            r#"<p:ph type="title"/>"#,
            None,
            r#"<a:p><a:endParaRPr lang="en-GB"/></a:p>"#
        ),
    )
}

/// A text's colour: our own palette's, a colour of the template's theme, or none (inherited
/// from the template's master).
#[derive(Clone, Copy)]
pub(crate) enum Colour<'a> {
    Rgb(&'a str),
    Scheme(&'static str),
    Inherit,
}

impl Colour<'_> {
    fn fill(self) -> String {
        match self {
            Colour::Rgb(c) => format!(r#"<a:solidFill><a:srgbClr val="{c}"/></a:solidFill>"#),
            Colour::Scheme(c) => format!(r#"<a:solidFill><a:schemeClr val="{c}"/></a:solidFill>"#),
            Colour::Inherit => String::new(),
        }
    }
}

/// How the slides look: our palette and face, or, on a template, its theme's colours and fonts.
pub(crate) struct Look<'a> {
    pub pal: &'a Palette,
    /// The template's theme, when the deck is on one.
    pub theme: Option<&'a crate::ThemeLook>,
}

impl Look<'_> {
    fn themed(&self) -> bool {
        self.theme.is_some()
    }

    fn ink(&self) -> Colour<'_> {
        if self.themed() {
            Colour::Inherit
        } else {
            Colour::Rgb(self.pal.ink)
        }
    }

    fn muted(&self) -> Colour<'_> {
        if self.themed() {
            Colour::Inherit
        } else {
            Colour::Rgb(self.pal.muted)
        }
    }

    /// The face named on a run: ours, or the theme's body font (`+mn-lt`), named so that text
    /// boxes and table cells take it whatever the master's other styles say.
    fn face(&self) -> String {
        if self.themed() {
            r#"<a:latin typeface="+mn-lt"/><a:cs typeface="+mn-cs"/>"#.to_string()
        } else {
            format!(r#"<a:latin typeface="{FONT}"/><a:cs typeface="{FONT}"/>"#)
        }
    }
}

fn run(deck: &Deck, look: &Look, text: &str, size: u32, bold: bool, color: Colour) -> String {
    format!(
        r#"<a:r><a:rPr lang="{}" sz="{}"{} dirty="0">{}{}</a:rPr><a:t>{}</a:t></a:r>"#,
        deck.lang_tag(),
        size * 100,
        if bold { r#" b="1""# } else { "" },
        color.fill(),
        look.face(),
        escape(text)
    )
}

/// How a paragraph is aligned: left or right, or as its placeholder says (a subtitle).
#[derive(Clone, Copy)]
enum Align {
    Left,
    Right,
    Inherit,
}

/// A paragraph, always left to right: a template made for a right-to-left language (one real
/// template is) sets its masters' text right-aligned and `rtl`, which would set our figures
/// backwards ("pts 8+").
fn paragraph(deck: &Deck, look: &Look, p: &Para, color: Colour, align: Align) -> String {
    let align = match align {
        Align::Left => r#" algn="l" rtl="0""#,
        Align::Right => r#" algn="r" rtl="0""#,
        Align::Inherit => r#" rtl="0""#,
    };
    let ppr = if p.bullet {
        format!(
            r#"<a:pPr marL="285750" indent="-285750"{align}><a:buFont typeface="{FONT}"/><a:buChar char="•"/></a:pPr>"#
        )
    } else {
        format!(r#"<a:pPr{align}><a:buNone/></a:pPr>"#)
    };
    format!(
        "<a:p>{ppr}{}</a:p>",
        run(deck, look, &p.text, p.size, p.bold, color)
    )
}

/// A title's paragraph, at the size it was fitted to (`fit`) when it was.
fn title_runs(deck: &Deck, slide: &Slide) -> String {
    let size = slide
        .title_size
        .map_or(String::new(), |s| format!(r#" sz="{}""#, s * 100));
    format!(
        r#"<a:p><a:pPr rtl="0"/><a:r><a:rPr lang="{}"{size} dirty="0"/><a:t>{}</a:t></a:r></a:p>"#,
        deck.lang_tag(),
        escape(&slide.title)
    )
}

/// A title placeholder: fitted to its box by `fit`, and told to shrink on overflow
/// (`normAutofit`) should a reader's font run wider than the one it was measured with.
fn title_placeholder(id: u32, ph: &str, rect: Option<Rect>, body: &str) -> String {
    let sp_pr = rect.map_or(String::new(), geometry);
    format!(
        r#"<p:sp><p:nvSpPr><p:cNvPr id="{id}" name="Title {id}"/><p:cNvSpPr><a:spLocks noGrp="1"/></p:cNvSpPr><p:nvPr>{ph}</p:nvPr></p:nvSpPr><p:spPr>{sp_pr}</p:spPr><p:txBody><a:bodyPr><a:normAutofit/></a:bodyPr><a:lstStyle/>{body}</p:txBody></p:sp>"#
    )
}

/// Boxes of our own for the titles, where the layout has no placeholder to inherit them from
/// (a template's blank layout): a content slide's title, and the title slide's title and
/// subtitle.
fn own_title(deck: &Deck, role: crate::Role) -> Option<Rect> {
    let stage = &deck.stage;
    stage
        .layout(role)
        .fallback
        .then(|| stage.room(role).title.rect)
}

fn own_title_slide(deck: &Deck) -> Option<(Rect, Rect)> {
    let stage = &deck.stage;
    stage
        .layout(crate::Role::Title)
        .fallback
        .then_some((stage.centred.rect, stage.subtitle.rect))
}

pub(crate) fn slide_xml(
    deck: &Deck,
    slide: &Slide,
    look: &Look,
    pictures: &[(String, String)],
) -> String {
    let mut shapes = String::new();
    let mut id = 2;
    match slide.kind {
        SlideKind::Title => {
            shapes.push_str(&title_placeholder(
                id,
                r#"<p:ph type="ctrTitle"/>"#,
                own_title_slide(deck).map(|b| b.0),
                &title_runs(deck, slide),
            ));
            id += 1;
            let lines: String = slide
                .subtitle
                .iter()
                .map(|l| {
                    paragraph(
                        deck,
                        look,
                        &Para {
                            text: l.clone(),
                            bold: false,
                            bullet: false,
                            size: slide.subtitle_size.unwrap_or(20),
                        },
                        look.muted(),
                        Align::Inherit,
                    )
                })
                .collect();
            shapes.push_str(&placeholder(
                id,
                "Subtitle 2",
                r#"<p:ph type="subTitle" idx="1"/>"#,
                own_title_slide(deck).map(|b| b.1),
                &lines,
            ));
            id += 1;
        }
        SlideKind::Content => {
            shapes.push_str(&title_placeholder(
                id,
                r#"<p:ph type="title"/>"#,
                own_title(deck, slide.role),
                &title_runs(deck, slide),
            ));
            id += 1;
        }
    }
    let mut picture = 0;
    for shape in &slide.shapes {
        match shape {
            Shape::Text { rect, paras } => {
                let body: String = paras
                    .iter()
                    .map(|p| paragraph(deck, look, p, look.ink(), Align::Left))
                    .collect();
                shapes.push_str(&format!(
                    r#"<p:sp><p:nvSpPr><p:cNvPr id="{id}" name="Text {id}"/><p:cNvSpPr txBox="1"/><p:nvPr/></p:nvSpPr><p:spPr>{}<a:noFill/></p:spPr><p:txBody><a:bodyPr wrap="square" lIns="0" rIns="0" rtlCol="0"><a:normAutofit/></a:bodyPr><a:lstStyle/>{body}</p:txBody></p:sp>"#,
                    geometry(*rect)
                ));
            }
            Shape::Picture {
                rect, title, alt, ..
            } => {
                let (png, svg) = &pictures[picture];
                picture += 1;
                shapes.push_str(&format!(
                    r#"<p:pic><p:nvPicPr><p:cNvPr id="{id}" name="Chart {id}" descr="{}" title="{}"/><p:cNvPicPr><a:picLocks noChangeAspect="1"/></p:cNvPicPr><p:nvPr/></p:nvPicPr><p:blipFill><a:blip r:embed="{png}"><a:extLst><a:ext uri="{{96DAC541-7B7A-43D3-8B79-37D633B846F1}}"><asvg:svgBlip xmlns:asvg="http://schemas.microsoft.com/office/drawing/2016/SVG/main" r:embed="{svg}"/></a:ext></a:extLst></a:blip><a:stretch><a:fillRect/></a:stretch></p:blipFill><p:spPr>{}</p:spPr></p:pic>"#,
                    escape(alt),
                    escape(title),
                    geometry(*rect)
                ));
            }
            Shape::Table(t) => shapes.push_str(&table(deck, look, id, t)),
        }
        id += 1;
    }
    format!(
        r#"{DECL}<p:sld {NS}><p:cSld><p:spTree>{GROUP}{shapes}</p:spTree></p:cSld><p:clrMapOvr><a:masterClrMapping/></p:clrMapOvr></p:sld>"#
    )
}

fn table(deck: &Deck, look: &Look, id: u32, t: &crate::Table) -> String {
    let crate::Table {
        rect,
        columns,
        header,
        rows,
        heights,
        size,
    } = t;
    let size = *size;
    let grid: String = columns
        .iter()
        .map(|w| format!(r#"<a:gridCol w="{w}"/>"#))
        .collect();
    let pal = look.pal;
    let cell = |text: &str, col: usize, head: bool, band: bool| {
        // The numbers are right-aligned, so that their digits line up.
        let align = if (1..=2).contains(&col) {
            Align::Right
        } else {
            Align::Left
        };
        // On a template, the theme's accent heads the table (made to read with its ink, see
        // `stage::header_colours`), and its text colour sits on its backgrounds (template.rs,
        // `theme_look`): written as RGB, so that what was checked is what shows.
        let (ink, fill) = match (look.theme, head, band) {
            (Some(t), true, _) => (Colour::Rgb(&t.header_ink), Colour::Rgb(&t.header_fill)),
            (Some(t), false, true) => (Colour::Rgb(&t.body_ink), Colour::Rgb(&t.band_fill)),
            (Some(t), false, false) => (Colour::Rgb(&t.body_ink), Colour::Rgb(&t.body_fill)),
            (None, true, _) => (
                Colour::Rgb("FFFFFF"),
                Colour::Rgb(if deck.dark { "2A5A94" } else { pal.brand }),
            ),
            (None, false, true) => (Colour::Rgb(pal.ink), Colour::Rgb(pal.band)),
            (None, false, false) => (Colour::Rgb(pal.ink), Colour::Rgb(pal.paper)),
        };
        let line = if look.themed() {
            Colour::Scheme("tx2")
        } else {
            Colour::Rgb(pal.line)
        };
        format!(
            r#"<a:tc><a:txBody><a:bodyPr/><a:lstStyle/>{}</a:txBody><a:tcPr marL="64008" marR="64008" marT="36576" marB="36576"><a:lnB w="6350">{}</a:lnB>{}</a:tcPr></a:tc>"#,
            paragraph(
                deck,
                look,
                &Para {
                    text: text.to_string(),
                    bold: head,
                    bullet: false,
                    size
                },
                ink,
                align
            ),
            line.fill(),
            fill.fill()
        )
    };
    let mut body = String::new();
    body.push_str(&format!(r#"<a:tr h="{}">"#, heights[0]));
    for (c, h) in header.iter().enumerate() {
        body.push_str(&cell(h, c, true, false));
    }
    body.push_str("</a:tr>");
    for (r, row) in rows.iter().enumerate() {
        body.push_str(&format!(r#"<a:tr h="{}">"#, heights[r + 1]));
        for (c, text) in row.iter().enumerate() {
            body.push_str(&cell(text, c, false, r % 2 == 1));
        }
        body.push_str("</a:tr>");
    }
    format!(
        r#"<p:graphicFrame><p:nvGraphicFramePr><p:cNvPr id="{id}" name="Table {id}"/><p:cNvGraphicFramePr><a:graphicFrameLocks noGrp="1"/></p:cNvGraphicFramePr><p:nvPr/></p:nvGraphicFramePr><p:xfrm><a:off x="{}" y="{}"/><a:ext cx="{}" cy="{}"/></p:xfrm><a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/table"><a:tbl><a:tblPr firstRow="1" bandRow="1"/><a:tblGrid>{grid}</a:tblGrid>{body}</a:tbl></a:graphicData></a:graphic></p:graphicFrame>"#,
        rect.x, rect.y, rect.w, rect.h,
    )
}

pub(crate) fn notes_master_xml(deck: &Deck) -> String {
    let lang = deck.lang_tag();
    format!(
        r#"{DECL}<p:notesMaster {NS}><p:cSld><p:bg><p:bgRef idx="1001"><a:schemeClr val="bg1"/></p:bgRef></p:bg><p:spTree>{GROUP}<p:sp><p:nvSpPr><p:cNvPr id="2" name="Slide Image Placeholder 1"/><p:cNvSpPr><a:spLocks noGrp="1" noRot="1" noChangeAspect="1"/></p:cNvSpPr><p:nvPr><p:ph type="sldImg" idx="2"/></p:nvPr></p:nvSpPr><p:spPr><a:xfrm><a:off x="685800" y="1143000"/><a:ext cx="5486400" cy="3086100"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom><a:noFill/></p:spPr></p:sp><p:sp><p:nvSpPr><p:cNvPr id="3" name="Notes Placeholder 2"/><p:cNvSpPr><a:spLocks noGrp="1"/></p:cNvSpPr><p:nvPr><p:ph type="body" sz="quarter" idx="3"/></p:nvPr></p:nvSpPr><p:spPr><a:xfrm><a:off x="685800" y="4400550"/><a:ext cx="5486400" cy="3600450"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></p:spPr><p:txBody><a:bodyPr/><a:lstStyle/><a:p><a:endParaRPr lang="{lang}"/></a:p></p:txBody></p:sp></p:spTree></p:cSld>{CLR_MAP}<p:notesStyle><a:lvl1pPr><a:defRPr sz="1200"><a:solidFill><a:schemeClr val="tx1"/></a:solidFill><a:latin typeface="{FONT}"/></a:defRPr></a:lvl1pPr></p:notesStyle></p:notesMaster>"#
    )
}

/// A slide's notes, with the placeholders of the notes master (the same `idx`, as python-pptx
/// and PowerPoint write them).
pub(crate) fn notes_slide(deck: &Deck, slide: &Slide) -> String {
    let lang = deck.lang_tag();
    let paras: String = if slide.notes.is_empty() {
        format!(r#"<a:p><a:endParaRPr lang="{lang}"/></a:p>"#)
    } else {
        slide
            .notes
            .iter()
            .map(|l| {
                format!(
                    r#"<a:p><a:r><a:rPr lang="{lang}" dirty="0"/><a:t>{}</a:t></a:r></a:p>"#,
                    escape(l)
                )
            })
            .collect()
    };
    format!(
        r#"{DECL}<p:notes {NS}><p:cSld><p:spTree>{GROUP}<p:sp><p:nvSpPr><p:cNvPr id="2" name="Slide Image Placeholder 1"/><p:cNvSpPr><a:spLocks noGrp="1" noRot="1" noChangeAspect="1"/></p:cNvSpPr><p:nvPr><p:ph type="sldImg" idx="2"/></p:nvPr></p:nvSpPr><p:spPr/></p:sp><p:sp><p:nvSpPr><p:cNvPr id="3" name="Notes Placeholder 2"/><p:cNvSpPr><a:spLocks noGrp="1"/></p:cNvSpPr><p:nvPr><p:ph type="body" sz="quarter" idx="3"/></p:nvPr></p:nvSpPr><p:spPr/><p:txBody><a:bodyPr/><a:lstStyle/>{paras}</p:txBody></p:sp></p:spTree></p:cSld><p:clrMapOvr><a:masterClrMapping/></p:clrMapOvr></p:notes>"#
    )
}
