// Declares Jalon's own commands so that Tauri generates one permission per command; the main
// window's capability then allows exactly these and nothing else.
fn main() {
    tauri_build::try_build(
        tauri_build::Attributes::new()
            .app_manifest(tauri_build::AppManifest::new().commands(jalon_desktop_commands())),
    )
    .expect("tauri build script");
}

fn jalon_desktop_commands() -> &'static [&'static str] {
    &[
        "load",
        "update_objective",
        "update_strategy",
        "add_axis",
        "rename_axis",
        "delete_axis",
        "move_axis",
        "add_action",
        "rename_action",
        "delete_action",
        "move_action",
        "add_objective",
        "delete_objective",
        "move_objective",
        "split_objective",
        "trace",
        "undo",
        "redo",
        "new_report",
        "open_report",
        "open_recent",
        "save_copy_as",
        "import_page",
        "import_json",
        "export_json",
        "chart_previews",
        "export_chart",
        "export_charts",
        "view_period",
        "close_checks",
        "close_period",
        "compare_periods",
        "objective_history",
        "period_history",
        "import_past_page",
    ]
}
