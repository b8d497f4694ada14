//! The axis chart rendered from the demo report, checked on its decoded pixels and its SVG.

use jalon_charts::{Format, Options, axis_actions};
use jalon_core::{Language, Store, import, summarize};

fn demo_summary() -> jalon_core::Summary {
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../assets/demo/demo-report.json"
    ))
    .expect("demo");
    let mut s = Store::open_in_memory().expect("store");
    import::import_json(&mut s, &text).expect("demo imports");
    summarize(&s.report().expect("report"))
}

fn decode(bytes: &[u8]) -> (u32, u32, Vec<u8>) {
    let decoder = png::Decoder::new(std::io::Cursor::new(bytes));
    let mut reader = decoder.read_info().expect("png header");
    let mut buf = vec![0; reader.output_buffer_size().expect("size")];
    let info = reader.next_frame(&mut buf).expect("png frame");
    buf.truncate(info.buffer_size());
    (info.width, info.height, buf)
}

/// Length in pixels of each run of the bar colour along rows, one per bar.
fn bar_lengths(w: u32, h: u32, rgb: &[u8]) -> Vec<u32> {
    let is_bar = |x: u32, y: u32| {
        let i = ((y * w + x) * 3) as usize;
        rgb[i] == 0 && rgb[i + 1] == 90 && rgb[i + 2] == 156
    };
    let mut lengths: Vec<u32> = Vec::new();
    let mut last = 0;
    for y in 0..h {
        let len = (0..w).filter(|&x| is_bar(x, y)).count() as u32;
        // One measure per bar: the first full row after a gap.
        if len > 0 && last == 0 {
            lengths.push(len);
        }
        last = len;
    }
    lengths
}

#[test]
fn the_png_has_the_requested_size_and_bars_proportional_to_the_values() {
    let summary = demo_summary();
    let opts = Options::default();
    let out = axis_actions(&summary, 4, &opts, Format::Png).expect("render");
    let (w, h, rgb) = decode(&out.bytes);
    assert_eq!((w, h), (1920, 1080));
    let lengths = bar_lengths(w, h, &rgb);
    assert_eq!(lengths.len(), 4, "one bar per action: {lengths:?}");
    // 65, 13, 58, 27 percent of the same track: ratios within a pixel or two.
    let unit = f64::from(lengths[0]) / 65.0;
    for (len, value) in lengths.iter().zip([65.0, 12.5, 57.5, 80.0 / 3.0]) {
        assert!(
            (f64::from(*len) - unit * value).abs() <= 3.0 + unit,
            "bar {len}px for {value}% (unit {unit:.2})"
        );
    }
    std::fs::create_dir_all(concat!(env!("CARGO_MANIFEST_DIR"), "/../../target/charts")).ok();
    std::fs::write(
        concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../../target/charts/axis-4-actions.png"
        ),
        &out.bytes,
    )
    .ok();
    assert!(out.alt_text.contains("Action 14 65%"), "{}", out.alt_text);
}

#[test]
fn the_same_input_gives_the_same_bytes() {
    let summary = demo_summary();
    let a = axis_actions(&summary, 4, &Options::default(), Format::Png).expect("a");
    let b = axis_actions(&summary, 4, &Options::default(), Format::Png).expect("b");
    assert!(a.bytes == b.bytes, "deterministic PNG");
}

#[test]
fn the_svg_holds_real_text_a_title_and_a_description() {
    let summary = demo_summary();
    let opts = Options {
        lang: Language::Fr,
        ..Options::default()
    };
    let out = axis_actions(&summary, 4, &opts, Format::Svg).expect("render");
    let svg = String::from_utf8(out.bytes).expect("utf-8");
    assert!(
        svg.contains("<title>Axe 4\u{a0}: avancement par action</title>"),
        "title"
    );
    assert!(svg.contains("<desc>"), "desc");
    assert!(svg.contains("65\u{a0}%"), "French value label");
    assert!(svg.contains("<text"), "real text");
}

#[test]
fn zero_full_and_empty_actions_render_and_an_unknown_axis_is_an_error() {
    let mut summary = demo_summary();
    let axis = summary
        .axes
        .iter_mut()
        .find(|a| a.number == 4)
        .expect("axis 4");
    axis.actions[0].progress = Some(0);
    axis.actions[1].progress = Some(100);
    axis.actions[2].progress = None;
    for format in [Format::Png, Format::Svg] {
        axis_actions(&summary, 4, &Options::default(), format).expect("renders");
    }
    let small = Options {
        width: 1024,
        height: 768,
        ..Options::default()
    };
    let (w, h, _) = decode(
        &axis_actions(&summary, 4, &small, Format::Png)
            .expect("4:3")
            .bytes,
    );
    assert_eq!((w, h), (1024, 768));
    assert!(axis_actions(&summary, 9, &Options::default(), Format::Png).is_err());
}
