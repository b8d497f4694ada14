//! The report as one web page, accessible by construction (RGAA 4 / WCAG 2.1 AA) and readable
//! without JavaScript.
//!
//! Two readers shape it:
//! - a person, in a browser, on paper or through a screen reader: one `h1`, ordered headings,
//!   landmarks, a skip link, statuses as words (colour only adds to them), charts as SVG with
//!   `<title>` and `<desc>` followed by their data in a table, a filter by axis that is plain
//!   links (CSS `:target` narrows the page to one axis; the script only marks the current
//!   link), objectives' texts folded in `<details>`, and a print style that unfolds them;
//! - Jalon's page reader: `<main>` read as text is the published dashboard's format ("Axis 4:
//!   …", "Action 14: …", "Progress: 65%", "Objective 30: …", the status, the labelled texts),
//!   so that publishing and importing the page gives back the same report. Everything else
//!   inside `<main>` stands before the first axis, where the format allows free text, and is
//!   worded so that no line reads as an axis, an action or an objective.
//!
//! Nothing is loaded from anywhere: style, script and charts are inline, and the page's
//! Content-Security-Policy forbids any other source (the script is allowed by its hash).

use std::fmt::Write as _;

use crate::words::PageWords;
use base64::Engine as _;
use jalon_charts::{Body, ChartId, Format, Options, PeriodFigures, Prepared, Scope, Theme};
use jalon_core::summary::{ActionSummary, AxisSummary, Summary};
use jalon_core::xml::escape;
use jalon_core::{Language, Level, Objective, Report, Status};
use sha2::{Digest, Sha256};

use crate::Result;

const STYLE: &str = include_str!("page.css");
const SCRIPT: &str = include_str!("page.js");

/// The charts' size on the page: 16:9, scaled to the column's width by the style.
const CHART_SIZE: (u32, u32) = (1280, 720);

/// What a page is made of: the report as it stood (the open period or a closed one), its
/// summary, the trend up to it, and the language of the page's words.
pub struct PageInput<'a> {
    pub report: &'a Report,
    pub summary: &'a Summary,
    pub trend: &'a [PeriodFigures],
    pub lang: Language,
}

/// The page, as the text of `index.html`.
pub fn page(input: &PageInput) -> Result<String> {
    let w = PageWords(input.lang);
    let s = &input.summary.strategy;
    let mut out = String::with_capacity(64 * 1024 + input.report.objectives().count() * 2048);
    head(&mut out, input, w);
    let _ = write!(
        out,
        "<body>\n<a class=\"skip\" href=\"#content\">{}</a>\n<main id=\"content\">\n<h1>{}</h1>\n<p class=\"counts\">{}.</p>\n",
        escape(&w.skip_link()),
        escape(&s.title),
        escape(
            &input
                .lang
                .counts_line(s.axis_count, s.action_count, s.objective_count)
        ),
    );
    let reporting = w.reporting_line(&s.period, &s.reporting_period, &s.as_of);
    if !reporting.is_empty() {
        let _ = writeln!(out, "<p class=\"meta\">{}</p>", escape(&reporting));
    }
    let _ = writeln!(
        out,
        "<p class=\"overall\">{}{}</p>\n<p class=\"method\">{}</p>",
        escape(&w.strategy_progress(s.progress)),
        bar(s.progress),
        escape(&w.method_note(s.method))
    );
    filter(&mut out, input.summary, w);
    charts(&mut out, input, w)?;
    out.push_str("<div id=\"axes\">\n");
    for (axis, axis_summary) in input.report.axes.iter().zip(&input.summary.axes) {
        axis_section(&mut out, input.lang, axis, axis_summary);
    }
    let _ = write!(
        out,
        "</div>\n</main>\n<footer>\n<p>{}</p>\n</footer>\n<script>{SCRIPT}</script>\n</body>\n</html>\n",
        escape(&w.footer())
    );
    Ok(out)
}

fn head(out: &mut String, input: &PageInput, w: PageWords) {
    let s = &input.summary.strategy;
    let script_hash =
        base64::engine::general_purpose::STANDARD.encode(Sha256::digest(SCRIPT.as_bytes()));
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; script-src 'sha256-{script_hash}'\">\n\
         <meta name=\"generator\" content=\"Jalon\">\n<title>{}</title>\n<style>{STYLE}</style>\n</head>\n",
        input.lang.code(),
        escape(&w.page_title(&s.title, &s.reporting_period)),
    );
}

