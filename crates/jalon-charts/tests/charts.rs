//! Charts rendered from the demo report, checked on their decoded pixels, their SVG text and
//! the files a pack writes.

use jalon_charts::{
    ChartId, Format, Options, PeriodFigures, Scope, Theme, all_scopes, catalogue, render,
};
use jalon_core::{Language, Status, Summary, summarize};
use jalon_store::{Store, import};

fn demo_summary() -> Summary {
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../assets/demo/demo-report.json"
    ))
    .expect("demo");
    let mut s = Store::open_in_memory().expect("store");
    import::import_json(&mut s, &text).expect("demo imports");
    summarize(&s.report().expect("report"))
}

fn now(summary: &Summary) -> Vec<PeriodFigures> {
    vec![PeriodFigures::from_summary("2026-Q1", summary)]
}

fn decode(bytes: &[u8]) -> (u32, u32, Vec<u8>) {
    let decoder = png::Decoder::new(std::io::Cursor::new(bytes));
    let mut reader = decoder.read_info().expect("png header");
    let mut buf = vec![0; reader.output_buffer_size().expect("size")];
    let info = reader.next_frame(&mut buf).expect("png frame");
    buf.truncate(info.buffer_size());
    (info.width, info.height, buf)
}

/// For each bar, the length in pixels of its coloured run: the longest run of `is_bar`
/// pixels on the row, measured once per bar on the second row after a gap (the first is
/// blended with the background at the edge).
fn bar_lengths(w: u32, h: u32, rgb: &[u8], is_bar: impl Fn([u8; 3]) -> bool) -> Vec<u32> {
    let run = |y: u32| {
        let (mut best, mut cur) = (0u32, 0u32);
        for x in 0..w {
            let i = ((y * w + x) * 3) as usize;
            if is_bar([rgb[i], rgb[i + 1], rgb[i + 2]]) {
                cur += 1;
                best = best.max(cur);
            } else {
                cur = 0;
            }
        }
        best
    };
    let mut lengths: Vec<u32> = Vec::new();
    let mut last = 0;
    for y in 0..h.saturating_sub(1) {
        let len = run(y);
        if len > 0 && last == 0 {
            lengths.push(run(y + 1).max(len));
        }
        last = len;
    }
    lengths
}

fn save(name: &str, bytes: &[u8]) {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../../target/charts");
    std::fs::create_dir_all(dir).ok();
    std::fs::write(format!("{dir}/{name}"), bytes).ok();
}

/// The lines of text an SVG shows, one per `<text>`, its word chunks joined.
fn svg_lines(svg: &str) -> String {
    let mut out = String::new();
    for part in svg.split("<text").skip(1) {
        let body =
            &part[part.find('>').map_or(0, |i| i + 1)..part.find("</text>").unwrap_or(part.len())];
        let mut inside = false;
        for c in body.chars() {
            match c {
                '<' => inside = true,
                '>' => inside = false,
                c if !inside => out.push(c),
                _ => {}
            }
        }
        out.push('\n');
    }
    out.replace("&amp;", "&")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
}

#[test]
fn axis_bars_have_lengths_proportional_to_the_values() {
    let summary = demo_summary();
    let out = render(
        &summary,
        &now(&summary),
        ChartId::AxisActions(4),
        &Options::default(),
        Format::Png,
    )
    .expect("render");
    save("axis-4-actions.png", &out.bytes);
    let (w, h, rgb) = decode(&out.bytes);
    assert_eq!((w, h), (1920, 1080));
    let lengths = bar_lengths(w, h, &rgb, |p| p == [0, 90, 156]);
    let values: Vec<u32> = summary
        .axes
        .iter()
        .find(|a| a.number == 4)
        .expect("axis 4")
        .actions
        .iter()
        .map(|a| a.progress.expect("a value"))
        .collect();
    assert_eq!(
        lengths.len(),
        values.len(),
        "one bar per action: {lengths:?}"
    );
    let unit = f64::from(lengths[0]) / f64::from(values[0]);
    for (len, value) in lengths.iter().zip(&values) {
        assert!(
            (f64::from(*len) - unit * f64::from(*value)).abs() <= 2.0,
            "bar {len}px for {value}% (unit {unit:.2})"
        );
    }
    assert!(out.alt_text.contains("Action 14 65%"), "{}", out.alt_text);
}

