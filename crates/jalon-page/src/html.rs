//! An HTML page as the text a browser shows of it, so that the page reader takes a dashboard
//! saved from a browser ("Save page as") and Jalon's own publication as it takes the text
//! format.
//!
//! The page is parsed by html5ever (through scraper), as browsers parse it, malformed markup
//! included. Its main content is read (`<main>` when the page has one, else `<body>`) in
//! document order, laid out the way `innerText` lays it out:
//! - text collapses its spaces, as CSS's `white-space: normal` does (not in `<pre>`);
//! - a block element starts a new line; those that browsers show with a margin around them
//!   (paragraphs, headings, lists, tables, quotations) stand apart by a blank line;
//! - a list item is a bullet ("  • "), numbered or not; a line break is a new line; the
//!   cells of a table row are separated by a tab;
//! - text in buttons, summaries, links, spans, headings and table cells, in document order;
//! - nothing that is not text on the screen: no script, style, template, noscript, form field,
//!   picture (img, svg, canvas…), embedded frame, `hidden` or `aria-hidden="true"` element, or
//!   inline `display: none` or `visibility: hidden` style.
//!
//! Folded `<details>` count as shown: their text is the page's text, only collapsed.

use std::cell::{Cell, RefCell};

use ego_tree::iter::Edge;
use html5ever::tokenizer::states::RawKind;
use html5ever::tokenizer::{
    BufferQueue, TagKind, Token, TokenSink, TokenSinkResult, Tokenizer, TokenizerOpts,
};
use scraper::Node;

use jalon_core::error::{Error, Result};

/// The deepest nesting of elements Jalon reads, as deep as Chromium's parser builds a tree.
/// html5ever's tree builder takes time in the square of the depth (a 250 kB page of 50,000
/// nested `<div>` takes 12 s), so a page nested deeper is refused before it is built.
pub const MAX_DEPTH: usize = 512;

/// The most elements Jalon reads in a page. Each costs about 350 bytes once built (measured by
/// scripts/hostile-bench.py: a million take 390 MB), and a page must be read within 200 MB;
/// Jalon's own page of a 10,000-objective report has 165,000.
pub const MAX_ELEMENTS: usize = 250_000;

/// The most ampersands, each a possible character reference, Jalon reads in a page: the
/// tokenizer decodes about 2.5 million a second and reads a page twice, so that 16 MB of
/// `&amp;` would take 2.4 s. Pages use a few thousand; Jalon's own, none.
pub const MAX_REFERENCES: usize = 500_000;

/// Whether an input is an HTML page rather than the text format: its first character, after
/// a byte-order mark and blanks, opens a tag. A text page starts with its title.
pub fn is_html(text: &str) -> bool {
    text.trim_start_matches('\u{feff}')
        .trim_start()
        .starts_with('<')
}

/// An HTML page's text, with where each of its lines comes from in the HTML file.
pub struct PageText {
    pub text: String,
    /// The HTML line of each text line (0-based index): the line of the element its first
    /// text belongs to; a blank line takes the line before it.
    sources: Vec<u64>,
    /// One past the HTML's last line, for an error at the end of the page.
    end: u64,
}

impl PageText {
    /// The HTML line of a (1-based) text line.
    pub fn source_line(&self, text_line: usize) -> usize {
        let line = match text_line.checked_sub(1).and_then(|i| self.sources.get(i)) {
            Some(&l) => l,
            None => self.end,
        };
        usize::try_from(line).unwrap_or(usize::MAX)
    }
}