/// The filter by axis: links to each axis's section, and the count of objective entries.
fn filter(out: &mut String, summary: &Summary, w: PageWords) {
    let lang = w.0;
    let _ = write!(
        out,
        "<nav class=\"filter\" aria-labelledby=\"filter-h\">\n<h2 id=\"filter-h\">{}</h2>\n<ul>\n<li><a href=\"#axes\">{}</a></li>\n",
        escape(&w.filter_heading()),
        escape(&w.all_axes())
    );
    for a in &summary.axes {
        // "Axis 4 — title", never "Axis 4: title", which would read back as an axis line.
        let _ = writeln!(
            out,
            "<li><a href=\"#axis-{}\">{} — {}</a></li>",
            a.number,
            escape(&lang.named(Level::Axis, a.number)),
            escape(&a.title)
        );
    }
    let _ = writeln!(
        out,
        "</ul>\n</nav>\n<p class=\"shown\">{}</p>",
        escape(&w.objectives_shown(summary.strategy.objective_count))
    );
}

/// The strategy's charts and each axis's actions chart, each followed by its data.
fn charts(out: &mut String, input: &PageInput, w: PageWords) -> Result<()> {
    let mut ids = vec![
        ChartId::StrategyAxes,
        ChartId::Status(Scope::Strategy),
        ChartId::Trend(Scope::Strategy),
    ];
    ids.extend(
        input
            .summary
            .axes
            .iter()
            .map(|a| ChartId::AxisActions(a.number)),
    );
    let opts = Options {
        width: CHART_SIZE.0,
        height: CHART_SIZE.1,
        lang: input.lang,
        theme: Theme::Light,
        text_scale: 1.0,
    };
    let _ = writeln!(
        out,
        "<section class=\"charts\" aria-labelledby=\"charts-h\">\n<h2 id=\"charts-h\">{}</h2>",
        escape(&w.charts_heading())
    );
    for (i, id) in ids.into_iter().enumerate() {
        let prepared = jalon_charts::prepare(input.summary, input.trend, id, input.lang)?;
        let svg = jalon_charts::draw_prepared(&prepared, &opts, Format::Svg)?;
        let svg = String::from_utf8_lossy(&svg);
        let _ = write!(
            out,
            "<figure id=\"chart-{}\">\n{}\n<figcaption>{}</figcaption>\n</figure>\n",
            prepared.stem,
            inline_svg(&svg),
            // "Figure 4 — Axis 1: …": a chart's own title would read back as an axis line.
            escape(&w.figure_caption(i + 1, &prepared.title))
        );
        data_table(out, &prepared, w);
    }
    out.push_str("</section>\n");
    Ok(())
}

/// An SVG file's root element, ready to sit inside HTML: no XML declaration, and scaled by the
/// style to the column (the viewBox keeps its drawing coordinates).
fn inline_svg(svg: &str) -> &str {
    let start = svg.find("<svg").unwrap_or(0);
    svg[start..].trim_end()
}

/// A chart's data as a table, with a caption and headers that name their scope.
fn data_table(out: &mut String, p: &Prepared, w: PageWords) {
    let _ = write!(
        out,
        "<table class=\"data\">\n<caption>{}</caption>\n",
        escape(&w.data_caption(&p.title))
    );
    let head = |out: &mut String, cols: &[String]| {
        out.push_str("<thead><tr>");
        for c in cols {
            let _ = write!(out, "<th scope=\"col\">{}</th>", escape(c));
        }
        out.push_str("</tr></thead>\n<tbody>\n");
    };
    let row = |out: &mut String, first: &str, rest: &[&str]| {
        let _ = write!(out, "<tr><th scope=\"row\">{}</th>", escape(first));
        for c in rest {
            let _ = write!(out, "<td>{}</td>", escape(c));
        }
        out.push_str("</tr>\n");
    };
    match &p.body {
        Body::Bars(rows) => {
            head(out, &[w.column_entry(), w.column_progress()]);
            for r in rows {
                row(out, &r.label, &[&r.value_label]);
            }
        }
        Body::Donut { slices, .. } => {
            head(
                out,
                &[w.column_status(), w.column_objectives(), w.column_share()],
            );
            for s in slices {
                row(out, w.0.status(s.status), &[&w.0.count(s.count), &s.share]);
            }
        }
        Body::Trend(points) => {
            head(out, &[w.column_period(), w.column_progress()]);
            for pt in points {
                row(out, &pt.period, &[&pt.value_label]);
            }
        }
    }
    out.push_str("</tbody>\n</table>\n");
}

fn axis_section(out: &mut String, lang: Language, axis: &jalon_core::Axis, s: &AxisSummary) {
    open_section(out, lang, Level::Axis, axis.number, &axis.title, s.progress);
    for (action, a) in axis.actions.iter().zip(&s.actions) {
        action_section(out, lang, action, a);
    }
    out.push_str("</section>\n");
}

fn action_section(
    out: &mut String,
    lang: Language,
    action: &jalon_core::Action,
    s: &ActionSummary,
) {
    open_section(
        out,
        lang,
        Level::Action,
        action.number,
        &action.title,
        s.progress,
    );
    for (o, summary) in action.objectives.iter().zip(&s.objectives) {
        objective_article(out, lang, o, summary.progress);
    }
    out.push_str("</section>\n");
}