#[test]
fn objective_bars_take_their_status_colour_and_stay_proportional() {
    let summary = demo_summary();
    let out = render(
        &summary,
        &[],
        ChartId::ActionObjectives(14),
        &Options::default(),
        Format::Png,
    )
    .expect("render");
    save("action-14-objectives.png", &out.bytes);
    let (w, h, rgb) = decode(&out.bytes);
    let completed = [0, 133, 97];
    let in_progress = [0, 114, 178];
    let action = summary
        .axes
        .iter()
        .flat_map(|a| &a.actions)
        .find(|a| a.number == 14)
        .expect("14");
    // The legend's swatches (24 px) share the colours; bars are the longer runs (5 % is 43 px).
    let all: Vec<u32> = bar_lengths(w, h, &rgb, |p| p == completed || p == in_progress)
        .into_iter()
        .filter(|&l| l > 30)
        .collect();
    let values: Vec<u32> = action.objectives.iter().map(|o| o.progress).collect();
    assert_eq!(all.len(), values.len(), "{all:?}");
    let full = f64::from(all[values.iter().position(|&v| v == 100).expect("a 100%")]);
    for (len, v) in all.iter().zip(&values) {
        assert!(
            (f64::from(*len) - full * f64::from(*v) / 100.0).abs() <= 2.0,
            "{len} for {v}"
        );
    }
    let done = bar_lengths(w, h, &rgb, |p| p == completed)
        .into_iter()
        .filter(|&l| l > 30)
        .count();
    let expected = action
        .objectives
        .iter()
        .filter(|o| o.status == Status::Completed)
        .count();
    assert_eq!(
        done, expected,
        "completed bars drawn in the completed colour"
    );
}

#[test]
fn every_preset_and_an_odd_size_decode_to_the_requested_size() {
    let summary = demo_summary();
    for (width, height) in [(1920, 1080), (1280, 720), (1024, 768), (801, 333)] {
        let opts = Options {
            width,
            height,
            ..Options::default()
        };
        for chart in [ChartId::StrategyAxes, ChartId::Status(Scope::Strategy)] {
            let out = render(&summary, &now(&summary), chart, &opts, Format::Png).expect("png");
            let (w, h, _) = decode(&out.bytes);
            assert_eq!((w, h), (width, height), "{}", chart.stem());
        }
        let svg = render(&summary, &[], ChartId::StrategyAxes, &opts, Format::Svg).expect("svg");
        let svg = String::from_utf8(svg.bytes).expect("utf-8");
        assert!(svg.contains(&format!("viewBox=\"0 0 {width} {height}\"")));
    }
    let tiny = Options {
        width: 100,
        height: 100,
        ..Options::default()
    };
    assert!(render(&summary, &[], ChartId::StrategyAxes, &tiny, Format::Png).is_err());
}

#[test]
fn the_same_input_gives_the_same_bytes() {
    let summary = demo_summary();
    for format in [Format::Png, Format::Svg] {
        for chart in [ChartId::AxisActions(4), ChartId::Status(Scope::Axis(4))] {
            let a = render(&summary, &[], chart, &Options::default(), format).expect("a");
            let b = render(&summary, &[], chart, &Options::default(), format).expect("b");
            assert!(a.bytes == b.bytes, "deterministic {}", chart.stem());
        }
    }
}

