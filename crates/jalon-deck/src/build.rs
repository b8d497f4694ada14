//! The deck's slides, laid out from a report: a title slide, an overview, a slide per axis
//! (its actions chart and a table), optionally a slide per action (its objectives chart), what
//! moved since the last closed period, and the pre-publication findings still open.

use crate::words::DeckWords;
use jalon_charts::{ChartId, Format, Options, PeriodFigures, Scope, Theme};
use jalon_core::summary::Summary;
use jalon_core::{Comparison, Language, Level, Report, Status};

use crate::{Deck, DeckError, Para, Rect, Result, SLIDE_W, Shape, Slide, SlideKind};

/// What the deck covers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DeckScope {
    Strategy,
    Axis(u32),
}

pub struct DeckInput<'a> {
    pub report: &'a Report,
    pub summary: &'a Summary,
    /// The reporting periods up to this one, oldest first (the trend charts).
    pub trend: &'a [PeriodFigures],
    /// This period against the last closed one, when there is one.
    pub comparison: Option<&'a Comparison>,
    /// The pre-publication findings still open, already worded.
    pub findings: &'a [String],
    pub lang: Language,
    pub scope: DeckScope,
    pub theme: Theme,
    /// A slide per action, with its objectives chart.
    pub detail_actions: bool,
}

const MARGIN: i64 = 457_200;
const CONTENT_W: i64 = SLIDE_W - 2 * MARGIN;
const TOP: i64 = 1_280_160;
const STATUSES: [Status; 4] = [
    Status::InProgress,
    Status::Completed,
    Status::NotStarted,
    Status::Abandoned,
];
/// How much larger the charts' text is on slides than in a full-slide export.
const DECK_TEXT_SCALE: f64 = 1.5;
/// How many moves of each kind the "what moved" slide lists, and findings the last one.
const MOVES: usize = 5;
const FINDINGS: usize = 12;

/// Lays out the deck.
pub fn build(input: &DeckInput) -> Result<Deck> {
    let b = Builder {
        input,
        w: DeckWords(input.lang),
        lang: input.lang,
    };
    let axes: Vec<u32> = match input.scope {
        DeckScope::Strategy => input.summary.axes.iter().map(|a| a.number).collect(),
        DeckScope::Axis(n) => {
            if !input.summary.axes.iter().any(|a| a.number == n) {
                return Err(DeckError::NoSuchAxis(n));
            }
            vec![n]
        }
    };
    let mut slides = vec![b.title_slide(), b.overview()?];
    for &n in &axes {
        slides.push(b.axis_slide(n)?);
        if input.detail_actions {
            let actions: Vec<u32> = b.axis(n).actions.iter().map(|c| c.number).collect();
            for c in actions {
                slides.push(b.action_slide(n, c)?);
            }
        }
    }
    slides.push(b.moved(&axes));
    if !input.findings.is_empty() {
        slides.push(b.findings());
    }
    Ok(Deck {
        title: input.report.strategy.title.clone(),
        lang: input.lang,
        dark: input.theme == Theme::Dark,
        slides,
    })
}

struct Builder<'a> {
    input: &'a DeckInput<'a>,
    w: DeckWords,
    lang: Language,
}

fn para(text: impl Into<String>, size: u32) -> Para {
    Para {
        text: text.into(),
        bold: false,
        bullet: false,
        size,
    }
}

fn bold(text: impl Into<String>, size: u32) -> Para {
    Para {
        bold: true,
        ..para(text, size)
    }
}

fn bullet(text: impl Into<String>, size: u32) -> Para {
    Para {
        bullet: true,
        ..para(text, size)
    }
}

/// A text cut to `max` characters, with an ellipsis, for list items on a slide (the notes
/// keep the whole text).
fn short(text: &str, max: usize) -> String {
    let text = text.trim();
    if text.chars().count() <= max {
        return text.to_string();
    }
    let cut: String = text.chars().take(max - 1).collect();
    format!("{}…", cut.trim_end())
}