/// The page's main content as text, one line per line a browser would show. A page nested
/// deeper than `MAX_DEPTH` is refused.
pub fn to_text(html: &str) -> Result<PageText> {
    // Counted on the bytes first, in a few milliseconds, before any decoding.
    let references = html.bytes().filter(|&b| b == b'&').count();
    if references > MAX_REFERENCES {
        return Err(Error::TooManyReferences {
            count: references,
            limit: MAX_REFERENCES,
        });
    }
    let Shape { depth, elements } = shape(html);
    if depth > MAX_DEPTH {
        return Err(Error::TooDeep {
            depth,
            limit: MAX_DEPTH,
        });
    }
    if elements > MAX_ELEMENTS {
        return Err(Error::TooManyElements {
            count: elements,
            limit: MAX_ELEMENTS,
        });
    }
    let parsed = crate::html_lines::parse(html);
    let doc = &parsed.html;
    let root = main_content(doc);
    let mut out = Layout::default();
    // The source line of each open element, innermost last.
    let mut element_lines: Vec<u64> = Vec::new();
    // Iterative: a hostile page nested a million deep must not overflow the stack.
    let mut skipping: Option<ego_tree::NodeId> = None;
    let mut pre_depth = 0usize;
    for edge in root.traverse() {
        match edge {
            Edge::Open(node) => {
                if skipping.is_some() {
                    continue;
                }
                match node.value() {
                    Node::Text(t) => {
                        let src = element_lines.last().copied().unwrap_or(1);
                        out.text(t, pre_depth > 0, src);
                    }
                    Node::Element(e) => {
                        let name = e.name();
                        if is_not_shown(name, e) {
                            skipping = Some(node.id());
                            continue;
                        }
                        if name == "pre" {
                            pre_depth += 1;
                        }
                        // Every element is created through the sink, so every one has its line.
                        let line = parsed.lines.get(&node.id()).copied().unwrap_or(1);
                        element_lines.push(line);
                        out.open(name);
                    }
                    _ => {}
                }
            }
            Edge::Close(node) => {
                if skipping == Some(node.id()) {
                    skipping = None;
                    continue;
                }
                if skipping.is_some() {
                    continue;
                }
                if let Node::Element(e) = node.value() {
                    if e.name() == "pre" {
                        pre_depth -= 1;
                    }
                    element_lines.pop();
                    out.close(e.name());
                }
            }
        }
    }
    let end = html.lines().count() as u64 + 1;
    Ok(out.finish(end))
}

/// How deep a page's elements nest and how many there are, from its tags alone.
struct Shape {
    depth: usize,
    elements: usize,
}

/// How deep the page's elements nest, from its tags alone (linear time). End tags close what
/// they name and what is open inside it; elements that HTML closes by themselves (a `<p>`, a
/// `<li>` before the next) are closed the same way, so that a page without end tags is not
/// counted deeper than a browser builds it.
fn shape(html: &str) -> Shape {
    struct Depth {
        open: RefCell<Vec<html5ever::LocalName>>,
        deepest: Cell<usize>,
        elements: Cell<usize>,
    }
    impl TokenSink for Depth {
        type Handle = ();
        fn process_token(&self, token: Token, _line: u64) -> TokenSinkResult<()> {
            let Token::TagToken(tag) = token else {
                return TokenSinkResult::Continue;
            };
            let name = &*tag.name;
            let mut open = self.open.borrow_mut();
            match tag.kind {
                TagKind::StartTag => {
                    self.elements.set(self.elements.get() + 1);
                    const SELF_CLOSING: &[&str] =
                        &["p", "li", "dt", "dd", "tr", "td", "th", "option"];
                    // A new item closes the open one, whatever is open inside it.
                    if SELF_CLOSING.contains(&name)
                        && let Some(at) = open.iter().rposition(|o| &**o == name)
                    {
                        open.truncate(at);
                    }
                    if !tag.self_closing && !is_void(name) {
                        open.push(tag.name.clone());
                        self.deepest.set(self.deepest.get().max(open.len()));
                    }
                    // The tokenizer reads these elements' content as text, as a browser does.
                    return match name {
                        "script" => TokenSinkResult::RawData(RawKind::ScriptData),
                        "style" | "xmp" | "iframe" | "noembed" | "noframes" => {
                            TokenSinkResult::RawData(RawKind::Rawtext)
                        }
                        "textarea" | "title" => TokenSinkResult::RawData(RawKind::Rcdata),
                        "plaintext" => TokenSinkResult::Plaintext,
                        _ => TokenSinkResult::Continue,
                    };
                }
                TagKind::EndTag => {
                    if let Some(at) = open.iter().rposition(|o| o == &tag.name) {
                        open.truncate(at);
                    }
                }
            }
            TokenSinkResult::Continue
        }
    }
    let sink = Depth {
        open: RefCell::new(Vec::new()),
        deepest: Cell::new(0),
        elements: Cell::new(0),
    };
    let tokenizer = Tokenizer::new(sink, TokenizerOpts::default());
    let input = BufferQueue::default();
    input.push_back(html.into());
    let _ = tokenizer.feed(&input);
    tokenizer.end();
    Shape {
        depth: tokenizer.sink.deepest.get(),
        elements: tokenizer.sink.elements.get(),
    }
}

fn is_void(name: &str) -> bool {
    matches!(
        name,
        "area"
            | "base"
            | "br"
            | "col"
            | "embed"
            | "hr"
            | "img"
            | "input"
            | "link"
            | "meta"
            | "source"
            | "track"
            | "wbr"
    )
}