/// An axis's or an action's section, opened with its heading ("Axis 4: title", an `h2`; an
/// action's an `h3`) and its progress line.
fn open_section(
    out: &mut String,
    lang: Language,
    level: Level,
    number: u32,
    title: &str,
    progress: Option<u32>,
) {
    let (class, h) = match level {
        Level::Axis => ("axis", 2),
        _ => ("action", 3),
    };
    let _ = write!(
        out,
        "<section class=\"{class}\" id=\"{class}-{number}\" aria-labelledby=\"{class}-{number}-h\">\n<h{h} id=\"{class}-{number}-h\">{}{} {}</h{h}>\n",
        escape(&lang.named(level, number)),
        lang.colon(),
        escape(title),
    );
    progress_line(out, lang, progress);
}

/// An objective's article; `progress` is the percentage the roll-up counts (an indicator's
/// when the objective has one), as the summary gives it.
fn objective_article(out: &mut String, lang: Language, o: &Objective, progress: u32) {
    let w = PageWords(lang);
    let r = o.reference();
    let id = match o.part {
        Some(p) => format!("objective-{}-{}", o.number, p.index),
        None => format!("objective-{}", o.number),
    };
    let _ = write!(
        out,
        "<article class=\"objective\" id=\"{id}\" aria-labelledby=\"{id}-h\">\n<h4 id=\"{id}-h\">{}{} {}{}</h4>\n<p class=\"status {}\">{}</p>\n",
        escape(&lang.objective(jalon_core::ObjectiveRef { part: None, ..r })),
        lang.colon(),
        escape(&o.fields.title),
        o.part
            .map(|p| format!(" ({}/{})", p.index, p.count))
            .unwrap_or_default(),
        status_class(o.fields.status),
        escape(lang.status(o.fields.status)),
    );
    progress_line(out, lang, Some(progress));
    for (label, text) in [
        (w.achievement(), &o.fields.achievement),
        (w.next_steps(), &o.fields.next_steps),
    ] {
        let _ = write!(out, "<details>\n<summary>{}</summary>\n", escape(&label));
        if text.trim().is_empty() {
            // Drawn by the style, so that it is not read back as the text.
            let _ = writeln!(
                out,
                "<div class=\"empty\" data-empty=\"{}\"></div>",
                escape(&w.nothing_written())
            );
        } else {
            paragraphs(out, text);
        }
        out.push_str("</details>\n");
    }
    out.push_str("</article>\n");
}

/// "Progress: 65%" with its bar; nothing for a level with no counted objective, whose "—"
/// the format has no line for.
fn progress_line(out: &mut String, lang: Language, value: Option<u32>) {
    if let Some(v) = value {
        let _ = writeln!(
            out,
            "<p class=\"progress\">{}{}</p>",
            escape(&PageWords(lang).progress_line(v)),
            bar(Some(v))
        );
    }
}

/// A bar for the eye; the percentage beside it is the text.
fn bar(value: Option<u32>) -> String {
    value.map_or_else(String::new, |v| {
        format!(
            " <span class=\"bar\" aria-hidden=\"true\"><span class=\"fill\" style=\"width:{}%\"></span></span>",
            v.min(100)
        )
    })
}

/// A text as paragraphs (blank lines apart) and bullet lists: a paragraph whose every line
/// is a bullet ("• …") is a list; any other keeps its lines, bullets included, with `<br>`,
/// so that it reads back line for line.
fn paragraphs(out: &mut String, text: &str) {
    let mut para: Vec<&str> = Vec::new();
    let flush = |out: &mut String, para: &mut Vec<&str>| {
        if para.is_empty() {
            return;
        }
        if para.iter().all(|l| l.starts_with("• ")) {
            out.push_str("<ul>\n");
            for l in para.iter() {
                let _ = writeln!(out, "<li>{}</li>", escape(l.trim_start_matches("• ")));
            }
            out.push_str("</ul>\n");
        } else {
            let lines: Vec<String> = para.iter().map(|l| escape(l)).collect();
            let _ = writeln!(out, "<p>{}</p>", lines.join("<br>\n"));
        }
        para.clear();
    };
    for line in text.lines().map(str::trim) {
        if line.is_empty() {
            flush(out, &mut para);
        } else {
            para.push(line);
        }
    }
    flush(out, &mut para);
}

fn status_class(s: Status) -> String {
    format!("status-{}", s.code().replace('_', "-"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn user_text_cannot_open_markup() {
        assert_eq!(
            escape("<script>alert('x')</script> & \"q\""),
            "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;q&quot;"
        );
    }

    #[test]
    fn bullet_paragraphs_become_lists_and_mixed_ones_keep_their_lines() {
        let mut out = String::new();
        paragraphs(
            &mut out,
            "Intro:\n\n• one\n• two <b>\n\nText\n• kept as a line",
        );
        assert_eq!(
            out,
            "<p>Intro:</p>\n<ul>\n<li>one</li>\n<li>two &lt;b&gt;</li>\n</ul>\n<p>Text<br>\n• kept as a line</p>\n"
        );
    }
}