/// A text's lines joined, for one line of notes.
fn one_line(text: &str) -> String {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

impl Builder<'_> {
    fn axis(&self, n: u32) -> &jalon_core::summary::AxisSummary {
        self.input
            .summary
            .axes
            .iter()
            .find(|a| a.number == n)
            .expect("axes listed from the summary")
    }

    fn since(&self) -> Option<&str> {
        self.input.comparison.map(|c| c.from.as_str())
    }

    fn axis_delta(&self, n: u32) -> Option<i32> {
        self.input
            .comparison?
            .axes
            .iter()
            .find(|a| a.number == n)?
            .progress
            .delta
    }

    fn action_delta(&self, n: u32) -> Option<i32> {
        self.input
            .comparison?
            .actions
            .iter()
            .find(|a| a.number == n)?
            .progress
            .delta
    }

    fn with_since(&self, delta: Option<i32>) -> Option<(i32, &str)> {
        delta.zip(self.since())
    }

    /// Each status's number of objective entries under an axis (or one action of it).
    fn status_counts(&self, axis: u32, action: Option<u32>) -> Vec<(Status, usize)> {
        let mut counts: Vec<(Status, usize)> = STATUSES.iter().map(|s| (*s, 0)).collect();
        for (a, c, o) in self.input.report.objectives() {
            if a.number == axis
                && action.is_none_or(|n| n == c.number)
                && let Some(e) = counts.iter_mut().find(|(s, _)| *s == o.fields.status)
            {
                e.1 += 1;
            }
        }
        counts
    }

    fn chart(&self, id: ChartId, rect: Rect) -> Result<Shape> {
        // Rendered at 1,600 pixels across whatever the box: sharp on a projector, and the
        // catalogue's layout scales with the size.
        let width = 1600u32;
        let height = (f64::from(width) * rect.h as f64 / rect.w as f64).round() as u32;
        let opts = Options {
            width,
            height,
            lang: self.lang,
            theme: self.input.theme,
            // A chart takes part of a 13-inch slide: its text half as large again, to read.
            text_scale: DECK_TEXT_SCALE,
        };
        let s = self.input.summary;
        let png = jalon_charts::render(s, self.input.trend, id, &opts, Format::Png)?;
        let svg = jalon_charts::render(s, self.input.trend, id, &opts, Format::Svg)?;
        Ok(Shape::Picture {
            rect,
            png: png.bytes,
            svg: svg.bytes,
            title: png.title,
            alt: png.alt_text,
        })
    }

    fn title_slide(&self) -> Slide {
        let st = &self.input.report.strategy;
        let s = &self.input.summary.strategy;
        let subtitle: Vec<String> = [
            self.w.report_of(&st.reporting_period),
            self.w.data_as_of(&st.as_of),
        ]
        .into_iter()
        .filter(|l| !l.is_empty())
        .collect();
        let mut notes = vec![st.title.clone()];
        notes.extend(subtitle.iter().cloned());
        notes.push(
            self.w
                .is_at(self.lang.level(Level::Strategy), s.progress, None),
        );
        notes.push(format!(
            "{}.",
            self.lang
                .counts_line(s.axis_count, s.action_count, s.objective_count)
        ));
        Slide {
            kind: SlideKind::Title,
            title_size: None,
            title: st.title.clone(),
            subtitle,
            shapes: Vec::new(),
            notes,
        }
    }

    fn overview(&self) -> Result<Slide> {
        let half = (CONTENT_W - 228_600) / 2;
        let chart_h = half * 9 / 16;
        let left = Rect {
            x: MARGIN,
            y: 2_103_120,
            w: half,
            h: chart_h,
        };
        let right = Rect {
            x: MARGIN + half + 228_600,
            ..left
        };
        let band = Rect {
            x: MARGIN,
            y: TOP,
            w: CONTENT_W,
            h: 731_520,
        };
        let mut notes = Vec::new();
        let (headline, counts, charts) = match self.input.scope {
            DeckScope::Strategy => {
                let s = &self.input.summary.strategy;
                let delta = self.input.comparison.and_then(|c| c.strategy.delta);
                notes.push(self.w.is_at(
                    self.lang.level(Level::Strategy),
                    s.progress,
                    self.with_since(delta),
                ));
                for a in &self.input.summary.axes {
                    let who = format!("{} — {}", self.lang.named(Level::Axis, a.number), a.title);
                    notes.push(self.w.is_at(
                        &who,
                        a.progress,
                        self.with_since(self.axis_delta(a.number)),
                    ));
                }
                let mut all: Vec<(Status, usize)> = STATUSES.iter().map(|s| (*s, 0)).collect();
                for a in &self.input.summary.axes {
                    for (i, (_, n)) in self.status_counts(a.number, None).into_iter().enumerate() {
                        all[i].1 += n;
                    }
                }
                notes.push(self.w.statuses_sentence(&all));
                (
                    self.w.progress_of(&self.w.strategy_progress(), s.progress),
                    self.lang
                        .counts_line(s.axis_count, s.action_count, s.objective_count),
                    [ChartId::StrategyAxes, ChartId::Status(Scope::Strategy)],
                )
            }
            DeckScope::Axis(n) => {
                let a = self.axis(n);
                let who = self.lang.named(Level::Axis, n);
                notes.push(
                    self.w
                        .is_at(&who, a.progress, self.with_since(self.axis_delta(n))),
                );
                let counts = self.status_counts(n, None);
                notes.push(self.w.statuses_sentence(&counts));
                (
                    self.w
                        .progress_of(&format!("{who} — {}", a.title), a.progress),
                    self.w.status_counts(&counts),
                    [
                        ChartId::Trend(Scope::Axis(n)),
                        ChartId::Status(Scope::Axis(n)),
                    ],
                )
            }
        };
        Ok(Slide {
            kind: SlideKind::Content,
            title_size: None,
            title: self.w.overview(),
            subtitle: Vec::new(),
            shapes: vec![
                Shape::Text {
                    rect: band,
                    paras: vec![bold(headline, 24), para(counts, 16)],
                },
                self.chart(charts[0], left)?,
                self.chart(charts[1], right)?,
            ],
            notes,
        })
    }

    fn axis_slide(&self, n: u32) -> Result<Slide> {
        let a = self.axis(n);
        let chart = Rect {
            x: MARGIN,
            y: TOP,
            w: 5_303_520,
            h: 5_303_520 * 9 / 16,
        };
        let table_x = chart.x + chart.w + 182_880;
        let table_w = SLIDE_W - MARGIN - table_x;
        let header = self.w.table_headers().to_vec();
        let mut rows = Vec::new();
        let who = self.lang.named(Level::Axis, n);
        let mut notes = vec![self.w.is_at(
            &format!("{who} — {}", a.title),
            a.progress,
            self.with_since(self.axis_delta(n)),
        )];
        for c in &a.actions {
            let counts = self.status_counts(n, Some(c.number));
            let name = format!("{} — {}", self.lang.named(Level::Action, c.number), c.title);
            rows.push(vec![
                short(&name, 70),
                self.lang.progress(c.progress),
                if self.input.comparison.is_some() {
                    self.w.change(self.action_delta(c.number))
                } else {
                    "—".into()
                },
                self.w.status_counts(&counts),
            ]);
            notes.push(self.w.is_at(
                &name,
                c.progress,
                self.with_since(self.action_delta(c.number)),
            ));
            notes.push(self.w.statuses_sentence(&counts));
        }
        notes.extend(self.next_steps(n, None));
        // Smaller type when an axis has many actions, so that the table stays on the slide.
        let size = if a.actions.len() > 6 { 9 } else { 11 };
        let columns = {
            // A number column is as wide as its header's word (bold Arial is at most about 0.66 em
            // per letter, and the cell has its padding), so that "Avancement" is never broken.
            let fit = |header: &str, least: i64| {
                let letters = header.chars().count() as f64;
                least.max((letters * f64::from(size) * 0.66 * 12_700.0) as i64 + 2 * 100_000)
            };
            let progress = fit(&header[1], 868_680);
            let change = fit(&header[2], 777_240);
            let statuses = 1_463_040;
            vec![
                table_w - progress - change - statuses,
                progress,
                change,
                statuses,
            ]
        };
        let table_h: i64 = crate::row_heights(&columns, &header, &rows, size)
            .iter()
            .sum();
        let headline = Rect {
            x: MARGIN,
            y: chart.y + chart.h + 91_440,
            w: chart.w,
            h: 548_640,
        };
        Ok(Slide {
            kind: SlideKind::Content,
            title_size: None,
            title: short(&format!("{who} — {}", a.title), 90),
            subtitle: Vec::new(),
            shapes: vec![
                self.chart(ChartId::AxisActions(n), chart)?,
                Shape::Text {
                    rect: headline,
                    paras: vec![bold(
                        self.w.progress_of(&who, a.progress)
                            + &self
                                .with_since(self.axis_delta(n))
                                .map_or(String::new(), |(d, _)| {
                                    format!(" ({})", self.w.change(Some(d)))
                                }),
                        18,
                    )],
                },
                Shape::Table {
                    rect: Rect {
                        x: table_x,
                        y: TOP,
                        w: table_w,
                        h: table_h,
                    },
                    columns,
                    header,
                    rows,
                    size,
                },
            ],
            notes,
        })
    }

    fn action_slide(&self, axis: u32, n: u32) -> Result<Slide> {
        let c = self
            .axis(axis)
            .actions
            .iter()
            .find(|c| c.number == n)
            .expect("listed from the axis");
        let name = format!("{} — {}", self.lang.named(Level::Action, n), c.title);
        let mut notes =
            vec![
                self.w
                    .is_at(&name, c.progress, self.with_since(self.action_delta(n))),
            ];
        for o in &c.objectives {
            let r = jalon_core::ObjectiveRef {
                number: o.number,
                part: o
                    .part
                    .zip(o.parts)
                    .map(|(index, count)| jalon_core::Part { index, count }),
            };
            notes.push(format!(
                "{}{} {}, {}.",
                self.lang.objective(r),
                self.lang.colon(),
                self.lang.percent(o.progress),
                self.lang.status(o.status).to_lowercase()
            ));
        }
        notes.extend(self.next_steps(axis, Some(n)));
        let w = 9_144_000;
        Ok(Slide {
            kind: SlideKind::Content,
            title_size: None,
            title: short(&name, 90),
            subtitle: Vec::new(),
            shapes: vec![self.chart(
                ChartId::ActionObjectives(n),
                Rect {
                    x: (SLIDE_W - w) / 2,
                    y: TOP,
                    w,
                    h: w * 9 / 16,
                },
            )?],
            notes,
        })
    }

    /// "Next steps" and each objective's next steps under an axis (or one action), for notes.
    fn next_steps(&self, axis: u32, action: Option<u32>) -> Vec<String> {
        let mut out = Vec::new();
        for (a, c, o) in self.input.report.objectives() {
            if a.number != axis || action.is_some_and(|n| n != c.number) {
                continue;
            }
            let text = one_line(&o.fields.next_steps);
            if !text.is_empty() {
                out.push(format!(
                    "{}{} {text}",
                    self.lang.objective(o.reference()),
                    self.lang.colon()
                ));
            }
        }
        if !out.is_empty() {
            out.insert(0, format!("{}{}", self.w.next_steps(), self.lang.colon()));
        }
        out
    }

    fn moved(&self, axes: &[u32]) -> Slide {
        let Some(cmp) = self.input.comparison else {
            let text = self.w.moved_nothing_to_compare();
            return Slide {
                kind: SlideKind::Content,
                title_size: None,
                title: self.w.moved(),
                subtitle: Vec::new(),
                shapes: vec![Shape::Text {
                    rect: Rect {
                        x: MARGIN,
                        y: TOP,
                        w: CONTENT_W,
                        h: 1_371_600,
                    },
                    paras: vec![para(text.clone(), 18)],
                }],
                notes: vec![text],
            };
        };
        let half = (CONTENT_W - 228_600) / 2;
        let box_h = 2_560_320;
        let at = |col: i64, row: i64| Rect {
            x: MARGIN + col * (half + 228_600),
            y: TOP + row * (box_h + 91_440),
            w: half,
            h: box_h,
        };
        // Moves up and down in the left column, status changes and completions in the right.
        let sections = self.move_sections(cmp, axes);
        let notes = sections
            .iter()
            .map(|(heading, items)| {
                let said = if items.is_empty() {
                    self.w.none()
                } else {
                    items.join("; ")
                };
                format!("{heading}{} {said}", self.lang.colon())
            })
            .collect();
        let shapes = sections
            .into_iter()
            .zip([(0, 0), (0, 1), (1, 0), (1, 1)])
            .map(|((heading, items), (col, row))| Shape::Text {
                rect: at(col, row),
                paras: self.move_list(heading, items),
            })
            .collect();
        Slide {
            kind: SlideKind::Content,
            title_size: None,
            title: self.w.moved_since(&cmp.from),
            subtitle: Vec::new(),
            shapes,
            notes,
        }
    }

    /// What moved among the objectives of `axes`, as four headed lists of sentences: the
    /// largest moves up, the largest down, status changes, objectives completed.
    fn move_sections(&self, cmp: &Comparison, axes: &[u32]) -> [(String, Vec<String>); 4] {
        // Only the actions of the axes the deck covers.
        let actions: Vec<u32> = self
            .input
            .summary
            .axes
            .iter()
            .filter(|a| axes.contains(&a.number))
            .flat_map(|a| a.actions.iter().map(|c| c.number))
            .collect();
        let changes: Vec<_> = cmp
            .objectives
            .iter()
            .filter(|o| actions.contains(&o.action))
            .collect();
        let name = |o: &jalon_core::period::ObjectiveChange| {
            format!(
                "{} — {}",
                self.lang.objective(o.reference),
                short(&o.title, 48)
            )
        };
        let mut up: Vec<_> = changes
            .iter()
            .filter_map(|o| Some((o, o.progress.from?, o.progress.to?)))
            .filter(|(_, f, t)| t > f)
            .collect();
        up.sort_by_key(|(_, f, t)| std::cmp::Reverse(t - f));
        let mut down: Vec<_> = changes
            .iter()
            .filter_map(|o| Some((o, o.progress.from?, o.progress.to?)))
            .filter(|(_, f, t)| t < f)
            .collect();
        down.sort_by_key(|(_, f, t)| std::cmp::Reverse(f - t));
        let statuses: Vec<String> = changes
            .iter()
            .filter_map(|o| Some((o, o.status_from?, o.status_to?)))
            .filter(|(_, f, t)| f != t && *t != Status::Completed)
            .map(|(o, f, t)| self.w.status_sentence(&name(o), f, t))
            .collect();
        let completed: Vec<String> = changes
            .iter()
            .filter(|o| {
                o.status_to == Some(Status::Completed)
                    && o.status_from.is_some_and(|s| s != Status::Completed)
            })
            .map(|o| name(o))
            .collect();
        let sentences = |moves: Vec<(&&jalon_core::period::ObjectiveChange, u32, u32)>| {
            moves
                .iter()
                .map(|(o, f, t)| self.w.moved_sentence(&name(o), *f, *t))
                .collect()
        };
        [
            (self.w.moves_up(), sentences(up)),
            (self.w.moves_down(), sentences(down)),
            (self.w.status_changes(), statuses),
            (self.w.completed(), completed),
        ]
    }

    /// A headed list of at most `MOVES` items, then "and N more".
    fn move_list(&self, heading: String, items: Vec<String>) -> Vec<Para> {
        let size = 14;
        let mut paras = vec![bold(heading, 18)];
        if items.is_empty() {
            paras.push(para(self.w.none(), size));
        }
        let more = items.len().saturating_sub(MOVES);
        paras.extend(items.into_iter().take(MOVES).map(|i| bullet(i, size)));
        if more > 0 {
            paras.push(para(self.w.and_more(more), size));
        }
        paras
    }

    fn findings(&self) -> Slide {
        let f = self.input.findings;
        let mut paras: Vec<Para> = f
            .iter()
            .take(FINDINGS)
            .map(|t| bullet(short(t, 150), 14))
            .collect();
        if f.len() > FINDINGS {
            paras.push(para(self.w.and_more(f.len() - FINDINGS), 14));
        }
        Slide {
            kind: SlideKind::Content,
            title_size: None,
            title: self.w.findings_title(),
            subtitle: Vec::new(),
            shapes: vec![Shape::Text {
                rect: Rect {
                    x: MARGIN,
                    y: TOP,
                    w: CONTENT_W,
                    h: 5_212_080,
                },
                paras,
            }],
            notes: f.to_vec(),
        }
    }
}
