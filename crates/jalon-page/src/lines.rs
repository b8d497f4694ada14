//! A page as lines: each line classified (an axis, an action, an objective, a progress, a
//! label, text), and a cursor that walks them, skipping blank lines and naming the line of
//! whatever it did not expect.

use jalon_core::error::{Error, Expected, Result};
use jalon_core::model::{Part, Status};

#[derive(Debug, Clone, PartialEq)]
pub(super) enum Kind {
    Blank,
    Axis(u32, String),
    Action(u32, String),
    Objective(u32, String, Option<Part>),
    Progress(std::result::Result<u32, String>),
    Label(Label),
    Text,
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) enum Label {
    Context,
    Axe,
    Action,
    Status,
    Achievement,
    NextSteps,
}

pub(super) struct Line<'a> {
    pub(super) no: usize,
    pub(super) text: &'a str,
    pub(super) kind: Kind,
}

/// Folds every kind of space French typography uses into a plain one and trims.
pub(super) fn fold_spaces(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut last_space = true;
    for c in s.chars() {
        if c.is_whitespace() {
            if !last_space {
                out.push(' ');
            }
            last_space = true;
        } else {
            out.push(c);
            last_space = false;
        }
    }
    if out.ends_with(' ') {
        out.pop();
    }
    out
}

/// "Axis 4", "axe 4" → Some(4) when `head` is `word` and a number.
pub(super) fn numbered(head: &str, words: &[&str]) -> Option<u32> {
    let (word, num) = head.split_once(' ')?;
    if !words.iter().any(|w| w.eq_ignore_ascii_case(word)) {
        return None;
    }
    num.trim().parse().ok()
}

/// Splits "(1/2)" off the end of an objective title.
pub(super) fn split_part(title: &str) -> (String, Option<Part>) {
    if let Some(stripped) = title.strip_suffix(')')
        && let Some(open) = stripped.rfind('(')
        && let Some((a, b)) = stripped[open + 1..].split_once('/')
        && let (Ok(index), Ok(count)) = (a.trim().parse(), b.trim().parse())
    {
        return (
            stripped[..open].trim_end().to_string(),
            Some(Part { index, count }),
        );
    }
    (title.to_string(), None)
}

pub(super) fn classify(raw: &str) -> Kind {
    let s = fold_spaces(raw);
    if s.is_empty() {
        return Kind::Blank;
    }
    let lower = s.to_lowercase();
    let label = match lower.as_str() {
        "context" | "contexte" => Some(Label::Context),
        "axe" | "axis" => Some(Label::Axe),
        "action" => Some(Label::Action),
        "status" | "statut" => Some(Label::Status),
        "achievement" | "achievements" | "réalisation" | "réalisations" => {
            Some(Label::Achievement)
        }
        "next steps" | "next step" | "prochaines étapes" | "prochaine étape" => {
            Some(Label::NextSteps)
        }
        _ => None,
    };
    if let Some(l) = label {
        return Kind::Label(l);
    }
    let Some((head, rest)) = s.split_once(':') else {
        return Kind::Text;
    };
    let head = head.trim();
    let rest = rest.trim();
    if head.eq_ignore_ascii_case("progress") || head.eq_ignore_ascii_case("avancement") {
        let digits = rest.strip_suffix('%').map(str::trim_end);
        return Kind::Progress(match digits.and_then(|d| d.parse::<u32>().ok()) {
            Some(v) => Ok(v),
            None => Err(rest.to_string()),
        });
    }
    if rest.is_empty() {
        return Kind::Text;
    }
    if let Some(n) = numbered(head, &["axis", "axe"]) {
        return Kind::Axis(n, rest.to_string());
    }
    if let Some(n) = numbered(head, &["action"]) {
        return Kind::Action(n, rest.to_string());
    }
    if let Some(n) = numbered(head, &["objective", "objectif"]) {
        let (title, part) = split_part(rest);
        return Kind::Objective(n, title, part);
    }
    Kind::Text
}

pub(super) fn is_structural(k: &Kind) -> bool {
    matches!(k, Kind::Axis(..) | Kind::Action(..) | Kind::Objective(..))
}

pub(super) struct Cursor<'a> {
    pub(super) lines: Vec<Line<'a>>,
    pub(super) pos: usize,
}

impl<'a> Cursor<'a> {
    pub(super) fn skip_blank(&mut self) {
        while self.pos < self.lines.len() && self.lines[self.pos].kind == Kind::Blank {
            self.pos += 1;
        }
    }

