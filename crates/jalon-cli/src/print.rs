//! Output helpers shared by the subcommands.

pub fn json<T: serde::Serialize>(value: &T) {
    // Plain data structures always serialise.
    println!(
        "{}",
        serde_json::to_string_pretty(value).unwrap_or_default()
    );
}

/// Word runs in wdiff notation: [-removed-]{+added+}.
pub fn wdiff(runs: &[jalon_core::period::WordRun]) -> String {
    use jalon_core::period::Piece;
    runs.iter()
        .map(|r| match r.kind {
            Piece::Same => r.text.clone(),
            Piece::Added => format!("{{+{}+}}", r.text),
            Piece::Removed => format!("[-{}-]", r.text),
        })
        .collect()
}

/// An unnamed period, as the CLI shows it.
pub fn period_name(label: &str) -> String {
    if label.is_empty() {
        "(unnamed period)".to_string()
    } else {
        label.to_string()
    }
}