/// `<main>` (the first one not hidden), else `<body>`, else the whole document.
fn main_content(doc: &scraper::Html) -> ego_tree::NodeRef<'_, Node> {
    let mut body = None;
    for node in doc.tree.root().descendants() {
        if let Node::Element(e) = node.value() {
            match e.name() {
                "main" if e.attr("hidden").is_none() => return node,
                "body" if body.is_none() => body = Some(node),
                _ => {}
            }
        }
    }
    body.unwrap_or_else(|| doc.tree.root())
}

/// Elements whose content is not text on the screen. A button's label is: sites put headings
/// in buttons (the French State design system's accordions, `h3 > button`), and a browser
/// shows them as text. `<noscript>` is not shown, since a browser that shows the page runs
/// its scripts.
fn is_not_shown(name: &str, e: &scraper::node::Element) -> bool {
    const NOT_TEXT: &[&str] = &[
        "head", "script", "style", "template", "noscript", "title", "meta", "link", "input",
        "select", "textarea", "option", "optgroup", "datalist", "output", "progress", "meter",
        "img", "svg", "math", "canvas", "picture", "video", "audio", "iframe", "object", "embed",
        "map", "dialog",
    ];
    if NOT_TEXT.contains(&name)
        || e.attr("hidden").is_some()
        || e.attr("aria-hidden")
            .is_some_and(|v| v.trim().eq_ignore_ascii_case("true"))
    {
        return true;
    }
    e.attr("style").is_some_and(|s| {
        let s: String = s
            .chars()
            .filter(|c| !c.is_ascii_whitespace())
            .collect::<String>()
            .to_ascii_lowercase();
        s.split(';')
            .any(|d| d.starts_with("display:none") || d.starts_with("visibility:hidden"))
    })
}

/// How an element breaks the flow of text.
#[derive(PartialEq)]
enum Block {
    Inline,
    /// Starts and ends a line.
    Line,
    /// Stands apart by a blank line (a margin around it in browsers' default style).
    Spaced,
}

fn block(name: &str) -> Block {
    match name {
        "p" | "h1" | "h2" | "h3" | "h4" | "h5" | "h6" | "ul" | "ol" | "dl" | "menu"
        | "blockquote" | "pre" | "figure" | "table" | "hr" => Block::Spaced,
        "div" | "section" | "article" | "header" | "footer" | "nav" | "aside" | "main"
        | "address" | "li" | "dt" | "dd" | "tr" | "thead" | "tbody" | "tfoot" | "caption"
        | "details" | "summary" | "figcaption" | "form" | "fieldset" | "legend" | "body"
        | "hgroup" | "search" => Block::Line,
        _ => Block::Inline,
    }
}

/// The text being laid out: lines, and the line breaks owed before the next text.
#[derive(Default)]
struct Layout {
    out: String,
    /// Breaks owed before the next text: 1 for a new line, 2 for a blank line between.
    owed: usize,
    /// Whether the current line has text yet (a collapsed space does not start one).
    line_has_text: bool,
    /// A collapsed space waits until text follows it on the same line.
    space_pending: bool,
    /// Whether the next cell of a table row is the row's first.
    first_cell: bool,
    /// A list item opened: its bullet starts the line when its first text comes.
    bullet_pending: bool,
    /// Line breaks written so far: the index of the line being written.
    newlines: usize,
    /// The source line of each text line's first text, by line index.
    sources: Vec<Option<u64>>,
}

impl Layout {
    fn owe(&mut self, n: usize) {
        self.owed = self.owed.max(n);
        self.space_pending = false;
    }

    fn open(&mut self, name: &str) {
        // A paragraph or list directly inside a list item starts on the bullet's line.
        if !self.bullet_pending {
            match block(name) {
                Block::Spaced => self.owe(2),
                Block::Line => self.owe(1),
                Block::Inline => {}
            }
        }
        match name {
            "li" => {
                self.owe(1);
                self.bullet_pending = true;
            }
            "tr" => self.first_cell = true,
            "td" | "th" => {
                if !self.first_cell {
                    self.flush_owed();
                    self.out.push('\t');
                    self.space_pending = false;
                }
                self.first_cell = false;
            }
            "br" => {
                // A forced break: a new line even when the line is empty, so two make a blank.
                self.flush_owed();
                self.newline();
                self.line_has_text = false;
                self.space_pending = false;
            }
            _ => {}
        }
    }