    pub(super) fn peek(&mut self) -> Option<&Line<'a>> {
        self.skip_blank();
        self.lines.get(self.pos)
    }

    /// The 1-based line number of the next non-blank line, or one past the end.
    pub(super) fn line_no(&mut self) -> usize {
        self.skip_blank();
        self.lines
            .get(self.pos)
            .map_or(self.lines.len() + 1, |l| l.no)
    }

    pub(super) fn next(&mut self) -> Option<&Line<'a>> {
        self.skip_blank();
        let l = self.lines.get(self.pos);
        if l.is_some() {
            self.pos += 1;
        }
        l
    }

    pub(super) fn found(&mut self) -> String {
        self.peek().map_or(String::new(), |l| l.text.to_string())
    }

    pub(super) fn expect_label(&mut self, label: Label, expected: Expected) -> Result<()> {
        match self.peek() {
            Some(l) if l.kind == Kind::Label(label) => {
                self.pos += 1;
                Ok(())
            }
            _ => Err(Error::parse(self.line_no(), expected, &self.found())),
        }
    }

    /// Whether the objective line at `pos` opens the detail part: its next non-blank line is
    /// the CONTEXT label.
    pub(super) fn opens_detail(&self, pos: usize) -> bool {
        matches!(self.lines.get(pos), Some(l) if matches!(l.kind, Kind::Objective(..)))
            && self.lines[pos + 1..]
                .iter()
                .find(|l| l.kind != Kind::Blank)
                .is_some_and(|l| l.kind == Kind::Label(Label::Context))
    }

    pub(super) fn status(&mut self, expected: Expected) -> Result<Status> {
        let no = self.line_no();
        let found = self.found();
        match self.next() {
            Some(l) if l.kind == Kind::Text => Status::from_label(&fold_spaces(l.text))
                .ok_or_else(|| Error::parse(no, expected.clone(), &found)),
            _ => Err(Error::parse(no, expected, &found)),
        }
    }

    pub(super) fn progress(&mut self, expected: Expected) -> Result<(u32, usize)> {
        let no = self.line_no();
        let found = self.found();
        match self.next().map(|l| l.kind.clone()) {
            Some(Kind::Progress(Ok(v))) if v <= 100 => Ok((v, no)),
            Some(Kind::Progress(Ok(v))) => {
                Err(Error::parse(no, Expected::ProgressRange, &format!("{v}%")))
            }
            Some(Kind::Progress(Err(_))) => {
                Err(Error::parse(no, Expected::WholePercentage, &found))
            }
            _ => Err(Error::parse(no, expected, &found)),
        }
    }

    /// Paragraphs up to the next line that `stop` accepts. Returns them with the number of
    /// blank lines that came before each paragraph.
    pub(super) fn paragraphs(
        &mut self,
        stop: impl Fn(&Self, usize) -> bool,
    ) -> Vec<(usize, String)> {
        let mut out: Vec<(usize, String)> = Vec::new();
        let mut blanks = 0;
        let mut current: Option<String> = None;
        while self.pos < self.lines.len() && !stop(self, self.pos) {
            let l = &self.lines[self.pos];
            if l.kind == Kind::Blank {
                if let Some(p) = current.take() {
                    out.push((blanks, p));
                    blanks = 0;
                }
                blanks += 1;
            } else {
                // Bullets keep their marker; the indentation before it is layout.
                let text = l.text.trim();
                current = Some(match current.take() {
                    Some(p) => format!("{p}\n{text}"),
                    None => text.to_string(),
                });
            }
            self.pos += 1;
        }
        if let Some(p) = current {
            out.push((blanks, p));
        }
        if let Some(first) = out.first_mut() {
            first.0 = 0;
        }
        out
    }
}

pub(super) fn join(paragraphs: &[(usize, String)]) -> String {
    paragraphs
        .iter()
        .map(|(_, p)| p.as_str())
        .collect::<Vec<_>>()
        .join("\n\n")
}

/// The summary shows achievement and next steps without labels. The page leaves two blank
/// lines between them, so the first such gap splits them; without one, the last paragraph is
/// taken as next steps. The detail part, when present, replaces this guess.
pub(super) fn split_summary_texts(paragraphs: &[(usize, String)]) -> (String, String) {
    if let Some(i) = paragraphs.iter().position(|(gap, _)| *gap >= 2) {
        return (join(&paragraphs[..i]), join(&paragraphs[i..]));
    }
    match paragraphs.len() {
        0 => (String::new(), String::new()),
        1 => (join(paragraphs), String::new()),
        n => (join(&paragraphs[..n - 1]), join(&paragraphs[n - 1..])),
    }
}

impl<'a> Cursor<'a> {
    /// The page's lines, classified: a byte-order mark, CRLF and trailing blanks dropped.
    pub(super) fn new(text: &'a str) -> Cursor<'a> {
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        // A final newline ends the last line; it does not open another one.
        let text = text.strip_suffix('\n').unwrap_or(text);
        let lines = text
            .split('\n')
            .enumerate()
            .map(|(i, raw)| {
                let raw = raw.strip_suffix('\r').unwrap_or(raw).trim_end();
                Line {
                    no: i + 1,
                    text: raw,
                    kind: classify(raw),
                }
            })
            .collect();
        Cursor { lines, pos: 0 }
    }
}