#[test]
fn the_svg_holds_real_text_titles_labels_and_values_in_the_report_language() {
    let summary = demo_summary();
    let opts = Options {
        lang: Language::Fr,
        ..Options::default()
    };
    let out = render(&summary, &[], ChartId::AxisActions(4), &opts, Format::Svg).expect("svg");
    let svg = String::from_utf8(out.bytes).expect("utf-8");
    assert!(
        svg.contains(">Axe 4\u{a0}: avancement par action</title>"),
        "title"
    );
    assert!(svg.contains("<desc id=\"axis-4-actions-desc\">"), "desc");
    assert!(svg.contains("role=\"img\""));
    let axis = summary.axes.iter().find(|a| a.number == 4).expect("axis 4");
    for action in &axis.actions {
        let value = format!("{}\u{a0}%", action.progress.expect("value"));
        assert!(svg_lines(&svg).contains(&value), "value {value}");
        assert!(
            svg_lines(&svg).contains(&format!("Action {}", action.number)),
            "label"
        );
    }
    assert!(svg_lines(&svg).contains("données au"), "French subtitle");
    assert!(svg.contains("font-family=\"Liberation Sans, Arial"));
    assert!(
        out.alt_text.starts_with("Graphique en barres"),
        "{}",
        out.alt_text
    );

    let donut = render(
        &summary,
        &[],
        ChartId::Status(Scope::Strategy),
        &Options::default(),
        Format::Svg,
    )
    .expect("donut");
    let svg = String::from_utf8(donut.bytes).expect("utf-8");
    let total = summary.strategy.objective_count.to_string();
    assert!(
        svg_lines(&svg).contains(&format!("\n{total}\n")),
        "total in the hole"
    );
    for status in Status::ALL {
        assert!(
            svg_lines(&svg).contains(Language::En.status(status)),
            "{status:?} in the legend"
        );
    }
}

#[test]
fn the_dark_theme_paints_a_dark_background() {
    let summary = demo_summary();
    let opts = Options {
        theme: Theme::Dark,
        width: 640,
        height: 360,
        ..Options::default()
    };
    let out = render(&summary, &[], ChartId::StrategyAxes, &opts, Format::Png).expect("png");
    let (_, _, rgb) = decode(&out.bytes);
    assert!(
        rgb[0] < 40 && rgb[1] < 40 && rgb[2] < 40,
        "corner pixel {:?}",
        &rgb[..3]
    );
}

fn edge_cases() -> Summary {
    let mut summary = demo_summary();
    let axis = summary
        .axes
        .iter_mut()
        .find(|a| a.number == 4)
        .expect("axis 4");
    axis.actions[0].progress = Some(0);
    for o in &mut axis.actions[0].objectives {
        o.progress = 0;
        o.status = Status::NotStarted;
    }
    axis.actions[1].progress = Some(100);
    axis.actions[2].progress = None;
    axis.actions[2].objectives.clear();
    let mut empty_axis = axis.clone();
    empty_axis.number = 9;
    empty_axis.actions.clear();
    empty_axis.progress = None;
    summary.axes.push(empty_axis);
    summary
}

#[test]
fn every_chart_renders_for_empty_zero_and_full_cases() {
    let summary = edge_cases();
    let mut empty = summary.clone();
    empty.axes.clear();
    empty.strategy.progress = None;
    let trends = [
        vec![],
        now(&summary),
        vec![
            PeriodFigures {
                label: "2025-Q4".into(),
                ..PeriodFigures::default()
            },
            PeriodFigures::from_summary("2026-Q1", &summary),
        ],
    ];
    for s in [&summary, &empty] {
        for scope in all_scopes(s) {
            for chart in catalogue(s, scope).expect("catalogue") {
                for trend in &trends {
                    for format in [Format::Png, Format::Svg] {
                        render(s, trend, chart, &Options::default(), format)
                            .unwrap_or_else(|e| panic!("{}: {e}", chart.stem()));
                    }
                }
            }
        }
    }
    let zero = render(
        &summary,
        &[],
        ChartId::AxisActions(4),
        &Options::default(),
        Format::Png,
    )
    .expect("zero");
    save("edge-axis-4-actions.png", &zero.bytes);
    let (w, h, rgb) = decode(&zero.bytes);
    let lengths = bar_lengths(w, h, &rgb, |p| p == [0, 90, 156]);
    // 0 % and "nothing counted" draw no bar; 100 % and 58 % do.
    assert_eq!(lengths.len(), 2, "{lengths:?}");
    let empty_axis = render(
        &summary,
        &[],
        ChartId::AxisActions(9),
        &Options::default(),
        Format::Svg,
    )
    .expect("empty axis");
    assert!(
        svg_lines(&String::from_utf8(empty_axis.bytes).expect("utf-8"))
            .contains("No actions in this axis yet")
    );
    assert!(
        render(
            &summary,
            &[],
            ChartId::AxisActions(99),
            &Options::default(),
            Format::Png
        )
        .is_err()
    );
    assert!(
        render(
            &summary,
            &[],
            ChartId::ActionObjectives(99),
            &Options::default(),
            Format::Png
        )
        .is_err()
    );
}