    fn close(&mut self, name: &str) {
        if name == "li" {
            self.bullet_pending = false;
        }
        match block(name) {
            Block::Spaced => self.owe(2),
            Block::Line => self.owe(1),
            Block::Inline => {}
        }
    }

    /// Writes the line breaks owed, when text came before them: the text so far ends with
    /// that many.
    fn flush_owed(&mut self) {
        if self.owed > 0 {
            if !self.out.is_empty() {
                let have = self.out.chars().rev().take_while(|&c| c == '\n').count();
                for _ in have..self.owed {
                    self.newline();
                }
            }
            self.owed = 0;
            self.line_has_text = false;
        }
    }

    fn newline(&mut self) {
        self.out.push('\n');
        self.newlines += 1;
    }

    /// Starts text on the line: the breaks owed, then the bullet of a list item not begun.
    /// The line's first text says where the line comes from.
    fn start_text(&mut self, src: u64) {
        self.flush_owed();
        if self.sources.len() <= self.newlines {
            self.sources.resize(self.newlines + 1, None);
        }
        self.sources[self.newlines].get_or_insert(src);
        if self.bullet_pending {
            self.out.push_str("  • ");
            self.bullet_pending = false;
            self.line_has_text = false;
        }
    }

    /// Text of the element that starts on HTML line `src`.
    fn text(&mut self, t: &str, pre: bool, src: u64) {
        if pre {
            for (i, line) in t.split('\n').enumerate() {
                if i > 0 {
                    self.newline();
                    self.line_has_text = false;
                }
                if !line.is_empty() {
                    self.start_text(src);
                    self.out.push_str(line);
                    self.line_has_text = true;
                }
            }
            return;
        }
        for (i, word) in t.split(|c: char| c.is_ascii_whitespace()).enumerate() {
            if i > 0 {
                self.space_pending = true;
            }
            if word.is_empty() {
                continue;
            }
            self.start_text(src);
            if self.space_pending && self.line_has_text {
                self.out.push(' ');
            }
            self.space_pending = false;
            self.out.push_str(word);
            self.line_has_text = true;
        }
    }

