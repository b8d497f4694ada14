//! The deck's slides, laid out from a report for the stage they go on (stage.rs): a title
//! slide, an overview, the objectives by status, per axis its actions chart and then its table
//! of key actions (continued on further slides when it does not fit), optionally a slide per
//! action (its objectives chart), what moved since the last closed period, and the
//! pre-publication findings still open. One message per slide: a chart takes the whole content
//! area (below a one-line headline where there is one), drawn for the frame it gets with its
//! smallest text at 12 pt on the slide; a table gets its own slide; no text is under 12 pt.

use crate::words::DeckWords;
use jalon_charts::{ChartId, Format, Options, PeriodFigures, Scope, Theme};
use jalon_core::summary::Summary;
use jalon_core::{Comparison, Language, Level, Report, Status};

use crate::fit::{self, FLOOR};
use crate::{Deck, DeckError, Para, Rect, Result, Role, Shape, Slide, SlideKind, Stage};

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

/// The gap between boxes on a slide, in EMU (0.1 in).
const GAP: i64 = 91_440;
const EMU_PER_PT: f64 = 12_700.0;
const STATUSES: [Status; 4] = [
    Status::InProgress,
    Status::Completed,
    Status::NotStarted,
    Status::Abandoned,
];
/// The charts' smallest text on the slide, in points: the floor, with a margin for rounding.
const CHART_TEXT: f64 = 12.5;
/// Chart pixels per point of the frame (144 dpi): sharp on a projector and in print.
const CHART_PX_PER_PT: f64 = 2.0;
/// The table's text, and the widest share of its width a column other than the first takes.
const TABLE_SIZE: u32 = 14;
const TABLE_CAP: f64 = 0.3;
/// How many moves of each kind the "what moved" slide lists, and findings the last one.
const MOVES: usize = 5;
const FINDINGS: usize = 12;