#[test]
fn a_trend_with_three_periods_draws_each_point_with_its_value() {
    let summary = demo_summary();
    let mut q4 = PeriodFigures::from_summary("2025-Q4", &summary);
    q4.strategy = Some(30);
    let mut q3 = PeriodFigures::from_summary("2025-Q3", &summary);
    q3.strategy = Some(21);
    let trend = vec![q3, q4, PeriodFigures::from_summary("2026-Q1", &summary)];
    let out = render(
        &summary,
        &trend,
        ChartId::Trend(Scope::Strategy),
        &Options::default(),
        Format::Svg,
    )
    .expect("trend");
    let svg = String::from_utf8(out.bytes).expect("utf-8");
    for label in ["2025-Q3", "2025-Q4", "2026-Q1", "21%", "30%"] {
        assert!(svg_lines(&svg).contains(label), "{label}");
    }
    assert!(
        svg.contains("<polyline") || svg.contains("<path"),
        "a line joins the points"
    );
    assert!(
        out.alt_text.contains("2025-Q3 21%, 2025-Q4 30%"),
        "{}",
        out.alt_text
    );
    let png = render(
        &summary,
        &trend,
        ChartId::Trend(Scope::Strategy),
        &Options::default(),
        Format::Png,
    )
    .expect("png");
    save("trend-strategy.png", &png.bytes);
}

#[test]
fn an_unnamed_open_period_is_the_current_one_in_the_charts_language() {
    let summary = demo_summary();
    let open = |label: &str, as_of: &str| jalon_core::Period {
        id: 2,
        label: label.into(),
        as_of: as_of.into(),
        state: jalon_core::PeriodState::Open,
        closed_at: None,
        checksum: None,
    };
    let closed = jalon_core::Period {
        id: 1,
        label: "2025-Q4".into(),
        state: jalon_core::PeriodState::Closed,
        ..open("", "2025-12-31")
    };
    let alt = |periods: &[(jalon_core::Period, Summary)], lang| {
        let opts = Options {
            lang,
            ..Options::default()
        };
        let trend = PeriodFigures::series(periods);
        render(
            &summary,
            &trend,
            ChartId::Trend(Scope::Strategy),
            &opts,
            Format::Svg,
        )
        .expect("trend")
        .alt_text
    };
    let pct = |lang: Language| lang.percent(summary.strategy.progress.expect("figure"));
    let unnamed = [
        (closed.clone(), summary.clone()),
        (open("", ""), summary.clone()),
    ];
    assert!(
        alt(&unnamed, Language::En).contains(&format!("Current {}", pct(Language::En))),
        "{}",
        alt(&unnamed, Language::En)
    );
    assert!(
        alt(&unnamed, Language::Fr).contains(&format!("En cours {}", pct(Language::Fr))),
        "{}",
        alt(&unnamed, Language::Fr)
    );
    let dated = [
        (closed, summary.clone()),
        (open("", "2026-03-31"), summary.clone()),
    ];
    assert!(alt(&dated, Language::En).contains("2026-03-31"));
}

