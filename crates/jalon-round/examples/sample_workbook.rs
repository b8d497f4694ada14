//! Writes one round workbook for a report file's first lead, to look at in a spreadsheet:
//! `cargo run -p jalon-round --example sample_workbook -- REPORT.jalon OUT.xlsx`.
fn main() {
    let args: Vec<String> = std::env::args().collect();
    let store = jalon_store::Store::open(std::path::Path::new(&args[1])).expect("report");
    let report = store.report().expect("read");
    let groups = jalon_round::by_lead(&report);
    let (lead, objectives) = &groups[0];
    let items: Vec<jalon_round::Issued> = objectives
        .iter()
        .map(|&(axis, action, objective)| jalon_round::Issued {
            axis,
            action,
            objective,
            last: None,
        })
        .collect();
    let bytes = jalon_round::workbook(&jalon_round::WorkbookInput {
        round_id: "sample",
        report_id: "sample",
        report_title: &report.strategy.title,
        lead: lead.as_deref().unwrap_or(""),
        due: "2026-06-15",
        lang: report.strategy.language,
        objectives: &items,
    })
    .expect("workbook");
    std::fs::write(&args[2], bytes).expect("write");
}