/// Lays out the deck for `stage`: Jalon's theme (`Stage::own`) or a template's (`stage`).
pub fn build(input: &DeckInput, stage: &Stage) -> Result<Deck> {
    let b = Builder {
        input,
        w: DeckWords(input.lang),
        lang: input.lang,
        stage,
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
    let mut slides = vec![b.title_slide()];
    slides.extend(b.overview()?);
    for &n in &axes {
        slides.push(b.axis_slide(n)?);
        slides.extend(b.axis_tables(n));
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
    let mut deck = Deck {
        title: input.report.strategy.title.clone(),
        lang: input.lang,
        dark: input.theme == Theme::Dark,
        slides,
        stage: stage.clone(),
    };
    fit::titles(&mut deck);
    Ok(deck)
}

struct Builder<'a> {
    input: &'a DeckInput<'a>,
    w: DeckWords,
    lang: Language,
    /// Where each kind of slide goes.
    stage: &'a Stage,
}

/// A content slide, its title to be fitted by `fit::titles`.
fn content(role: Role, title: String, shapes: Vec<Shape>, notes: Vec<String>) -> Slide {
    Slide {
        kind: SlideKind::Content,
        role,
        title_size: None,
        title,
        subtitle: Vec::new(),
        subtitle_size: None,
        shapes,
        notes,
    }
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
    /// The content area of a kind of slide's layout, below its title.
    fn area(&self, role: Role) -> Rect {
        self.stage.room(role).area
    }

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

    /// A chart drawn for `rect`: at its aspect ratio and two pixels a point, its text scaled so
    /// that the catalogue's smallest reads at 12 pt on the slide.
    fn chart(&self, id: ChartId, rect: Rect) -> Result<Shape> {
        let (w_pt, h_pt) = (rect.w as f64 / EMU_PER_PT, rect.h as f64 / EMU_PER_PT);
        let px = |pt: f64, lo: u32, hi: u32| ((pt * CHART_PX_PER_PT).round() as u32).clamp(lo, hi);
        let opts = Options {
            width: px(w_pt, 320, 7680),
            height: px(h_pt, 180, 4320),
            lang: self.lang,
            theme: self.input.theme,
            text_scale: jalon_charts::text_scale_for(w_pt, h_pt, CHART_TEXT).max(1.0),
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

    /// A headline across the top of the content area and a chart in the rest of it: the
    /// headline's text measured, shrunk to the floor if the area is narrow.
    fn headline_and_chart(&self, paras: Vec<Para>, id: ChartId) -> Result<Vec<Shape>> {
        let a = self.area(Role::Chart);
        let room = Rect { h: a.h / 4, ..a };
        let paras = fit::shrink(&paras, room).unwrap_or(paras);
        let h = fit::text_height(&paras, a.w).min(room.h);
        let band = Rect { h, ..a };
        let chart = Rect {
            y: a.y + h + GAP,
            h: a.h - h - GAP,
            ..a
        };
        Ok(vec![
            Shape::Text { rect: band, paras },
            self.chart(id, chart)?,
        ])
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
            role: Role::Title,
            title_size: None,
            title: st.title.clone(),
            subtitle,
            subtitle_size: None,
            shapes: Vec::new(),
            notes,
        }
    }

    /// The overview (the headline figure over the progress chart) and the objectives by status,
    /// a slide each.
    fn overview(&self) -> Result<[Slide; 2]> {
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
        let statuses = notes.pop().into_iter().collect();
        Ok([
            content(
                Role::Chart,
                self.w.overview(),
                self.headline_and_chart(vec![bold(headline, 24), para(counts, 16)], charts[0])?,
                notes,
            ),
            content(
                Role::Chart,
                self.w.statuses_title(),
                vec![self.chart(charts[1], self.area(Role::Chart))?],
                statuses,
            ),
        ])
    }

    /// An axis: its progress as a headline over its actions chart.
    fn axis_slide(&self, n: u32) -> Result<Slide> {
        let a = self.axis(n);
        let who = self.lang.named(Level::Axis, n);
        let mut notes = vec![self.w.is_at(
            &format!("{who} — {}", a.title),
            a.progress,
            self.with_since(self.axis_delta(n)),
        )];
        notes.extend(self.next_steps(n, None));
        let headline = self.w.progress_of(&who, a.progress)
            + &self
                .with_since(self.axis_delta(n))
                .map_or(String::new(), |(d, _)| {
                    format!(" ({})", self.w.change(Some(d)))
                });
        Ok(content(
            Role::Chart,
            format!("{who} — {}", a.title),
            self.headline_and_chart(vec![bold(headline, 20)], ChartId::AxisActions(n))?,
            notes,
        ))
    }

    /// An axis's key actions as a table on a slide of its own, its columns sized from their
    /// text, continued on further slides (the header repeated) when its rows do not fit.
    fn axis_tables(&self, n: u32) -> Vec<Slide> {
        let a = self.axis(n);
        let header = self.w.table_headers().to_vec();
        let who = self.lang.named(Level::Axis, n);
        let mut rows = Vec::new();
        let mut notes = Vec::new();
        for c in &a.actions {
            let counts = self.status_counts(n, Some(c.number));
            let name = format!("{} — {}", self.lang.named(Level::Action, c.number), c.title);
            rows.push(vec![
                short(&name, 120),
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
        let area = self.area(Role::Table);
        let columns = fit::columns(&header, &rows, area.w, TABLE_SIZE, TABLE_CAP);
        let pages = fit::table_pages(&header, &rows, &columns, TABLE_SIZE, area.h);
        let title = self.w.actions_of(&who);
        pages
            .into_iter()
            .enumerate()
            .map(|(i, page)| {
                let shape = Shape::Table(crate::Table {
                    rect: Rect {
                        h: page.heights.iter().sum(),
                        ..area
                    },
                    columns: columns.clone(),
                    header: header.clone(),
                    rows: rows[page.rows.clone()].to_vec(),
                    heights: page.heights,
                    size: TABLE_SIZE,
                });
                let title = if i == 0 {
                    title.clone()
                } else {
                    self.w.continued(&title)
                };
                let notes = notes[page.rows.start * 2..page.rows.end * 2].to_vec();
                content(Role::Table, title, vec![shape], notes)
            })
            .collect()
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
        Ok(content(
            Role::Chart,
            name,
            vec![self.chart(ChartId::ActionObjectives(n), self.area(Role::Chart))?],
            notes,
        ))
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
            let paras = vec![para(text.clone(), 18)];
            let area = self.area(Role::Text);
            let rect = Rect {
                h: fit::text_height(&paras, area.w).min(area.h),
                ..area
            };
            return content(
                Role::Text,
                self.w.moved(),
                vec![Shape::Text { rect, paras }],
                vec![text],
            );
        };
        let a = self.area(Role::Text);
        let half_w = (a.w - 2 * GAP) / 2;
        let half_h = (a.h - GAP) / 2;
        let at = |col: i64, row: i64| Rect {
            x: a.x + col * (half_w + 2 * GAP),
            y: a.y + row * (half_h + GAP),
            w: half_w,
            h: half_h,
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
            .map(|((heading, items), (col, row))| {
                let rect = at(col, row);
                Shape::Text {
                    rect,
                    paras: self.fitted_list(heading, &items, MOVES, rect),
                }
            })
            .collect();
        content(Role::Text, self.w.moved_since(&cmp.from), shapes, notes)
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

    /// A list under an optional heading, as many of its first `most` items as fit `rect` at
    /// 14 pt down to the floor, then "and N more" (the notes hold them all).
    fn fitted_list(&self, heading: String, items: &[String], most: usize, rect: Rect) -> Vec<Para> {
        let list = |shown: usize| {
            let mut paras = Vec::new();
            if !heading.is_empty() {
                paras.push(bold(heading.clone(), 18));
            }
            if items.is_empty() {
                paras.push(para(self.w.none(), 14));
            }
            paras.extend(items.iter().take(shown).map(|i| bullet(short(i, 150), 14)));
            if items.len() > shown {
                paras.push(para(self.w.and_more(items.len() - shown), 14));
            }
            paras
        };
        (0..=most.min(items.len()))
            .rev()
            .find_map(|shown| fit::shrink(&list(shown), rect))
            .unwrap_or_else(|| {
                list(0)
                    .into_iter()
                    .map(|p| Para { size: FLOOR, ..p })
                    .collect()
            })
    }

    fn findings(&self) -> Slide {
        let f = self.input.findings;
        let area = self.area(Role::Text);
        let paras = self.fitted_list(String::new(), f, FINDINGS, area);
        let h = fit::text_height(&paras, area.w).min(area.h);
        content(
            Role::Text,
            self.w.findings_title(),
            vec![Shape::Text {
                rect: Rect { h, ..area },
                paras,
            }],
            f.to_vec(),
        )
    }
}