#[test]
fn a_pack_writes_every_chart_under_its_stable_name_with_alt_text_beside_each_png() {
    let summary = demo_summary();
    let dir = tempfile::tempdir().expect("tmp");
    let written = jalon_charts::pack::write_pack(
        dir.path(),
        &summary,
        &now(&summary),
        &[Scope::Axis(4)],
        &Options {
            width: 640,
            height: 360,
            ..Options::default()
        },
        &[Format::Png, Format::Svg],
    )
    .expect("pack");
    let mut names: Vec<String> = std::fs::read_dir(dir.path())
        .expect("dir")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(
        names,
        [
            "axis-4-actions.png",
            "axis-4-actions.svg",
            "axis-4-actions.txt",
            "status-axis-4.png",
            "status-axis-4.svg",
            "status-axis-4.txt",
            "trend-axis-4.png",
            "trend-axis-4.svg",
            "trend-axis-4.txt",
        ]
    );
    assert_eq!(written.len(), 9);
    let alt = std::fs::read_to_string(dir.path().join("axis-4-actions.txt")).expect("txt");
    assert!(alt.contains("Axis 4") && alt.contains("65%"), "{alt}");
}

#[test]
fn the_demo_trend_is_made_of_its_closed_periods_then_the_open_one() {
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../assets/demo/demo-report.json"
    ))
    .expect("demo");
    let mut s = Store::open_in_memory().expect("store");
    import::import_json(&mut s, &text).expect("demo imports");
    let periods = s.period_summaries().expect("periods");
    let series = PeriodFigures::series(&periods);
    let labels: Vec<&str> = series.iter().map(|p| p.label.as_str()).collect();
    assert_eq!(labels, vec!["2025-Q3", "2025-Q4", "2026-Q1"]);
    for ((p, _), figures) in periods.iter().zip(&series) {
        let report = s.period_report(p).expect("snapshot");
        assert_eq!(
            figures.strategy,
            summarize(&report).strategy.progress,
            "{}: each point is that period's own figure",
            p.label
        );
    }
    let summary = summarize(&s.report().expect("report"));
    assert_eq!(
        series[2].strategy, summary.strategy.progress,
        "the last is the live one"
    );
    let out = render(
        &summary,
        &series,
        ChartId::Trend(Scope::Axis(4)),
        &Options::default(),
        Format::Svg,
    )
    .expect("trend");
    let want: Vec<String> = series
        .iter()
        .map(|p| format!("{} {}%", p.label, p.axes[&4].expect("axis 4 has a figure")))
        .collect();
    assert!(out.alt_text.contains(&want.join(", ")), "{}", out.alt_text);
}

/// A PNG's pixels as RGB, whatever its colour type (Chromium and librsvg write RGB,
/// LibreOffice RGBA).
fn decode_rgb(bytes: &[u8]) -> (u32, u32, Vec<u8>) {
    let decoder = png::Decoder::new(std::io::Cursor::new(bytes));
    let mut reader = decoder.read_info().expect("png header");
    let mut buf = vec![0; reader.output_buffer_size().expect("size")];
    let info = reader.next_frame(&mut buf).expect("png frame");
    buf.truncate(info.buffer_size());
    let channels = info.color_type.samples();
    let rgb = buf
        .chunks(channels)
        .flat_map(|p| {
            if channels == 4 && p[3] < 128 {
                [255, 255, 255]
            } else {
                [p[0], p[1], p[2]]
            }
        })
        .collect();
    (info.width, info.height, rgb)
}

fn run_ok(cmd: &mut std::process::Command) {
    let o = cmd
        .output()
        .unwrap_or_else(|e| panic!("{cmd:?}: {e} (scripts/setup.sh installs it)"));
    assert!(
        o.status.success(),
        "{cmd:?}: {}",
        String::from_utf8_lossy(&o.stderr)
    );
}