    fn finish(self, end: u64) -> PageText {
        // Trailing blanks of each line are layout, not text.
        let mut lines: Vec<&str> = self.out.lines().map(str::trim_end).collect();
        while lines.last().is_some_and(|l| l.is_empty()) {
            lines.pop();
        }
        let mut text = lines.join("\n");
        text.push('\n');
        let mut last = 1;
        let sources = (0..lines.len())
            .map(|i| {
                last = self.sources.get(i).copied().flatten().unwrap_or(last);
                last
            })
            .collect();
        PageText { text, sources, end }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blocks_lines_and_bullets_come_out_as_a_browser_shows_them() {
        let html = "<!doctype html><html><head><title>T</title><style>p{}</style></head>\
            <body><header>Site</header><main><h1>Title</h1>\n<p>One   two\n three</p>\
            <div>Line<br>break</div><ul><li>first</li><li><p>second</p></li></ul>\
            <table><tr><th>A</th><td>1</td></tr><tr><td>B</td><td>2</td></tr></table>\
            <details><summary>Achievement</summary><p>Folded</p></details></main>\
            <footer>Foot</footer></body></html>";
        assert_eq!(
            to_text(html).unwrap().text,
            "Title\n\nOne two three\n\nLine\nbreak\n\n  • first\n  • second\n\nA\t1\nB\t2\n\nAchievement\n\nFolded\n"
        );
    }

    #[test]
    fn nothing_that_is_not_shown_as_text_is_read() {
        let html = "<body><nav>Menu</nav><script>var x = 'Axis 1: no';</script>\
            <template><p>Axis 2: no</p></template><form><label>Filter by axis:</label>\
            <select><option>Axis 3: no</option></select><input value='Axis 4: no'>\
            <span aria-hidden='true'>Axis 9: no</span></form><svg><text>Axis 5: no</text></svg>\
            <p hidden>Axis 6: no</p><p style='display: none'>Axis 7: no</p>\
            <p style='color: red; visibility : hidden'>Axis 10: no</p>\
            <p aria-hidden=' TRUE '>Axis 11: no</p><p aria-hidden='false'>Shown</p>\
            <noscript>Axis 8: no</noscript><p>Kept</p></body>";
        assert_eq!(
            to_text(html).unwrap().text,
            "Menu\nFilter by axis:\n\nShown\n\nKept\n"
        );
    }

    #[test]
    fn headings_in_buttons_summaries_links_and_spans_read_in_document_order() {
        // As the French State design system marks an accordion up, and other sites a card.
        let html = "<main><h3 class='fr-accordion__title'><button class='fr-accordion__btn' \
            aria-expanded='false'>Objective 1 : In a button</button></h3>\
            <div class='fr-collapse'><p class='fr-badge'><span aria-hidden='true'>●</span>In progress</p></div>\
            <details><summary><span>Objective 2 :</span> <a href='#o2'>in a link</a></summary></details>\
            <table><tr><td><span>Progress : 40%</span></td></tr></table></main>";
        assert_eq!(
            to_text(html).unwrap().text,
            "Objective 1 : In a button\n\nIn progress\n\nObjective 2 : in a link\n\nProgress : 40%\n"
        );
    }

    #[test]
    fn each_text_line_knows_the_html_line_it_comes_from() {
        let html = "<!doctype html>\n<body>\n<main>\n<h1>Title</h1>\n<p>One\ntwo</p>\n\n<ul>\n<li>a</li>\n<li>b</li></ul>\n</main>";
        let t = to_text(html).unwrap();
        assert_eq!(t.text, "Title\n\nOne two\n\n  • a\n  • b\n");
        let lines: Vec<usize> = (1..=7).map(|l| t.source_line(l)).collect();
        assert_eq!(lines, [4, 4, 5, 5, 9, 10, 12], "{:?}", t.text);
    }

    #[test]
    fn the_main_element_is_read_when_the_page_has_one() {
        let html = "<body><nav><a href='#a'>Axis 1</a></nav><main><p>Inside</p></main>\
            <footer>Outside</footer></body>";
        assert_eq!(to_text(html).unwrap().text, "Inside\n");
        assert!(is_html("\u{feff}  <!DOCTYPE html>"));
        assert!(!is_html("2026 Progress Report\n<b>"));
    }

    #[test]
    fn no_break_spaces_are_text_and_pre_keeps_its_lines() {
        let html = "<p>Avancement&nbsp;: 65&#8239;%</p><pre>a\n  b</pre>";
        assert_eq!(
            to_text(html).unwrap().text,
            "Avancement\u{a0}: 65\u{202f}%\n\na\n  b\n"
        );
    }

    #[test]
    fn a_page_nested_deeper_than_a_browser_builds_is_refused_before_it_is_built() {
        let html = format!(
            "{}deep{}",
            "<div>".repeat(MAX_DEPTH),
            "</div>".repeat(MAX_DEPTH)
        );
        assert_eq!(to_text(&html).unwrap().text, "deep\n");
        let deeper = format!("<div>{html}</div>");
        assert!(matches!(
            to_text(&deeper),
            Err(Error::TooDeep { depth: 513, .. })
        ));
        // Elements HTML closes by themselves, and void ones, do not add up.
        let flat = "<ul>".to_string() + &"<li><p>item<br><img src=x>".repeat(5_000) + "</ul>";
        assert_eq!(shape(&flat).depth, 3);
        assert_eq!(
            shape(&flat).elements,
            1 + 4 * 5_000,
            "every start tag is an element"
        );
        // Tags inside a script are text, not elements.
        let script = shape(&format!("<script>{}</script>", "<div>".repeat(1_000)));
        assert_eq!((script.depth, script.elements), (1, 1));
    }

    #[test]
    fn a_page_with_more_character_references_than_its_budget_allows_is_refused_at_once() {
        let at = format!("<p>{}</p>", "&amp;".repeat(MAX_REFERENCES));
        assert_eq!(to_text(&at).unwrap().text.len(), MAX_REFERENCES + 1);
        let over = format!("<p>{}&#233;</p>", "&amp;".repeat(MAX_REFERENCES));
        assert!(matches!(
            to_text(&over),
            Err(Error::TooManyReferences { count, .. }) if count == MAX_REFERENCES + 1
        ));
    }

    #[test]
    fn a_page_with_more_elements_than_its_budget_allows_is_refused_before_it_is_built() {
        let at = "<p>x</p>".repeat(MAX_ELEMENTS);
        assert!(to_text(&at).is_ok(), "as many as Jalon reads");
        let over = format!("{at}<p>x</p>");
        assert!(matches!(
            to_text(&over),
            Err(Error::TooManyElements { count, limit: MAX_ELEMENTS }) if count == MAX_ELEMENTS + 1
        ));
    }
}