/// Renders the axis-4 chart's SVG (the demo's longest labels, in English and French) with
/// librsvg, Chromium and LibreOffice on a font configuration that holds only DejaVu: no
/// Liberation Sans, no Arial. No label may run into its bar: the columns just left of where
/// the bars start hold no text.
#[test]
fn svg_labels_keep_clear_of_the_bars_with_only_dejavu_installed() {
    let dir = tempfile::tempdir().expect("tempdir");
    let conf = dir.path().join("fonts.conf");
    std::fs::write(
        &conf,
        format!(
            r#"<?xml version="1.0"?><!DOCTYPE fontconfig SYSTEM "fonts.dtd"><fontconfig><dir>/usr/share/fonts/truetype/dejavu</dir><cachedir>{}</cachedir><include ignore_missing="yes">/etc/fonts/conf.d</include></fontconfig>"#,
            dir.path().join("cache").display()
        ),
    )
    .expect("fonts.conf");
    // The machine must really lack the bundled face and Arial, or this proves nothing.
    let matched = std::process::Command::new("fc-match")
        .args(["Liberation Sans, Arial"])
        .env("FONTCONFIG_FILE", &conf)
        .output()
        .expect("fc-match");
    let matched = String::from_utf8_lossy(&matched.stdout).into_owned();
    assert!(matched.contains("DejaVu Sans"), "fallback face: {matched}");

    let summary = demo_summary();
    for lang in [Language::En, Language::Fr] {
        let opts = Options {
            lang,
            ..Options::default()
        };
        let svg = render(&summary, &[], ChartId::AxisActions(4), &opts, Format::Svg).expect("svg");
        let svg_path = dir.path().join(format!("axis-{lang:?}.svg"));
        std::fs::write(&svg_path, &svg.bytes).expect("svg");
        let out = |name: &str| dir.path().join(format!("{lang:?}-{name}.png"));
        let mut rsvg = std::process::Command::new("rsvg-convert");
        rsvg.args(["-w", "1920", "-h", "1080", "-o"])
            .arg(out("rsvg"))
            .arg(&svg_path);
        let mut chromium = std::process::Command::new("chromium");
        chromium
            .args([
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--hide-scrollbars",
                "--window-size=1920,1080",
            ])
            .arg(format!("--screenshot={}", out("chromium").display()))
            .arg(format!("file://{}", svg_path.display()));
        let lo_dir = dir.path().join(format!("lo-{lang:?}"));
        let mut soffice = std::process::Command::new("soffice");
        soffice
            .arg(format!(
                "-env:UserInstallation=file://{}",
                dir.path().join("lo-profile").display()
            ))
            .args(["--headless", "--convert-to", "png", "--outdir"])
            .arg(&lo_dir)
            .arg(&svg_path);
        for (name, cmd, png) in [
            ("librsvg", &mut rsvg, out("rsvg")),
            ("Chromium", &mut chromium, out("chromium")),
            (
                "LibreOffice",
                &mut soffice,
                lo_dir.join(format!("axis-{lang:?}.png")),
            ),
        ] {
            cmd.env("FONTCONFIG_FILE", &conf);
            run_ok(cmd);
            let (w, h, rgb) = decode_rgb(&std::fs::read(&png).expect("rendered png"));
            let px = |x: u32, y: u32| {
                let i = ((y * w + x) * 3) as usize;
                [rgb[i], rgb[i + 1], rgb[i + 2]]
            };
            let near = |p: [u8; 3], c: [u8; 3]| p.iter().zip(c).all(|(a, b)| a.abs_diff(b) <= 8);
            // Where the bars and their tracks start, and the rows they cover.
            let is_bar = |p: [u8; 3]| near(p, [0, 90, 156]) || near(p, [226, 231, 237]);
            let mut bar_x = w;
            let (mut top, mut bottom) = (h, 0);
            // A bar's row: a run of at least 60 bar or track pixels (not a stray text pixel).
            let run_start = |y: u32| {
                let mut run = 0;
                for x in 0..w {
                    run = if is_bar(px(x, y)) { run + 1 } else { 0 };
                    if run == 60 {
                        return Some(x + 1 - 60);
                    }
                }
                None
            };
            for y in 0..h {
                if let Some(x) = run_start(y) {
                    bar_x = bar_x.min(x);
                    top = top.min(y);
                    bottom = bottom.max(y);
                }
            }
            assert!(bar_x < w / 2, "{name}: no bars found");
            // Ten pixels (at 1920 wide) left of the bars: background only, no text.
            let zone = (10 * w / 1920).max(4);
            let ink: Vec<(u32, u32)> = (top.saturating_sub(30)..(bottom + 30).min(h))
                .flat_map(|y| (bar_x - zone..bar_x).map(move |x| (x, y)))
                .filter(|&(x, y)| {
                    // Text is dark grey (its anti-aliasing too); a bar's blended edge is blue.
                    let p = px(x, y);
                    let spread = p.iter().max().unwrap_or(&0) - p.iter().min().unwrap_or(&0);
                    spread < 40 && u32::from(p[0]) + u32::from(p[1]) + u32::from(p[2]) < 3 * 160
                })
                .collect();
            assert!(
                ink.is_empty(),
                "{name} ({lang:?}): text runs into the bars at {:?}; see {}",
                &ink[..ink.len().min(5)],
                png.display()
            );
        }
    }
}

/// A chart for part of a slide sets its text larger by the scale asked, its layout following:
/// the title's size grows by the scale, and the labels still fit (wrapped, never cut off).
#[test]
fn a_text_scale_enlarges_the_text_and_the_layout_follows() {
    let summary = demo_summary();
    let size = |scale: f64| {
        let opts = Options {
            text_scale: scale,
            ..Options::default()
        };
        let svg = render(&summary, &[], ChartId::AxisActions(4), &opts, Format::Svg).expect("svg");
        let svg = String::from_utf8(svg.bytes).expect("utf-8");
        let at = svg.find("font-size=\"").expect("a text") + "font-size=\"".len();
        let title: f64 = svg[at..]
            .split('"')
            .next()
            .expect("size")
            .parse()
            .expect("number");
        (title, svg_lines(&svg))
    };
    let (plain, plain_lines) = size(1.0);
    let (large, large_lines) = size(1.5);
    assert!((large / plain - 1.5).abs() < 0.01, "{plain} → {large}");
    // Every action is still named, on more lines than before.
    for n in [14, 15, 16, 17] {
        assert!(
            large_lines.contains(&format!("Action {n}")),
            "{large_lines}"
        );
    }
    assert!(large_lines.lines().count() > plain_lines.lines().count());
}

/// The smallest text of every chart of the catalogue, drawn for a frame at the scale
/// `text_scale_for` gives, is the size it was asked for: what the deck relies on to keep the
/// charts' text at 12 pt on a slide whatever the frame's shape.
#[test]
fn text_scale_for_a_frame_gives_its_smallest_text_the_size_asked() {
    let summary = demo_summary();
    let trend = now(&summary);
    // Frames in points, as the deck places them: wide, 16:9, 4:3 and tall.
    for (w, h) in [
        (888.0, 380.0),
        (640.0, 360.0),
        (648.0, 300.0),
        (420.0, 400.0),
    ] {
        let scale = jalon_charts::text_scale_for(w, h, 12.0);
        // Two pixels per point, as the deck draws.
        let opts = Options {
            width: (w * 2.0) as u32,
            height: (h * 2.0) as u32,
            text_scale: scale,
            ..Options::default()
        };
        for scope in jalon_charts::all_scopes(&summary) {
            for id in jalon_charts::catalogue(&summary, scope).expect("catalogue") {
                let svg = render(&summary, &trend, id, &opts, Format::Svg).expect("svg");
                let svg = String::from_utf8(svg.bytes).expect("utf-8");
                let smallest = svg
                    .split("font-size=\"")
                    .skip(1)
                    .filter_map(|s| s.split('"').next()?.parse::<f64>().ok())
                    .fold(f64::INFINITY, f64::min);
                let pt = smallest * w / f64::from(opts.width);
                assert!((pt - 12.0).abs() < 0.05, "{id:?} at {w}×{h} pt: {pt} pt");
            }
        }
    }
}
